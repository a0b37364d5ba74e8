package cn.wenzhou.renovation.eligibility;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.EligibilityApi;
import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.EligibilityResponse;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** {@code POST /api/v1/eligibility}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class EligibilityController implements EligibilityApi {

    private final RulesetRegistry registry;
    private final EligibilityDecider decider;

    EligibilityController(RulesetRegistry registry, EligibilityDecider decider) {
        this.registry = registry;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<EligibilityResponse> decideEligibility(EligibilityRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(registry.forRequest(jurisdiction), request));
    }
}
