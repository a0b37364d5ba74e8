package cn.wenzhou.renovation.receipt;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.AssessmentsApi;
import cn.wenzhou.renovation.api.ConsentApi;
import cn.wenzhou.renovation.api.EligibilityApi;
import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.ProcedureApi;
import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;

/**
 * The decision endpoints a receipt can be kept for and replayed through: each path with its request
 * type and the generated API method that answers it, so a replay goes through exactly the code a
 * request does.
 */
@Component
class DecisionEndpoints {

    /** One endpoint: how to read its stored request and how to ask it again. */
    record Endpoint(Class<?> requestType, BiFunction<Object, String, ResponseEntity<?>> answer) {
    }

    private final Map<String, Endpoint> byPath;

    DecisionEndpoints(EligibilityApi eligibility, ConsentApi consent, FundingApi funding, ApprovalsApi approvals,
            ProcedureApi procedure, AssessmentsApi assessments) {
        this.byPath = Map.of(
                "/api/v1/eligibility", new Endpoint(EligibilityRequest.class,
                        (request, j) -> eligibility.decideEligibility((EligibilityRequest) request, j)),
                "/api/v1/consent/tally", new Endpoint(ConsentTallyRequest.class,
                        (request, j) -> consent.tallyConsent((ConsentTallyRequest) request, j)),
                "/api/v1/funding/readiness", new Endpoint(FundsReadinessRequest.class,
                        (request, j) -> funding.assessFundingReadiness((FundsReadinessRequest) request, j)),
                "/api/v1/approvals/plan", new Endpoint(ApprovalPlanRequest.class,
                        (request, j) -> approvals.planApprovals((ApprovalPlanRequest) request, j)),
                "/api/v1/procedure/status", new Endpoint(ProcedureStatusRequest.class,
                        (request, j) -> procedure.assessProcedureStatus((ProcedureStatusRequest) request, j)),
                "/api/v1/assessments", new Endpoint(AssessmentRequest.class,
                        (request, j) -> assessments.assessProject((AssessmentRequest) request, j)));
    }

    Optional<Endpoint> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }
}
