package cn.wenzhou.renovation.funding;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessResponse;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** {@code POST /api/v1/funding/readiness}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class FundingController implements FundingApi {

    private final RulesetRegistry registry;
    private final FundingDecider decider;

    FundingController(RulesetRegistry registry, FundingDecider decider) {
        this.registry = registry;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<FundsReadinessResponse> assessFundingReadiness(FundsReadinessRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(registry.forRequest(jurisdiction), request));
    }
}
