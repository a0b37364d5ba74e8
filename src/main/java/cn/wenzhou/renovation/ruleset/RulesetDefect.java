package cn.wenzhou.renovation.ruleset;

/**
 * A fault in the ruleset itself (a parameter row missing or given twice), inserted by an integrity
 * rule. The compiler runs the ruleset once with no facts and refuses it if any defect appears.
 *
 * <p>A defect about one table row names that row's rule ({@code subject}) and, when one value is at fault, its
 * template key ({@code valueKey}): the finding then points at that cell, not at the integrity rule.
 *
 * <p>It stays in {@code ruleset}, not {@code ruleset.engine}: every {@code integrity.drl} imports it by
 * this name, so kept versions and county forks keep compiling.
 */
public record RulesetDefect(String ruleId, String message, String subject, String valueKey) {

    public RulesetDefect(String ruleId, String message) {
        this(ruleId, message, null, null);
    }
}
