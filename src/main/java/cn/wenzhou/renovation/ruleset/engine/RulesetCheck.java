package cn.wenzhou.renovation.ruleset.engine;

import java.util.List;

/**
 * A capability's own check of a freshly compiled ruleset (e.g. no two catalogue items answer to
 * one name). Every check runs before the ruleset serves a request; any problem refuses it.
 */
public interface RulesetCheck {

    List<RuleProblem> check(CompiledRuleset ruleset);

    /** A check against the law rather than the ruleset's own consistency: its findings are reported as violations. */
    default boolean statutory() {
        return false;
    }
}
