package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.authoring.StaffWorkbooks;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eligibility tables, staff tables (data-only workbooks, with their forms and rule templates beside the
 * rules): each value is read the way staff type it, and every mistake is one Chinese finding at the cell she
 * changed.
 */
@CompilesEditedRules
class StaffTableTest {

    private static final String CUTOFF = "ELIG-PARAM-PRIORITY-CUTOFF";
    private static final String CUTOFF_NAME = "计入“2000年前建成”的最后竣工年份";

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    private String editCutoff(java.util.function.Consumer<Cell> edit) throws IOException {
        return RuleFolderCopy.editCell(root.resolve(StaffTables.PARAMETERS), CUTOFF, "取值", edit);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"２０００", "2000年", "2000 年", " 2000 "})
    void aYearIsReadAsStaffTypeIt(String typed) throws IOException {
        editCutoff(cell -> cell.setCellValue(typed));

        assertThat(CopiedRules.compile(root).hasSameRulesAs(RepositoryRuleset.compile()))
                .isTrue();
    }

    @Test
    void aChangedYearWithItsUnitReadsAsTheNumberAlone(@TempDir Path typedAsNumber) throws IOException {
        editCutoff(cell -> cell.setCellValue("2005年"));
        RuleFolderCopy.copyRepositoryRules(typedAsNumber);
        RuleFolderCopy.editCell(typedAsNumber.resolve(StaffTables.PARAMETERS), CUTOFF, "取值", c -> c.setCellValue(2005));

        CompiledRuleset edited = CopiedRules.compile(root);
        assertThat(edited.hasSameRulesAs(RepositoryRuleset.compile())).isFalse();
        assertThat(edited.hasSameRulesAs(CopiedRules.compile(typedAsNumber))).isTrue();
    }

    @Test
    void aYearInChineseNumeralsIsOneFindingAtItsCellSayingWhatIsExpected() throws IOException {
        String cell = editCutoff(c -> c.setCellValue("二千"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(StaffTables.PARAMETERS);
            assertThat(problem.sheet()).isEqualTo("改造范围参数");
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("「" + CUTOFF_NAME + "」应填写整数", "阿拉伯数字，如 1949年", "“二千”", CUTOFF);
        });
    }

    @Test
    void aDateWhereAYearBelongsIsNamedAsTheDateTheSpreadsheetMadeOfIt() throws IOException {
        String cell = editCutoff(c -> {
            Workbook workbook = c.getSheet().getWorkbook();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            c.setCellValue(LocalDate.of(2021, 1, 1));
            c.setCellStyle(date);
        });

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("被表格程序当作了日期 2021-01-01", "应填写整数");
        });
    }

    @Test
    void aYearOutsideItsRangeIsNamedWithTheRange() throws IOException {
        String cell = editCutoff(c -> c.setCellValue(3000));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("为 3000，超出合理范围 1949–2020（含本数）");
        });
    }

    @Test
    void aClearedValueIsNamedAtItsCellNotInTheIntegrityRules() throws IOException {
        String cell = editCutoff(Cell::setBlank);

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("「" + CUTOFF_NAME + "」不能为空", CUTOFF);
        });
    }

    @Test
    void aTableKeptBeforeItHadASourceColumnReadsAsCitingTheGuide() throws IOException {
        Path table = root.resolve(StaffTables.PARAMETERS);
        try (var in = java.nio.file.Files.newInputStream(table);
                var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var sheet = book.getSheetAt(0);
            int source = -1;
            for (Cell header : sheet.getRow(StaffWorkbooks.HEADER_ROW)) {
                if ("来源".equals(header.getStringCellValue())) {
                    source = header.getColumnIndex();
                }
            }
            assertThat(source).isNotNegative();
            for (var row : sheet) {
                Cell cell = row.getCell(source);
                if (cell != null) {
                    row.removeCell(cell);
                }
            }
            try (var out = java.nio.file.Files.newOutputStream(table)) {
                book.write(out);
            }
        }

        assertThat(CopiedRules.compile(root).hasSameRulesAs(RepositoryRuleset.compile()))
                .isTrue();
    }

    @Test
    void aDeletedParameterRowIsNamedAsDeleted() throws IOException {
        List<Map<String, Object>> parameters = StaffTables.rows(root.resolve(StaffTables.PARAMETERS));
        parameters.removeIf(row -> CUTOFF.equals(row.get("规则编号")));
        StaffTables.write(root, StaffTables.PARAMETERS, parameters);

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo("A3");
            assertThat(problem.message()).contains("缺少参数", CUTOFF, "被删除了");
        });
    }

    @Test
    void aHousingKindIsChosenByItsChineseLabelAndAnUnknownOneIsNamedWithTheChoices() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(StaffTables.OUT_OF_SCOPE), "ELIG-OUT-URBAN-VILLAGE", "住房区域类型", c -> c.setCellValue("城中"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(StaffTables.OUT_OF_SCOPE);
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("应从下拉列表中选择", "城中村", "“城中”");
        });
    }

    @Test
    void aNewRowRepeatingAnotherIsADuplicateNamedAtItsCell() throws IOException {
        int row = RuleFolderCopy.appendRow(
                root.resolve(StaffTables.OUT_OF_SCOPE), "不属改造范畴", urbanVillageAgain("城中村，不属本次老旧小区改造的范畴"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(StaffTables.OUT_OF_SCOPE);
            assertThat(problem.cell()).isEqualTo("C" + row);
            assertThat(problem.message())
                    .contains(
                            "重复：第 " + row + " 行（规则 ELIG-OUT-URBAN-VILLAGE-AGAIN）",
                            "ELIG-OUT-URBAN-VILLAGE）",
                            "「住房区域类型」为“城中村”")
                    .doesNotContain("URBAN_VILLAGE");
        });
    }

    @Test
    void aNewRowForTheSameKindWithAnotherConclusionIsAConflict() throws IOException {
        RuleFolderCopy.appendRow(root.resolve(StaffTables.OUT_OF_SCOPE), "不属改造范畴", urbanVillageAgain("另一种说法"));

        assertThat(CopiedRules.compileFailing(root).problems())
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("重叠且结论不同", "同一情形会得到两个结论"));
    }

    private static Map<String, String> urbanVillageAgain(String conclusion) {
        return Map.of(
                "规则编号", "ELIG-OUT-URBAN-VILLAGE-AGAIN",
                "名称", "城中村",
                "住房区域类型", "城中村",
                "结论说明", conclusion,
                "条款", "一、改造范围",
                "原文", "城中村");
    }

    @Test
    void aQuoteInAConclusionCannotLeaveItsStringAndIsNamedAtItsCell() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(StaffTables.OUT_OF_SCOPE),
                "ELIG-OUT-URBAN-VILLAGE",
                "结论说明",
                c -> c.setCellValue("\"); System.exit(0); //"));

        assertThat(CopiedRules.compileFailing(root).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("「结论说明」含有英文引号");
        });
    }

    @Test
    void aValidationFindsNothingToSayAndItsDiffSaysWhatTheOfficerChangedInPolicyTerms() throws IOException {
        List<RuleFile> before = CopiedRules.load(root);
        editCutoff(cell -> cell.setCellValue(2005));
        List<RuleFile> after = CopiedRules.load(root);

        RulesetValidation validation = new RulesetValidator(List.of()).validate(RulesetSources.base(after));
        RulesetDiff diff = RulesetDiff.ofEdit("wenzhou", before, after);

        assertThat(validation.problems()).isEmpty();
        assertThat(diff.summary())
                .singleElement()
                .satisfies(
                        line -> assertThat(line).contains("scope-parameters.xlsx", "改造范围参数", CUTOFF, "取值 2000 → 2005"));
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
}
