package cn.wenzhou.renovation.ruleset.authoring.diff;

/**
 * A column of a decision table added, removed, or with a different template (keyword, object or code):
 * such a change alters every row's rule, not one value.
 */
public record ColumnChange(ChangeKind change, String column, String before, String after) {}
