package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.api.ProcedureApi;
import cn.wenzhou.renovation.api.model.MissingDocumentInfo;
import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusResponse;
import cn.wenzhou.renovation.api.model.ProcedureStepInfo;
import cn.wenzhou.renovation.api.model.ReasonEffect;
import cn.wenzhou.renovation.api.model.UncountedPeriodInfo;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Where a project stands in guide §3's ten steps, with the ruleset the caller took and the calendar in
 * force when it asked. Maps the request to {@link ProjectProgress} and the rules' status back. No policy here.
 */
@Component
public class ProcedureDecider implements Decider<ProcedureStatusRequest, ProcedureStatusResponse> {

    private final ProcedureService service;
    private final Clock clock;

    ProcedureDecider(ProcedureService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String path() {
        return ProcedureApi.PATH_ASSESS_PROCEDURE_STATUS;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("procedure");
    }

    @Override
    public Class<ProcedureStatusRequest> requestType() {
        return ProcedureStatusRequest.class;
    }

    @Override
    public ProcedureStatusResponse decide(CompiledRuleset ruleset, ProcedureStatusRequest request) {
        // No date is refused here for lying in a year the calendar lacks: only a period the rules count
        // needs that year, and they report it as an uncounted period while the rest of the answer stands.
        LocalDate today = request.getEvaluationDate() != null ? request.getEvaluationDate() : LocalDate.now(clock);
        Optional<PublicityPeriod> publicity = publicity(request);
        ProcedureStatus status = service.status(ruleset, progress(request, today, ruleset), publicity);
        return toResponse(request, status);
    }

    private Optional<PublicityPeriod> publicity(ProcedureStatusRequest request) {
        LocalDate posted = request.getPublicityPostedOn();
        LocalDate last = request.getPublicityLastDay();
        if (posted == null && last == null) {
            return Optional.empty();
        }
        if (posted == null || last == null) {
            throw new InvalidFieldException(
                    posted == null ? "publicityPostedOn" : "publicityLastDay",
                    "公示张贴日和最后一日须同时填写 (give both publicityPostedOn and publicityLastDay)");
        }
        if (last.isBefore(posted)) {
            throw new InvalidFieldException("publicityLastDay", "公示最后一日 " + last + " 早于张贴日 " + posted);
        }
        return Optional.of(new PublicityPeriod(posted, last));
    }

    private ProjectProgress progress(ProcedureStatusRequest request, LocalDate today, CompiledRuleset ruleset) {
        DocumentList known = DocumentList.of(ruleset);
        Set<String> documents = new HashSet<>();
        List<String> sent = request.getDocuments() == null ? List.of() : request.getDocuments();
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) == null) {
                throw new InvalidFieldException("documents[" + i + "]", "材料代码不能为 null");
            }
            if (!known.knows(sent.get(i))) {
                throw new InvalidFieldException(
                        "documents[" + i + "]",
                        "未知的材料代码 " + sent.get(i) + "；可用的代码: "
                                + String.join(", ", known.namesByCode().keySet()));
            }
            documents.add(sent.get(i));
        }
        return new ProjectProgress(
                today,
                isTrue(request.getIntentConsentReached()),
                isTrue(request.getPlanningSchemeDrafted()),
                request.getSiteSurveyOn(),
                isTrue(request.getDepartmentRepliesReceived()),
                isTrue(request.getDesignVotePassed()),
                request.getPublicityObjections(),
                isTrue(request.getStreetReviewPassed()),
                isTrue(request.getFundsReady()),
                isTrue(request.getProjectApproved()),
                isTrue(request.getConstructionCompleted()),
                isTrue(request.getCompletionAccepted()),
                isTrue(request.getHandedOver()),
                isTrue(request.getPostEvaluationDone()),
                documents);
    }

    /** The contract: a milestone not reported is not reached yet. */
    private static boolean isTrue(Boolean reported) {
        return Boolean.TRUE.equals(reported);
    }

    private static ProcedureStatusResponse toResponse(ProcedureStatusRequest request, ProcedureStatus status) {
        Reasons reasons = new Reasons(status.ruleset());
        return new ProcedureStatusResponse()
                .jurisdiction(status.ruleset().jurisdiction())
                .rulesetVersion(status.ruleset().version())
                .projectName(request.getProjectName())
                .allStepsComplete(status.currentStep().isEmpty())
                .currentStep(status.currentStep().map(ProcedureDecider::info).orElse(null))
                .nextStep(status.nextStep().map(ProcedureDecider::info).orElse(null))
                .completedSteps(status.completeSteps().stream()
                        .sorted()
                        .map(n -> info(ProcedureStep.numbered(n)))
                        .toList())
                .blockers(reasons.of(status.blockers()))
                .missingDocuments(status.missingDocuments().stream()
                        .map(m -> new MissingDocumentInfo()
                                .step(m.document().step())
                                .code(m.document().code())
                                .name(m.document().name())
                                .annex(
                                        m.document().annex() == 0
                                                ? null
                                                : m.document().annex())
                                .reason(reasons.of(
                                        m.document().ruleId(),
                                        ReasonEffect.CONDITION_FAILED,
                                        "第" + m.document().step() + "步“"
                                                + ProcedureStep.numbered(
                                                                m.document().step())
                                                        .label()
                                                + "”缺少《" + m.document().name() + "》"
                                                + (m.document().annex() == 0
                                                        ? ""
                                                        : "（" + m.document().annexLabel() + "）"))))
                        .toList())
                .publicity(status.publicity()
                        .map(p -> PublicityChecks.toApi(reasons, p))
                        .orElse(null))
                .uncountedPeriods(status.uncountedPeriods().stream()
                        .map(u -> new UncountedPeriodInfo()
                                .field(u.needs().requestField())
                                .date(u.date())
                                .missingYear(u.missingYear())
                                .reason(reasons.of(u)))
                        .toList())
                .milestones(status.milestones().stream()
                        .map(m -> reasons.of(m.ruleId(), ReasonEffect.CONDITION_MET, m.message()))
                        .toList());
    }

    static ProcedureStepInfo info(ProcedureStep step) {
        return new ProcedureStepInfo()
                .number(step.number())
                .code(ProcedureStepInfo.CodeEnum.valueOf(step.name()))
                .label(step.label());
    }
}
