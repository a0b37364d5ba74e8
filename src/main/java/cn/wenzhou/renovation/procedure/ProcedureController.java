package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.api.ProcedureApi;
import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/procedure/status}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class ProcedureController implements ProcedureApi {

    private final RequestRulesets rulesets;
    private final ProcedureDecider decider;

    ProcedureController(RequestRulesets rulesets, ProcedureDecider decider) {
        this.rulesets = rulesets;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<ProcedureStatusResponse> assessProcedureStatus(
            ProcedureStatusRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(rulesets.take(jurisdiction), request));
    }
}
