package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.scenario.TestScenarioRunner;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A staff table (a data-only workbook with its form and rule template beside the rules) in place of the
 * eligibility parameter sheet: the ruleset decides as before, each value is read the way staff type it, and
 * every mistake is one Chinese finding at the cell she changed.
 */
@CompilesEditedRules
class StaffTableTest {

    private static final String LEGACY_TABLE = "decision-tables/eligibility/eligibility.drl.xlsx";
    private static final String LEGACY_SHEET = "改造范围参数";
    private static final String WORKBOOK = "decision-tables/eligibility/scope-parameters.xlsx";
    private static final String SHEET = "改造范围参数";
    private static final String CUTOFF = "ELIG-PARAM-PRIORITY-CUTOFF";
    /** The 取值 column of the staff sheet, and the first rule row (after title, note and headers). */
    private static final int VALUE_COLUMN = 2;

    @TempDir
    Path root;

    /** The rows of the old sheet: id, name, value, clause, quote, interpretation. */
    private final List<String[]> rows = new ArrayList<>();

    @BeforeEach
    void staffTableInsteadOfTheParameterSheet() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path legacy = root.resolve(LEGACY_TABLE);
        try (InputStream in = Files.newInputStream(legacy);
                Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(LEGACY_SHEET);
            for (int r = 9; r <= 12; r++) {
                Row row = sheet.getRow(r);
                String value = "";
                for (int c = 3; c <= 6; c++) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        value = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? String.valueOf((long) cell.getNumericCellValue())
                                : "true".equals(cell.toString().toLowerCase()) ? "是" : cell.toString();
                    }
                }
                rows.add(new String[] {text(row, 1), text(row, 2), value, text(row, 7), text(row, 8), text(row, 9)});
            }
            workbook.removeSheetAt(workbook.getSheetIndex(sheet));
            try (OutputStream out = Files.newOutputStream(legacy)) {
                workbook.write(out);
            }
        }
        Path form = Path.of("src/test/resources/staff-tables/rules/eligibility");
        Files.copy(
                form.resolve("scope-parameters.table.yaml"),
                root.resolve("rules/eligibility/scope-parameters.table.yaml"));
        Files.copy(form.resolve("scope-parameters.drt"), root.resolve("rules/eligibility/scope-parameters.drt"));
        writeStaffWorkbook(cell -> {});
    }

    @Test
    void theRulesetDecidesAsWithTheOldSheetEveryEligibilityScenarioPasses() {
        CompiledRuleset ruleset = CopiedRules.compile(root);

        assertThat(new TestScenarioRunner(Path.of("scenarios").toAbsolutePath().toString()).failures(ruleset))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"２０００", "2000年", "2000 年", " 2000 "})
    void aYearIsReadAsStaffTypeIt(String typed) throws IOException {
        writeStaffWorkbook(cell -> cell.setCellValue(typed));

        CompiledRuleset ruleset = CopiedRules.compile(root);

        assertThat(new TestScenarioRunner(Path.of("scenarios").toAbsolutePath().toString()).failures(ruleset))
                .isEmpty();
    }

    @Test
    void aYearInChineseNumeralsIsOneFindingAtItsCellSayingWhatIsExpected() throws IOException {
        writeStaffWorkbook(cell -> cell.setCellValue("二千"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(WORKBOOK);
            assertThat(problem.sheet()).isEqualTo(SHEET);
            assertThat(problem.cell()).isEqualTo("C4");
            assertThat(problem.message()).contains("「计入“2000年前建成”的最后竣工年份」应填写整数", "阿拉伯数字，如 1949年", "“二千”", CUTOFF);
        });
    }

    @Test
    void aDateWhereAYearBelongsIsNamedAsTheDateTheSpreadsheetMadeOfIt() throws IOException {
        writeStaffWorkbook(cell -> {
            Workbook workbook = cell.getSheet().getWorkbook();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            cell.setCellValue(java.time.LocalDate.of(2021, 1, 1));
            cell.setCellStyle(date);
        });

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("C4");
            assertThat(problem.message()).contains("被表格程序当作了日期 2021-01-01", "应填写整数");
        });
    }

    @Test
    void aYearOutsideItsRangeIsNamedWithTheRange() throws IOException {
        writeStaffWorkbook(cell -> cell.setCellValue(3000));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("C4");
            assertThat(problem.message()).contains("为 3000，超出合理范围 1949–2020（含本数）");
        });
    }

    @Test
    void aClearedValueIsNamedAtItsCellNotInTheIntegrityRules() throws IOException {
        writeStaffWorkbook(Cell::setBlank);

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("C4");
            assertThat(problem.message()).contains("「计入“2000年前建成”的最后竣工年份」不能为空", CUTOFF);
        });
    }

    @Test
    void aDeletedParameterRowIsNamedAsDeleted() throws IOException {
        rows.remove(0);
        writeStaffWorkbook(cell -> {});

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("A3");
            assertThat(problem.message()).contains("缺少参数", CUTOFF, "被删除了");
        });
    }

    @Test
    void aQuoteInAnInterpretationCannotLeaveItsStringAndIsNamedAtItsCell() throws IOException {
        rows.get(0)[5] = "\"); System.exit(0); //";
        writeStaffWorkbook(cell -> {});

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("F4");
            assertThat(problem.message()).contains("「解释」含有英文引号");
        });
    }

    @Test
    void aTemplateThatSplicesTextBareIsRefusedNamingItsLine() throws IOException {
        Path template = root.resolve("rules/eligibility/scope-parameters.drt");
        Files.writeString(
                template,
                Files.readString(template).replace("@interpretation(\"@{interpretation}\")", "// @{interpretation}"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/eligibility/scope-parameters.drt");
            assertThat(problem.message()).contains("@{interpretation}", "只能放在英文双引号内");
        });
    }

    /** The staff workbook: title, note, headers, one row per parameter; {@code editCutoff} changes the cut-off's 取值. */
    private void writeStaffWorkbook(Consumer<Cell> editCutoff) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            sheet.createRow(0).createCell(0).setCellValue("改造范围参数");
            sheet.createRow(1).createCell(0).setCellValue("每行一个参数：修改“取值”即改变判定结果。");
            Row headers = sheet.createRow(2);
            String[] names = {"规则编号", "名称", "取值", "条款", "原文", "解释"};
            for (int c = 0; c < names.length; c++) {
                headers.createCell(c).setCellValue(names[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(3 + r);
                String[] values = rows.get(r);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (c == VALUE_COLUMN && values[c].matches("\\d+")) {
                        cell.setCellValue(Integer.parseInt(values[c]));
                    } else {
                        cell.setCellValue(values[c]);
                    }
                }
                if (values[0].equals(CUTOFF)) {
                    editCutoff.accept(row.getCell(VALUE_COLUMN));
                }
            }
            try (OutputStream out = Files.newOutputStream(root.resolve(WORKBOOK))) {
                workbook.write(out);
            }
        }
    }

    private static String text(Row row, int column) {
        Cell cell = row.getCell(column);
        return cell == null ? "" : cell.toString().strip();
    }
}
