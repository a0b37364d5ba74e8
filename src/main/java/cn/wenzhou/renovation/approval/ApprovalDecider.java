package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.api.model.ApprovalStepCode;
import cn.wenzhou.renovation.api.model.ApprovalStepResult;
import cn.wenzhou.renovation.api.model.Reason;
import cn.wenzhou.renovation.api.model.ReasonEffect;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.Decimals;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Guide §4's approval path for one project, with the ruleset the caller took. No policy here. */
@Component
public class ApprovalDecider implements Decider<ApprovalPlanRequest, ApprovalPlanResponse> {

    @Override
    public String path() {
        return ApprovalsApi.PATH_PLAN_APPROVALS;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("approvals");
    }

    @Override
    public Class<ApprovalPlanRequest> requestType() {
        return ApprovalPlanRequest.class;
    }

    @Override
    public ApprovalPlanResponse decide(CompiledRuleset ruleset, ApprovalPlanRequest request) {
        ApprovalProject project = new ApprovalProject(
                request.getGovernmentInvested(),
                Decimals.yuan("totalInvestment", request.getTotalInvestment()),
                request.getChangesLandOwnership(),
                request.getChangesLandUse(),
                request.getChangesHousingUse(),
                request.getAddsFloorArea(),
                request.getMajorStructuralChange(),
                request.getPlanningConditionAdjustment(),
                request.getFacadeAlongImportantStreet(),
                request.getInvolvesFireSafety(),
                request.getInvolvesStructureOrSeismic(),
                request.getMeetsCurrentStandards());
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);
        Reasons reasons = new Reasons(plan.ruleset());
        List<Reason> scopeReasons = new ArrayList<>();
        scopeReasons.add(reasons.of(
                plan.scope().ruleId(), ReasonEffect.DECISION, plan.scope().message()));
        scopeReasons.addAll(reasons.of(plan.scopeFindings()));
        return new ApprovalPlanResponse()
                .jurisdiction(plan.ruleset().jurisdiction())
                .rulesetVersion(plan.ruleset().version())
                .projectName(request.getProjectName())
                .optimizedScope(plan.scope().applies())
                .scopeReasons(scopeReasons)
                .steps(plan.steps().stream()
                        .map(step -> new ApprovalStepResult()
                                .step(ApprovalStepCode.valueOf(step.step().name()))
                                .label(step.step().label())
                                .treatment(cn.wenzhou.renovation.api.model.StepTreatment.valueOf(
                                        step.treatment().name()))
                                .mergedWith(
                                        step.mergedWith().isEmpty()
                                                ? null
                                                : step.mergedWith().stream()
                                                        .map(s -> ApprovalStepCode.valueOf(s.name()))
                                                        .toList())
                                .reason(reason(reasons, step)))
                        .toList());
    }

    private static Reason reason(Reasons reasons, ApprovalFinding step) {
        Reason reason = reasons.of(step.ruleId(), ReasonEffect.DECISION, step.message());
        return step.interpretation() == null ? reason : reason.interpretation(step.interpretation());
    }
}
