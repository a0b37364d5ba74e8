package cn.wenzhou.renovation.ruleset.engine;

import java.util.Map;

/**
 * Where a rule was written: its file, and for a table row the sheet, the row's rule id cell (e.g. sheet 表决通过标准,
 * cell A8) and the cell of each of its values by template key. A finding about a rule points a person there, at
 * the value it is about when it knows which.
 */
public record RuleOrigin(String file, String sheet, String cell, Map<String, String> valueCells) {

    public RuleOrigin {
        valueCells = Map.copyOf(valueCells);
    }

    public RuleOrigin(String file, String sheet, String cell) {
        this(file, sheet, cell, Map.of());
    }

    public RuleProblem problem(String message) {
        return RuleProblem.atCell(file, sheet, cell, message);
    }

    /** At the cell of the row's value under template key {@code key}, or the rule's cell if it has none. */
    public RuleProblem problemAt(String key, String message) {
        return RuleProblem.atCell(file, sheet, valueCells.getOrDefault(key, cell), message);
    }
}
