package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/approvals/plan}: takes the jurisdiction's ruleset once and asks the decider. */
@RestController
class ApprovalController implements ApprovalsApi {

    private final RequestRulesets rulesets;
    private final ApprovalDecider decider;

    ApprovalController(RequestRulesets rulesets, ApprovalDecider decider) {
        this.rulesets = rulesets;
        this.decider = decider;
    }

    @Override
    public ResponseEntity<ApprovalPlanResponse> planApprovals(ApprovalPlanRequest request, String jurisdiction) {
        return ResponseEntity.ok(decider.decide(rulesets.take(jurisdiction), request));
    }
}
