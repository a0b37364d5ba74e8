package cn.wenzhou.renovation.approval;

import org.springframework.stereotype.Service;

import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** Sets a project's approval path (guide §4) with the active ruleset. */
@Service
public class ApprovalService {

    private final RulesetRegistry registry;

    public ApprovalService(RulesetRegistry registry) {
        this.registry = registry;
    }

    public ApprovalPlan plan(String jurisdiction, ApprovalProject project) {
        return ApprovalPlan.of(registry.forRequest(jurisdiction), project);
    }
}
