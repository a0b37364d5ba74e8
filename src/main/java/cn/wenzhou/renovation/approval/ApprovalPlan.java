package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Comparator;
import java.util.List;

/** The approval path the rules set for one project: the scope, then one finding per approval step in order. */
record ApprovalPlan(
        CompiledRuleset ruleset,
        ApprovalProject project,
        OptimizedScope scope,
        List<ScopeFinding> scopeFindings,
        List<ApprovalFinding> steps) {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(ApprovalPlan.class);

    public static ApprovalPlan of(CompiledRuleset ruleset, ApprovalProject project) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(ApprovalPlan.CAPABILITY, List.of(project));
        List<ApprovalFinding> steps = evaluation.all(ApprovalFinding.class).stream()
                .sorted(Comparator.comparing(ApprovalFinding::step))
                .toList();
        List<ScopeFinding> scopeFindings = evaluation.all(ScopeFinding.class).stream()
                .sorted(Comparator.comparing(ScopeFinding::ruleId))
                .toList();
        return new ApprovalPlan(ruleset, project, evaluation.single(OptimizedScope.class), scopeFindings, steps);
    }
}
