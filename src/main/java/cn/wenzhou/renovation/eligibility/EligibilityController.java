package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.api.EligibilityApi;
import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.EligibilityResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/eligibility}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class EligibilityController implements EligibilityApi {

    private final RequestRulesets rulesets;
    private final EligibilityDecider decider;

    EligibilityController(RequestRulesets rulesets, EligibilityDecider decider) {
        this.rulesets = rulesets;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<EligibilityResponse> decideEligibility(EligibilityRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(rulesets.take(jurisdiction), request));
    }
}
