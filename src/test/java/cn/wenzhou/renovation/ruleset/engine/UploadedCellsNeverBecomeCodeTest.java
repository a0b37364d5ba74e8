package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.Eligibility;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.eligibility.HousingKind;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Attacks on the compiler through the cells of a real decision table, for every role: each tries to
 * make Java that creates a folder run while the rules are built, and each is refused at its cell (or,
 * for a column that is only for people, made harmless) with the folder never created.
 */
@CompilesEditedRules
class UploadedCellsNeverBecomeCodeTest {

    private static final String TABLE = RuleFolderCopy.ELIGIBILITY_TABLE;
    private static final String SHEET = RuleFolderCopy.PARAMETER_SHEET;
    private static final String CUTOFF_RULE = RuleFolderCopy.CUTOFF_ROW;

    @TempDir
    Path root;

    private Path planted;

    @BeforeEach
    void copyRepositoryRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        planted = root.resolve("planted-by-a-cell");
    }

    @Test
    void codeAfterANumberInABareParameterCellIsRefusedAtItsCell() throws IOException {
        String cell = RuleFolderCopy.editCutoffCell(
                root,
                c -> c.setCellValue(
                        "2000)); new java.io.File(\"" + planted + "\").mkdirs(); String.valueOf(String.valueOf(1"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.sheet()).isEqualTo(SHEET);
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("应填写整数");
        });
        assertThat(planted).doesNotExist();
    }

    @Test
    void aFormulaWhoseCachedValueIsCodeIsRefusedAtItsCellWhateverItShows() throws IOException {
        String cell = RuleFolderCopy.editCutoffCell(root, c -> {
            c.setCellFormula("1999+1");
            // What a hostile program writes as the formula's last result: Drools used to splice it.
            var stored = ((XSSFCell) c).getCTCell();
            stored.setT(STCellType.STR);
            stored.setV("2000)); new java.io.File(\"" + planted + "\").mkdirs(); String.valueOf(String.valueOf(1");
        });

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).anySatisfy(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("公式");
        });
        assertThat(planted).doesNotExist();
    }

    @Test
    void anHonestFormulaIsRefusedToo() throws IOException {
        String cell = RuleFolderCopy.editCutoffCell(root, c -> c.setCellFormula("1999+1"));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).extracting(RuleProblem::cell).containsExactly(cell);
    }

    @Test
    void aNameThatClosesACommentAddsNoRuleAndRunsNothing() throws IOException {
        int rulesBefore = ruleCount(CopiedRules.compile(root));
        RuleFolderCopy.editCell(
                root.resolve(TABLE),
                SHEET,
                CUTOFF_RULE,
                "名称",
                c -> c.setCellValue("x */ @clause(x) @quote(y) when then new java.io.File(\"" + planted
                        + "\").mkdirs(); end rule ELIGPARAMPRIORITYCUTOFFB /* y"));

        CompiledRuleset edited = CopiedRules.compile(root);

        assertThat(ruleCount(edited)).isEqualTo(rulesBefore);
        assertThat(EligibilityService.decide(edited, community(2000)).decision().eligibility())
                .isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(planted).doesNotExist();
    }

    @Test
    void aQuoteThatWouldCloseAQuotedValueIsRefusedAtItsCell() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(TABLE),
                SHEET,
                CUTOFF_RULE,
                "解释",
                c -> c.setCellValue("理由\"); new java.io.File(\"" + planted + "\").mkdirs(); String s = (\""));

        RulesetCompilationException failure = CopiedRules.compileFailing(root);

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("英文引号");
        });
        assertThat(planted).doesNotExist();
    }

    @Test
    void aUnicodeEscapeOfAQuoteIsRefusedForItsBackslash() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(TABLE),
                SHEET,
                CUTOFF_RULE,
                "解释",
                c -> c.setCellValue("理由\\u0022); System.exit(1); (\\u0022"));

        assertThat(CopiedRules.compileFailing(root).problems())
                .extracting(RuleProblem::cell)
                .containsExactly(cell);
    }

    @Test
    void aRuleNameThatWouldCloseItsQuotesIsRefused() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(TABLE),
                SHEET,
                CUTOFF_RULE,
                "规则编号",
                c -> c.setCellValue("ELIG\" salience 1 when then System.exit(1); end rule \"X"));

        assertThat(CopiedRules.compileFailing(root).problems())
                .extracting(RuleProblem::cell)
                .containsExactly(cell);
    }

    @Test
    void aCodeCellWithAnExpressionIsRefused() throws IOException {
        String cell = RuleFolderCopy.editCell(
                root.resolve(StaffTables.OUT_OF_SCOPE),
                "不属改造范畴",
                "ELIG-OUT-URBAN-VILLAGE",
                "住房区域类型",
                c -> c.setCellValue("URBAN_VILLAGE || true"));

        assertThat(CopiedRules.compileFailing(root).problems())
                .extracting(RuleProblem::cell)
                .containsExactly(cell);
    }

    @Test
    void fullWidthDigitsTypedWithAChineseInputMethodReadAsTheYearTheyShow() throws IOException {
        RuleFolderCopy.editCutoffCell(root, c -> c.setCellValue("２００５"));

        CompiledRuleset edited = CopiedRules.compile(root);

        assertThat(EligibilityService.decide(edited, community(2003)).decision().eligibility())
                .isEqualTo(Eligibility.PRIORITY_RENOVATION);
    }

    @Test
    void aFormulaInTheNoteAboveTheRulesIsRefusedForEveryRole() throws IOException {
        Path table = root.resolve(TABLE);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(table)) {
            workbook = WorkbookFactory.create(in);
        }
        try (workbook;
                OutputStream out = Files.newOutputStream(table)) {
            workbook.getSheet(SHEET).getRow(1).getCell(0).setCellFormula("\"说明\"");
            workbook.write(out);
        }

        assertThat(CopiedRules.compileFailing(root).problems())
                .extracting(RuleProblem::cell)
                .containsExactly("A2");
    }

    // --- helpers -----------------------------------------------------------------------------

    private static int ruleCount(CompiledRuleset ruleset) {
        return ruleset.clauses().size();
    }

    private static Community community(int completionYear) {
        Community community = new Community();
        community.setCompletionYear(completionYear);
        community.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        community.setEvaluationDate(java.time.LocalDate.of(2024, 6, 1));
        return community;
    }
}
