package cn.wenzhou.renovation.ruleset.authoring.diff;

/** A DRL rule a county added, removed (by replacing its file) or changed, with its text before and after. */
public record DrlRuleChange(
        ChangeKind change, String file, String countyFile, String ruleId, String before, String after) {}
