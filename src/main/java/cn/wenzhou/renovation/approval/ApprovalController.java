package cn.wenzhou.renovation.approval;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** {@code POST /api/v1/approvals/plan}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class ApprovalController implements ApprovalsApi {

    private final RulesetRegistry registry;
    private final ApprovalDecider decider;

    ApprovalController(RulesetRegistry registry, ApprovalDecider decider) {
        this.registry = registry;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<ApprovalPlanResponse> planApprovals(ApprovalPlanRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(registry.forRequest(jurisdiction), request));
    }
}
