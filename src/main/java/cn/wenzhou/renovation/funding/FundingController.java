package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/funding/readiness}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class FundingController implements FundingApi {

    private final RequestRulesets rulesets;
    private final FundingDecider decider;

    FundingController(RequestRulesets rulesets, FundingDecider decider) {
        this.rulesets = rulesets;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<FundsReadinessResponse> assessFundingReadiness(
            FundsReadinessRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(rulesets.take(jurisdiction), request));
    }
}
