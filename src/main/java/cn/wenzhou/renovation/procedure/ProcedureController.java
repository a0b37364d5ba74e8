package cn.wenzhou.renovation.procedure;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.ProcedureApi;
import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusResponse;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** {@code POST /api/v1/procedure/status}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class ProcedureController implements ProcedureApi {

    private final RulesetRegistry registry;
    private final ProcedureDecider decider;

    ProcedureController(RulesetRegistry registry, ProcedureDecider decider) {
        this.registry = registry;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<ProcedureStatusResponse> assessProcedureStatus(ProcedureStatusRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(registry.forRequest(jurisdiction), request));
    }
}
