package cn.wenzhou.renovation.funding;

import java.math.BigDecimal;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.model.FundsReadinessDecision;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessResponse;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.web.Decimals;
import cn.wenzhou.renovation.web.ExactShares;

/** Maps the generated HTTP contract to {@link FundsStatus} and the outcome back. No policy here. */
@RestController
class FundingController implements FundingApi {

    private final FundingService service;

    FundingController(FundingService service) {
        this.service = service;
    }

    @Override
    public ResponseEntity<FundsReadinessResponse> assessFundingReadiness(FundsReadinessRequest request, String jurisdiction) {
        BigDecimal target = Decimals.yuan("targetAmount", request.getTargetAmount());
        BigDecimal inPlace = Decimals.yuan("amountInPlace", request.getAmountInPlace());
        FundsOutcome outcome = service.assess(jurisdiction, new FundsStatus(target, inPlace, request.getRemainderCommitted()));
        Reasons reasons = new Reasons(outcome.ruleset());
        FundsDecision decision = outcome.decision();
        return ResponseEntity.ok(new FundsReadinessResponse()
                .jurisdiction(outcome.ruleset().jurisdiction())
                .rulesetVersion(outcome.ruleset().version())
                .projectName(request.getProjectName())
                .decision(decision.ready() ? FundsReadinessDecision.READY : FundsReadinessDecision.NOT_READY)
                .decisionLabel(decision.message())
                .arrivalRate(ExactShares.of(outcome.funds().getArrivalRate()))
                .minimumArrivalRate(ExactShares.of(outcome.minimum().minimum()))
                .reasons(reasons.decidedBy(decision.ruleId(), decision.message(), outcome.supportingFindings()))
                .whyNot(reasons.of(outcome.failedConditions())));
    }
}
