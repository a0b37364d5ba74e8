package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.authoring.StaffWorkbooks;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The eligibility tables of a copy of the repository's rules (see {@link RuleFolderCopy}) as staff tables: the
 * forms and templates of {@code src/test/resources/staff-tables} beside the rules, and each old rule sheet's rows
 * written by {@link StaffWorkbooks} into a workbook of its own, in place of {@code eligibility.drl.xlsx}.
 */
public final class StaffTableCopies {

    public static final String PARAMETERS = "decision-tables/eligibility/scope-parameters.xlsx";
    public static final String OUT_OF_SCOPE = "decision-tables/eligibility/out-of-scope-housing.xlsx";
    private static final Path FORMS = Path.of("src/test/resources/staff-tables/rules/eligibility");

    private StaffTableCopies() {}

    public static TableForm form(String name) throws IOException {
        return TableForm.parse(Files.readString(FORMS.resolve(name + ".table.yaml")));
    }

    /** Moves the copy's eligibility tables to the staff format; returns the rows written, by workbook path. */
    public static Map<String, List<Map<String, Object>>> moveEligibility(Path root) throws IOException {
        for (String name : List.of("scope-parameters", "out-of-scope-housing")) {
            Files.copy(FORMS.resolve(name + ".table.yaml"), root.resolve("rules/eligibility/" + name + ".table.yaml"));
            Files.copy(FORMS.resolve(name + ".drt"), root.resolve("rules/eligibility/" + name + ".drt"));
        }
        Path legacy = root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(legacy);
                Workbook workbook = new XSSFWorkbook(in)) {
            List<Map<String, Object>> parameters = new ArrayList<>();
            for (List<String> row : ruleRows(workbook.getSheet("改造范围参数"))) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("规则编号", row.get(0));
                // The old sheet's values sit on a diagonal, one column per parameter: the one filled is the value.
                String value = row.subList(2, 6).stream()
                        .filter(v -> !v.isEmpty())
                        .findFirst()
                        .orElse("");
                values.put("取值", value.equals("true") ? "是" : value.equals("false") ? "否" : Integer.valueOf(value));
                values.put("条款", row.get(6));
                values.put("原文", row.get(7));
                values.put("解释", row.get(8));
                parameters.add(values);
            }
            rows.put(PARAMETERS, parameters);
            List<Map<String, Object>> outOfScope = new ArrayList<>();
            for (List<String> row : ruleRows(workbook.getSheet("不属改造范畴"))) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("规则编号", row.get(0));
                values.put("名称", row.get(1));
                values.put("住房区域类型", row.get(2));
                values.put("结论说明", row.get(3));
                values.put("条款", row.get(4));
                values.put("原文", row.get(5));
                outOfScope.add(values);
            }
            rows.put(OUT_OF_SCOPE, outOfScope);
        }
        Files.delete(legacy);
        write(root, PARAMETERS, "scope-parameters", rows.get(PARAMETERS));
        write(root, OUT_OF_SCOPE, "out-of-scope-housing", rows.get(OUT_OF_SCOPE));
        return rows;
    }

    public static void write(Path root, String workbook, String formName, List<Map<String, Object>> rows)
            throws IOException {
        Files.write(root.resolve(workbook), StaffWorkbooks.write(form(formName), rows));
    }

    /** Edits the cell of row {@code ruleId}, column {@code header}, of a staff workbook; returns its reference. */
    public static String editCell(Path file, String ruleId, String header, Consumer<Cell> edit) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row headers = sheet.getRow(StaffWorkbooks.HEADER_ROW);
            int column = -1;
            for (Cell cell : headers) {
                if (cell.getStringCellValue().equals(header)) {
                    column = cell.getColumnIndex();
                }
            }
            for (int r = StaffWorkbooks.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row != null && ruleId.equals(new DataFormatter().formatCellValue(row.getCell(0)))) {
                    Cell cell = row.getCell(column, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
                    edit.accept(cell);
                    try (OutputStream out = Files.newOutputStream(file)) {
                        workbook.write(out);
                    }
                    return cell.getAddress().formatAsString();
                }
            }
        }
        throw new AssertionError("no rule " + ruleId + " in " + file);
    }

    /** The rule rows of an old Drools sheet (from the row after its labels), each cell as text, from column B. */
    private static List<List<String>> ruleRows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 9; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null
                    || row.getCell(1) == null
                    || row.getCell(1).toString().isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 1; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(
                        cell == null
                                ? ""
                                : cell.getCellType() == CellType.NUMERIC
                                        ? String.valueOf((long) cell.getNumericCellValue())
                                        : cell.toString().strip());
            }
            while (cells.size() < 9) {
                cells.add("");
            }
            rows.add(cells);
        }
        return rows;
    }
}
