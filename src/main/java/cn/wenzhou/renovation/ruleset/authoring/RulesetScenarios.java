package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;

/**
 * A jurisdiction's Test Scenarios run against a ruleset: the rows whose expected answers it does not give.
 * Validation reports the rows an edit changes (passing on the active ruleset, failing on the candidate).
 */
public interface RulesetScenarios {

    /** Each failing scenario row, located by its file and named by its row. */
    List<RuleProblem> failures(CompiledRuleset ruleset);

    /** The rows that fail on the candidate but not on the active ruleset (all failures when none is active). */
    default List<RuleProblem> changedBy(CompiledRuleset active, CompiledRuleset candidate) {
        List<RuleProblem> before = active == null ? List.of() : failures(active);
        return failures(candidate).stream()
                .filter(row -> before.stream().noneMatch(old -> sameRow(old, row)))
                .toList();
    }

    /** Same file and same row: 「测试场景第 N 行」 (or, for another kind, the whole message). */
    private static boolean sameRow(RuleProblem a, RuleProblem b) {
        return a.file().equals(b.file()) && rowOf(a).equals(rowOf(b));
    }

    private static String rowOf(RuleProblem problem) {
        java.util.regex.Matcher row =
                java.util.regex.Pattern.compile("^测试场景第 \\d+ 行").matcher(problem.message());
        return row.find() ? row.group() : problem.message();
    }

    /** Every kind of test a ruleset answers (Test Scenarios, golden cases) as one: their failures and changes together. */
    static RulesetScenarios all(List<RulesetScenarios> kinds) {
        List<RulesetScenarios> each = List.copyOf(kinds);
        return new RulesetScenarios() {
            @Override
            public List<RuleProblem> failures(CompiledRuleset ruleset) {
                return each.stream().flatMap(k -> k.failures(ruleset).stream()).toList();
            }

            @Override
            public List<RuleProblem> changedBy(CompiledRuleset active, CompiledRuleset candidate) {
                return each.stream()
                        .flatMap(k -> k.changedBy(active, candidate).stream())
                        .toList();
            }
        };
    }

    /** No scenarios: for registries built without them (tests of other parts, the command line's own runs). */
    static RulesetScenarios none() {
        return ruleset -> List.of();
    }
}
