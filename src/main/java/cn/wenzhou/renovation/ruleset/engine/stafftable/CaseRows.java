package cn.wenzhou.renovation.ruleset.engine.stafftable;

import java.util.List;

/**
 * A workbook of golden cases as read when its ruleset is built: where it is, its form, and each case's typed values
 * (read like a table's cells: no text of it becomes code). The cases are asked of the ruleset by whoever runs them.
 */
public record CaseRows(String file, String sheet, CaseForm form, List<StaffTableRows.Row> rows) {

    public CaseRows {
        rows = List.copyOf(rows);
    }

    /** What the cases say, for the ruleset's fingerprint: each case's values, whatever program saved the workbook. */
    public String meaning() {
        StringBuilder meaning = new StringBuilder(file).append('\n');
        rows.forEach(row -> meaning.append(row.literals()).append('\n'));
        return meaning.toString();
    }
}
