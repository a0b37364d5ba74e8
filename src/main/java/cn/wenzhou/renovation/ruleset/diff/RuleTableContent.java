package cn.wenzhou.renovation.ruleset.diff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

        public record Cell(String reference, String keyword, String text) {
        }
    }

    /** Every rule table of every sheet of the workbook, in sheet order. */
    public static List<RuleTableContent> read(byte[] workbookBytes) throws IOException {
        List<RuleTableContent> tables = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(workbookBytes))) {
            CellText formatter = new CellText(workbook);
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String text = formatter.of(cell);
                        // Drools matches the keyword without regard to case.
                        if (text.toLowerCase(Locale.ROOT).startsWith(RULE_TABLE.toLowerCase(Locale.ROOT))) {
                            tables.add(read(sheet, cell.getRowIndex(), cell.getColumnIndex(),
                                    text.substring(RULE_TABLE.length()).strip(), formatter));
                        }
                    }
                }
            }
        }
        return tables;
    }

    /** A cell as the person editing it sees it: formulas by their value, numbers as displayed. */
    private static final class CellText {
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
        private final FormulaEvaluator evaluator;

        CellText(Workbook workbook) {
            this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        }

        String of(Cell cell) {
            if (cell == null) {
                return "";
            }
            try {
                return formatter.formatCellValue(cell, evaluator).strip();
            } catch (RuntimeException unevaluable) {
                return formatter.formatCellValue(cell).strip();
            }
        }
    }

    /** Drools' short keywords (N, I, C, A, @…) read as their long forms. */
    private static String keyword(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "N" -> "NAME";
            case "I" -> "DESCRIPTION";
            case "C" -> "CONDITION";
            case "A" -> "ACTION";
            case "@" -> "METADATA";
            case "P" -> "PRIORITY";
            default -> upper;
        };
    }

    private static RuleTableContent read(Sheet sheet, int tableRow, int firstColumn, String name, CellText formatter) {
        List<Integer> indexes = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Row keywords = sheet.getRow(tableRow + 1);
        for (int c = firstColumn; keywords != null && c < keywords.getLastCellNum(); c++) {
            String keyword = text(keywords, c, formatter);
            if (keyword.isEmpty()) {
                continue;
            }
            String label = text(sheet.getRow(tableRow + 4), c, formatter);
            boolean taken = columns.stream().anyMatch(existing -> existing.heading().equals(label));
            String heading = label.isEmpty() || taken
                    ? (label.isEmpty() ? keyword : label) + "（" + CellReference.convertNumToColString(c) + " 列）"
                    : label;
            indexes.add(c);
            columns.add(new Column(heading, keyword(keyword), text(sheet.getRow(tableRow + 2), c, formatter),
                    text(sheet.getRow(tableRow + 3), c, formatter), CellReference.convertNumToColString(c)));
        }
        int nameIndex = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).keyword().equals(NAME_KEYWORD)) {
                nameIndex = indexes.get(i);
            }
        }
        Map<String, TableRow> rows = new LinkedHashMap<>();
        for (int r = tableRow + 5; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            Map<String, TableRow.Cell> cells = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = text(row, indexes.get(i), formatter);
                if (!value.isEmpty()) {
                    cells.put(columns.get(i).heading(),
                            new TableRow.Cell(new CellReference(r, indexes.get(i)).formatAsString(false),
                                    columns.get(i).keyword(), value));
                }
            }
            if (cells.isEmpty()) {
                break; // Drools ends a rule table at its first blank row
            }
            String key = nameIndex >= 0 && !text(row, nameIndex, formatter).isEmpty()
                    ? text(row, nameIndex, formatter) : "第 " + (r + 1) + " 行";
            rows.putIfAbsent(key, new TableRow(key, r + 1, cells));
        }
        return new RuleTableContent(sheet.getSheetName(), name, List.copyOf(columns), rows);
    }

    private static String text(Row row, int column, CellText formatter) {
        return row == null ? "" : formatter.of(row.getCell(column));
    }
}
