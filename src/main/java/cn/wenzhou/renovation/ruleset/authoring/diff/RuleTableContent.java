package cn.wenzhou.renovation.ruleset.authoring.diff;

import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * A staff table as a person reads it, for the diff: its columns (the header row's headings, each marked by what it
 * says about a rule: its id, its name, a value that decides, or a citation) and its rule rows, each keyed by its rule
 * id and holding its cells by column heading.
 */
public record RuleTableContent(String sheet, String name, List<Column> columns, Map<String, TableRow> rows) {

    private static final String NAME_KEYWORD = "NAME";

    /** A column of the table: its heading (the label row), keyword and templates. */
    public record Column(String heading, String keyword, String object, String code, String letter) {

        public String template() {
            return String.join(" ", keyword, object, code).strip();
        }
    }

    /** A rule row: where it is, and its non-blank cells by column heading. */
    public record TableRow(String key, int excelRow, Map<String, Cell> cells) {

        public record Cell(String reference, String keyword, String text) {}
    }

    /** The staff table of the workbook (its first sheet), as a person reads it; none if it has no header row. */
    public static List<RuleTableContent> read(byte[] workbookBytes) throws IOException {
        try {
            return RuleWorkbook.read(workbookBytes).sheets().stream()
                    .findFirst()
                    .flatMap(RuleTableContent::staffTable)
                    .stream()
                    .toList();
        } catch (WorkbookRefusedException e) {
            throw new IOException(e.reason(), e);
        }
    }

    /**
     * A staff table (issue 20: data only, its form beside the rules) read as a person reads it: the row whose
     * first header is 规则编号, then one rule per row keyed by its id. Named by its sheet, as its form's title.
     */
    private static java.util.Optional<RuleTableContent> staffTable(SheetContent sheet) {
        Cells cells = new Cells(sheet);
        for (int headerRow = 0; headerRow <= Math.min(cells.lastRow, 20); headerRow++) {
            // A table of rules, or of golden cases (用例编号), read alike.
            if (!cells.text(headerRow, 0).equals(TableForm.ID_HEADER)
                    && !cells.text(headerRow, 0).equals(CaseForm.ID_HEADER)) {
                continue;
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c <= cells.lastColumn(headerRow); c++) {
                String heading = cells.text(headerRow, c);
                if (!heading.isEmpty()) {
                    columns.add(
                            new Column(heading, staffKeyword(heading), "", "", CellReference.convertNumToColString(c)));
                }
            }
            Map<String, TableRow> rows = new LinkedHashMap<>();
            for (int r = headerRow + 1; r <= cells.lastRow; r++) {
                String id = cells.text(r, 0);
                if (id.isEmpty()) {
                    continue;
                }
                Map<String, TableRow.Cell> rowCells = new LinkedHashMap<>();
                for (Column column : columns) {
                    int c = CellReference.convertColStringToIndex(column.letter());
                    String value = cells.text(r, c);
                    if (!value.isEmpty()) {
                        rowCells.put(
                                column.heading(),
                                new TableRow.Cell(
                                        new CellReference(r, c).formatAsString(false), column.keyword(), value));
                    }
                }
                rows.putIfAbsent(id, new TableRow(id, r + 1, rowCells));
            }
            return java.util.Optional.of(new RuleTableContent(sheet.name(), sheet.name(), List.copyOf(columns), rows));
        }
        return java.util.Optional.empty();
    }

    /** The rule id, the citations and the name say nothing about what a rule decides; every other column does. */
    private static String staffKeyword(String heading) {
        if (heading.equals(TableForm.ID_HEADER) || heading.equals(CaseForm.ID_HEADER)) {
            return NAME_KEYWORD;
        }
        if (heading.equals(TableForm.NAME_HEADER) || heading.equals(CaseForm.NAME_HEADER)) {
            return "DESCRIPTION";
        }
        boolean citation = java.util.Arrays.stream(TableForm.Citation.values())
                .anyMatch(c -> c.header().equals(heading));
        return citation ? "METADATA" : "ACTION";
    }

    /** A sheet's cells by position, each as {@link RuleWorkbook#text} reads it. */
    private static final class Cells {
        private final Map<Long, String> texts = new HashMap<>();
        private final Map<Integer, Integer> lastColumnOfRow = new HashMap<>();
        private final int lastRow;

        Cells(SheetContent sheet) {
            for (SheetCell cell : sheet.cells()) {
                texts.put(key(cell.row(), cell.column()), RuleWorkbook.text(cell));
                lastColumnOfRow.merge(cell.row(), cell.column(), Math::max);
            }
            lastRow = sheet.lastRow();
        }

        String text(int row, int column) {
            return texts.getOrDefault(key(row, column), "");
        }

        int lastColumn(int row) {
            return lastColumnOfRow.getOrDefault(row, -1);
        }

        private static long key(int row, int column) {
            return ((long) row << 20) | column;
        }
    }
}
