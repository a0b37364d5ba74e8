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
        return ruleset.answer(
                CAPABILITY,
                List.of(project),
                answers -> new ApprovalPlan(
                        ruleset,
                        project,
                        answers.single("optimized scope", OptimizedScope.class),
                        answers.all("scope findings", ScopeFinding.class).stream()
                                .sorted(Comparator.comparing(ScopeFinding::ruleId))
                                .toList(),
                        answers.all("approval steps", ApprovalFinding.class).stream()
                                .sorted(Comparator.comparing(ApprovalFinding::step))
                                .toList()));
    }
}
