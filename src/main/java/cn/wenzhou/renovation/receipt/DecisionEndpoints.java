package cn.wenzhou.renovation.receipt;

import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.approval.ApprovalDecider;
import cn.wenzhou.renovation.assessment.ProjectAssessor;
import cn.wenzhou.renovation.consent.ConsentTallies;
import cn.wenzhou.renovation.eligibility.EligibilityDecider;
import cn.wenzhou.renovation.funding.FundingDecider;
import cn.wenzhou.renovation.procedure.ProcedureDecider;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The decision endpoints a receipt can be kept for and replayed through: each path with its request
 * type and the capability's decider, so a replay goes through exactly the code a request does, with the
 * ruleset it is replayed under passed in.
 */
@Component
class DecisionEndpoints {

    /** One endpoint: how to read its stored request and how to decide it again under a given ruleset. */
    record Endpoint(Class<?> requestType, BiFunction<CompiledRuleset, Object, Object> decide) {}

    private final Map<String, Endpoint> byPath;

    DecisionEndpoints(
            EligibilityDecider eligibility,
            ConsentTallies consent,
            FundingDecider funding,
            ApprovalDecider approvals,
            ProcedureDecider procedure,
            ProjectAssessor assessments) {
        this.byPath = Map.of(
                "/api/v1/eligibility",
                        new Endpoint(
                                EligibilityRequest.class,
                                (ruleset, request) -> eligibility.decide(ruleset, (EligibilityRequest) request)),
                "/api/v1/consent/tally",
                        new Endpoint(
                                ConsentTallyRequest.class,
                                (ruleset, request) -> consent.decide(ruleset, (ConsentTallyRequest) request)),
                "/api/v1/funding/readiness",
                        new Endpoint(
                                FundsReadinessRequest.class,
                                (ruleset, request) -> funding.decide(ruleset, (FundsReadinessRequest) request)),
                "/api/v1/approvals/plan",
                        new Endpoint(
                                ApprovalPlanRequest.class,
                                (ruleset, request) -> approvals.decide(ruleset, (ApprovalPlanRequest) request)),
                "/api/v1/procedure/status",
                        new Endpoint(
                                ProcedureStatusRequest.class,
                                (ruleset, request) -> procedure.decide(ruleset, (ProcedureStatusRequest) request)),
                "/api/v1/assessments",
                        new Endpoint(
                                AssessmentRequest.class,
                                (ruleset, request) -> assessments.assess(ruleset, (AssessmentRequest) request)));
    }

    Optional<Endpoint> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
