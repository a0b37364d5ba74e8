package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.authoring.StaffWorkbooks;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The staff tables of a rules folder (the repository's, or a copy from {@link RuleFolderCopy}): each data-only
 * workbook under {@code decision-tables/}, the form beside its rules that lays it out, and its rows read back as
 * an officer sees them, to rewrite a table (a cell is edited with {@link RuleFolderCopy#editCell}).
 */
public final class StaffTables {

    public static final String PARAMETERS = "decision-tables/eligibility/scope-parameters.xlsx";
    public static final String OUT_OF_SCOPE = "decision-tables/eligibility/out-of-scope-housing.xlsx";

    private StaffTables() {}

    /** Every rule table under {@code root} (a Drools spreadsheet, {@code *.drl.xlsx}, is not one, nor are cases). */
    public static List<String> workbooks(Path root) throws IOException {
        return xlsx(root).stream()
                .filter(f -> !f.endsWith(".drl.xlsx") && !f.endsWith(CaseForm.WORKBOOK_SUFFIX))
                .toList();
    }

    /** Every workbook of golden cases under {@code root}. */
    public static List<String> caseWorkbooks(Path root) throws IOException {
        return xlsx(root).stream()
                .filter(f -> f.endsWith(CaseForm.WORKBOOK_SUFFIX))
                .toList();
    }

    private static List<String> xlsx(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("decision-tables"))) {
            return files.map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".xlsx"))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The form laying out {@code workbook}: beside the rules of the same folder, or for a county's table without
     * a form of its own, the base's ({@code decision-tables/counties/<code>/<capability>/<table>.xlsx} →
     * {@code rules/<capability>/<table>.table.yaml}).
     */
    public static TableForm formOf(Path root, String workbook) throws IOException {
        if (CaseForm.isCaseWorkbook(workbook)) {
            Path form = CaseForm.formPaths(workbook).stream()
                    .map(root::resolve)
                    .filter(Files::exists)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no form of cases for " + workbook));
            return CaseForm.parse(Files.readString(form)).table();
        }
        String form = "rules/" + workbook.substring("decision-tables/".length()).replaceAll("\\.xlsx$", ".table.yaml");
        Path own = root.resolve(form);
        Path base = root.resolve(form.replaceFirst("^rules/counties/[^/]+/", "rules/"));
        return TableForm.parse(Files.readString(Files.exists(own) ? own : base));
    }

    public static TableForm formOf(String workbook) throws IOException {
        return formOf(Path.of(""), workbook);
    }

    /**
     * The rule rows of a staff workbook, each a header → value map as the cells hold them: text, a whole number
     * as a {@code Long}, any other number as a {@code BigDecimal}, a date cell as a {@code LocalDate}.
     */
    public static List<Map<String, Object>> rows(Path workbook) throws IOException {
        try (InputStream in = Files.newInputStream(workbook);
                Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            Row headers = sheet.getRow(StaffWorkbooks.HEADER_ROW);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int r = StaffWorkbooks.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, Object> values = new LinkedHashMap<>();
                for (Cell header : headers) {
                    Object value = row == null ? null : value(row.getCell(header.getColumnIndex()));
                    if (value != null) {
                        values.put(header.getStringCellValue(), value);
                    }
                }
                if (values.containsKey(TableForm.ID_HEADER) || values.containsKey(CaseForm.ID_HEADER)) {
                    rows.add(values);
                }
            }
            return rows;
        }
    }

    /** Writes {@code rows} into {@code workbook} (a path under {@code root}) laid out by its form. */
    public static void write(Path root, String workbook, List<Map<String, Object>> rows) throws IOException {
        Files.write(root.resolve(workbook), StaffWorkbooks.write(formOf(root, workbook), rows));
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue().isBlank() ? null : cell.getStringCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate();
                }
                BigDecimal number =
                        BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
                yield number.scale() <= 0 ? (Object) number.longValueExact() : number;
            }
            default -> null;
        };
    }
}
