package cn.wenzhou.renovation.ruleset.engine;

/**
 * Where a rule was written: its file, and for a decision-table row the sheet and the row's rule id
 * cell (e.g. sheet 表决通过标准, cell B14). A finding about a rule points a person there.
 */
public record RuleOrigin(String file, String sheet, String cell) {

    public RuleProblem problem(String message) {
        return RuleProblem.atCell(file, sheet, cell, message);
    }
}
