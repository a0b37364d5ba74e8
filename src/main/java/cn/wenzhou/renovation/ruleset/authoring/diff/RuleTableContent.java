package cn.wenzhou.renovation.ruleset.authoring.diff;

import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * One {@code RuleTable} of a spreadsheet decision table as a person reads it: its columns (keyword,
 * object, code template and the label row's heading) and its rule rows, each keyed by its rule id
 * (the NAME column) and holding its cells by column heading.
 *
 * <p>Layout, as Drools reads it: the {@code RuleTable} cell, then the keyword row (NAME, CONDITION,
 * ACTION, METADATA…), the object row, the code row, the heading row, and rule rows up to the first
 * blank row.
 */
public record RuleTableContent(String sheet, String name, List<Column> columns, Map<String, TableRow> rows) {

    private static final String RULE_TABLE = "RuleTable";
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

    /** Every rule table of every sheet of the workbook, in sheet order, read as the compiler reads it. */
    public static List<RuleTableContent> read(byte[] workbookBytes) throws IOException {
        List<RuleTableContent> tables = new ArrayList<>();
        try {
            for (SheetContent sheet : RuleWorkbook.read(workbookBytes).sheets()) {
                Cells cells = new Cells(sheet);
                for (SheetCell cell : sheet.cells()) {
                    String text = RuleWorkbook.text(cell);
                    // Drools matches the keyword without regard to case.
                    if (text.toLowerCase(Locale.ROOT).startsWith(RULE_TABLE.toLowerCase(Locale.ROOT))) {
                        tables.add(read(
                                sheet,
                                cell.row(),
                                cell.column(),
                                text.substring(RULE_TABLE.length()).strip(),
                                cells));
                    }
                }
            }
            if (tables.isEmpty()) {
                RuleWorkbook.read(workbookBytes).sheets().stream()
                        .findFirst()
                        .flatMap(RuleTableContent::staffTable)
                        .ifPresent(tables::add);
            }
        } catch (WorkbookRefusedException e) {
            throw new IOException(e.reason(), e);
        }
        return tables;
    }

    /**
     * A staff table (issue 20: data only, its form beside the rules) read as a person reads it: the row whose
     * first header is 规则编号, then one rule per row keyed by its id. Named by its sheet, as its form's title.
     */
    private static java.util.Optional<RuleTableContent> staffTable(SheetContent sheet) {
        Cells cells = new Cells(sheet);
        for (int headerRow = 0; headerRow <= Math.min(cells.lastRow, 20); headerRow++) {
            if (!cells.text(headerRow, 0).equals(TableForm.ID_HEADER)) {
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
        if (heading.equals(TableForm.ID_HEADER)) {
            return NAME_KEYWORD;
        }
        if (heading.equals(TableForm.NAME_HEADER)) {
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

    private static RuleTableContent read(SheetContent sheet, int tableRow, int firstColumn, String name, Cells cells) {
        List<Integer> indexes = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int c = firstColumn; c <= cells.lastColumn(tableRow + 1); c++) {
            String keyword = cells.text(tableRow + 1, c);
            if (keyword.isEmpty()) {
                continue;
            }
            String label = cells.text(tableRow + 4, c);
            boolean taken =
                    columns.stream().anyMatch(existing -> existing.heading().equals(label));
            String heading = label.isEmpty() || taken
                    ? (label.isEmpty() ? keyword : label) + "（" + CellReference.convertNumToColString(c) + " 列）"
                    : label;
            indexes.add(c);
            columns.add(new Column(
                    heading,
                    RuleWorkbook.keyword(keyword),
                    cells.text(tableRow + 2, c),
                    cells.text(tableRow + 3, c),
                    CellReference.convertNumToColString(c)));
        }
        int nameIndex = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).keyword().equals(NAME_KEYWORD)) {
                nameIndex = indexes.get(i);
            }
        }
        Map<String, TableRow> rows = new LinkedHashMap<>();
        for (int r = tableRow + 5; r <= cells.lastRow; r++) {
            Map<String, TableRow.Cell> rowCells = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = cells.text(r, indexes.get(i));
                if (!value.isEmpty()) {
                    rowCells.put(
                            columns.get(i).heading(),
                            new TableRow.Cell(
                                    new CellReference(r, indexes.get(i)).formatAsString(false),
                                    columns.get(i).keyword(),
                                    value));
                }
            }
            if (rowCells.isEmpty()) {
                break; // Drools ends a rule table at its first blank row
            }
            String key = nameIndex >= 0 && !cells.text(r, nameIndex).isEmpty()
                    ? cells.text(r, nameIndex)
                    : "第 " + (r + 1) + " 行";
            rows.putIfAbsent(key, new TableRow(key, r + 1, rowCells));
        }
        return new RuleTableContent(sheet.name(), name, List.copyOf(columns), rows);
    }
}
