package cn.wenzhou.renovation.ruleset;

/**
 * A fault in the ruleset itself (a parameter row missing or given twice), inserted by an integrity
 * rule. The compiler runs the ruleset once with no facts and refuses it if any defect appears.
 */
public record RulesetDefect(String ruleId, String message) {}
