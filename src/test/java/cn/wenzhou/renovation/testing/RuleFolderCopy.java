package cn.wenzhou.renovation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** A throw-away copy of the repository's rule folders, edited the way a policy officer would edit them. */
public final class RuleFolderCopy {

    /** The eligibility parameters' workbook, a staff table: one row per parameter, its value under 取值. */
    public static final String ELIGIBILITY_TABLE = "decision-tables/eligibility/scope-parameters.xlsx";

    public static final String ELIGIBILITY_TABLE_NAME = "scope-parameters.xlsx";
    public static final String PARAMETER_SHEET = "改造范围参数";
    public static final String CUTOFF_ROW = "ELIG-PARAM-PRIORITY-CUTOFF";
    public static final String CUTOFF_COLUMN_LABEL = "取值";
    /** Where the cut-off's value sits in the repository's table: 取值 (column C) of the first parameter row. */
    public static final String CUTOFF_CELL = "C4";

    public static final String FUNDING_TABLE = "decision-tables/funding/minimum-arrival-rate.xlsx";

    public static final String FUNDING_TABLE_NAME = "minimum-arrival-rate.xlsx";
    public static final String FUNDING_SHEET = "自筹资金到位参数";
    public static final String MINIMUM_ARRIVAL_RATE_ROW = "FUNDS-PARAM-MINIMUM-ARRIVAL-RATE";
    public static final String MINIMUM_ARRIVAL_RATE_COLUMN_LABEL = "取值";

    public static final String CATALOGUE_TABLE = "decision-tables/catalogue/renovation-items.xlsx";
    public static final String CATALOGUE_SHEET = "改造内容清单";

    /** The column naming each rule: 规则编号 in a staff table, NAME in a Drools spreadsheet. */
    private static final List<String> NAME_HEADERS = List.of("规则编号", "用例编号", "NAME");

    private RuleFolderCopy() {}

    /** Copies {@code rules/} and {@code decision-tables/} of the working directory (the project) under {@code root}. */
    public static void copyRepositoryRules(Path root) throws IOException {
        copyTree(Path.of("rules"), root.resolve("rules"));
        copyTree(Path.of("decision-tables"), root.resolve("decision-tables"));
    }

    /**
     * Declares a county under {@code root} as a county states itself ({@code rules/counties/<code>/jurisdiction.yaml}),
     * so its folders overlay the base; a county folder without it is refused.
     */
    public static void declareCounty(Path root, String code) throws IOException {
        Path descriptor = root.resolve("rules/counties/" + code + "/jurisdiction.yaml");
        Files.createDirectories(descriptor.getParent());
        Files.writeString(descriptor, "name: 测试县（" + code + "）\nparent: wenzhou\nsource: 测试用的县级变体\n");
    }

    /** Edits the eligibility cut-off cell of the copy under {@code root}; returns its reference, e.g. {@code C4}. */
    public static String editCutoffCell(Path root, Consumer<Cell> edit) throws IOException {
        return editCell(root.resolve(ELIGIBILITY_TABLE), PARAMETER_SHEET, CUTOFF_ROW, CUTOFF_COLUMN_LABEL, edit);
    }

    /** Edits the funds gate's minimum arrival rate cell of the copy under {@code root}; returns its reference. */
    public static String editMinimumArrivalRateCell(Path root, Consumer<Cell> edit) throws IOException {
        return editCell(
                root.resolve(FUNDING_TABLE),
                FUNDING_SHEET,
                MINIMUM_ARRIVAL_RATE_ROW,
                MINIMUM_ARRIVAL_RATE_COLUMN_LABEL,
                edit);
    }

    /** Edits a cell of a staff workbook (one table, on its first sheet); see the method below. */
    public static String editCell(Path workbookFile, String ruleName, String columnLabel, Consumer<Cell> edit)
            throws IOException {
        String sheet;
        try (InputStream in = Files.newInputStream(workbookFile);
                Workbook workbook = WorkbookFactory.create(in)) {
            sheet = workbook.getSheetAt(0).getSheetName();
        }
        return editCell(workbookFile, sheet, ruleName, columnLabel, edit);
    }

    /**
     * Edits one cell found as a person finds it, never by fixed coordinates: the row whose rule id (规则编号, or NAME in a Drools spreadsheet)
     * cell holds {@code ruleName}, the column headed {@code columnLabel}.
     */
    public static String editCell(
            Path workbookFile, String sheetName, String ruleName, String columnLabel, Consumer<Cell> edit)
            throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            int nameColumn = nameHeader(sheet).getColumnIndex();
            int column = cellWithText(sheet, columnLabel).getColumnIndex();
            Row row = Stream.iterate(0, i -> i <= sheet.getLastRowNum(), i -> i + 1)
                    .map(sheet::getRow)
                    .filter(r -> r != null && ruleName.equals(text(r.getCell(nameColumn))))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no row named " + ruleName));
            Cell cell = row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
            edit.accept(cell);
            try (OutputStream out = Files.newOutputStream(workbookFile)) {
                workbook.write(out);
            }
            return new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false);
        }
    }

    /**
     * Adds one row to a rule table the way a person adds one: right under the table's last row (the
     * last one with a rule name), each value typed as text into the column headed by its label.
     * Returns the new row's number as Excel shows it, e.g. {@code 60}.
     */
    public static int appendRow(Path workbookFile, String sheetName, Map<String, String> valuesByColumnLabel)
            throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            Cell nameHeader = nameHeader(sheet);
            int nameColumn = nameHeader.getColumnIndex();
            int last = nameHeader.getRowIndex();
            for (int i = last + 1; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                String name = row == null ? null : text(row.getCell(nameColumn));
                if (name != null && !name.isEmpty()) {
                    last = i;
                }
            }
            Row below = sheet.getRow(last + 1);
            Row row = below != null ? below : sheet.createRow(last + 1);
            valuesByColumnLabel.forEach((label, value) -> row.getCell(
                            cellWithText(sheet, label).getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                    .setCellValue(value));
            try (OutputStream out = Files.newOutputStream(workbookFile)) {
                workbook.write(out);
            }
            return row.getRowNum() + 1;
        }
    }

    private static Cell nameHeader(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (NAME_HEADERS.contains(text(cell))) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no rule-name column in sheet " + sheet.getSheetName());
    }

    private static Cell cellWithText(Sheet sheet, String wanted) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (wanted.equals(text(cell))) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell reading '" + wanted + "' in sheet " + sheet.getSheetName());
    }

    private static String text(Cell cell) {
        return cell == null ? null : new DataFormatter().formatCellValue(cell).strip();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
