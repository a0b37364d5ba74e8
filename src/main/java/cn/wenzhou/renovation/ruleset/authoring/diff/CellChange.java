package cn.wenzhou.renovation.ruleset.authoring.diff;

/**
 * One cell of a rule row that differs: its column heading and keyword (CONDITION, ACTION, METADATA…),
 * where it is in the county's file (in the base file for a removed row), and the values before (base)
 * and after (county); {@code null} for blank.
 */
public record CellChange(String column, String keyword, String cell, String before, String after) {

    /** The rule id, and the citation columns, say nothing about what a new or dropped row decides. */
    boolean decides() {
        return !keyword.equals("NAME") && !keyword.equals("METADATA");
    }
}
