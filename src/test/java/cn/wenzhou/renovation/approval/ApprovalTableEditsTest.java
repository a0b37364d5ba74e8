package cn.wenzhou.renovation.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edited copies of {@code decision-tables/approval/simplification-measures.xlsx} (sheet 审批简化措施), changed the way
 * policy staff change it: a cell found by its row's rule name and its column's label, a row added under
 * the table, a row deleted or copied. A sound edit changes the answer; an unsound one is refused when
 * the rules are compiled, naming the problem. Edits are made relative to the values read from the compiled
 * repository table, whose own answers are pinned once, in
 * the golden cases ({@code decision-tables/approval/approval.cases.xlsx}).
 */
@CompilesEditedRules
class ApprovalTableEditsTest {

    static final String TABLE = "decision-tables/approval/simplification-measures.xlsx";
    static final String SHEET = "审批简化措施";

    static final String TWO_MERGE_ROW = "APPROVAL-PARAM-MERGE-PROPOSAL-FEASIBILITY";
    static final String THREE_MERGE_ROW = "APPROVAL-PARAM-MERGE-PROPOSAL-FEASIBILITY-DESIGN";
    static final String PLANNING_PERMIT_ROW = "APPROVAL-PARAM-PLANNING-PERMIT-WAIVER";
    static final String DRAWING_REVIEW_ROW = "APPROVAL-PARAM-DRAWING-REVIEW-EXEMPTION";
    static final String JOINT_ACCEPTANCE_ROW = "APPROVAL-PARAM-JOINT-ACCEPTANCE";

    static final String NAME_LABEL = "规则编号";
    static final String DESCRIPTION_LABEL = "名称";
    static final String CODE_LABEL = "措施";
    static final String ADOPTED_LABEL = "采用（是/否）";
    static final String CEILING_LABEL = "总投资上限（元，含本数）";
    static final String CLAUSE_LABEL = "条款";
    static final String QUOTE_LABEL = "原文";
    static final String INTERPRETATION_LABEL = "解释";
    static final List<String> LABELS = List.of(
            NAME_LABEL,
            DESCRIPTION_LABEL,
            CODE_LABEL,
            ADOPTED_LABEL,
            CEILING_LABEL,
            CLAUSE_LABEL,
            QUOTE_LABEL,
            INTERPRETATION_LABEL);

    static final BigDecimal FEN = new BigDecimal("0.01");
    static final BigDecimal FIVE_MILLION = new BigDecimal("5000000");
    static final BigDecimal TEN_MILLION = new BigDecimal("10000000");

    /** The steps the planning permit waiver of §4(四)(六) waives. */
    static final Set<ApprovalStep> PLANNING_STEPS = EnumSet.of(
            ApprovalStep.LAND_USE_PLANNING_PERMIT,
            ApprovalStep.CONSTRUCTION_PLANNING_PERMIT,
            ApprovalStep.COMPLETION_PLANNING_VERIFICATION);

    private static CompiledRuleset repository;

    @TempDir
    Path root;

    @BeforeAll
    static void compileRepositoryRules() {
        repository = RepositoryRuleset.compile();
    }

    @BeforeEach
    void copyRepositoryRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    // --- edits that change the answer ----------------------------------------------------------------

    @Nested
    class SoundEdits {

        @Test
        void raisingTheTwoMergeCeilingMergesProposalAndFeasibilityForAnAmountAboveTheOldCeiling() throws IOException {
            BigDecimal oldCeiling = repositoryCeiling(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY);
            BigDecimal amount = oldCeiling.add(FIVE_MILLION);
            BigDecimal raised = amount.add(FIVE_MILLION);
            editCell(TWO_MERGE_ROW, CEILING_LABEL, raised.toPlainString());
            CompiledRuleset edited = compileCopy();

            ApprovalPlan before = ApprovalPlan.of(repository, governmentProject(amount));
            ApprovalPlan after = ApprovalPlan.of(edited, governmentProject(amount));

            assertThat(treatment(before, ApprovalStep.PROJECT_PROPOSAL)).isEqualTo(StepTreatment.REQUIRED);
            assertThat(treatment(before, ApprovalStep.FEASIBILITY_STUDY)).isEqualTo(StepTreatment.REQUIRED);
            assertThat(treatment(after, ApprovalStep.PROJECT_PROPOSAL)).isEqualTo(StepTreatment.MERGED);
            assertThat(treatment(after, ApprovalStep.FEASIBILITY_STUDY)).isEqualTo(StepTreatment.MERGED);
            assertThat(treatment(after, ApprovalStep.PRELIMINARY_DESIGN)).isEqualTo(StepTreatment.REQUIRED);
            assertThat(finding(after, ApprovalStep.PROJECT_PROPOSAL).message())
                    .contains("不超过 " + raised.toPlainString() + " 元");
            assertThat(edited.version()).isNotEqualTo(repository.version());
        }

        @Test
        void theRaisedCeilingStillIncludesTheAmountItselfAndNotOneFenMore() throws IOException {
            BigDecimal raised = repositoryCeiling(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY)
                    .add(TEN_MILLION);
            editCell(TWO_MERGE_ROW, CEILING_LABEL, raised.toPlainString());
            CompiledRuleset edited = compileCopy();

            assertThat(treatment(ApprovalPlan.of(edited, governmentProject(raised)), ApprovalStep.PROJECT_PROPOSAL))
                    .isEqualTo(StepTreatment.MERGED);
            assertThat(treatment(
                            ApprovalPlan.of(edited, governmentProject(raised.add(FEN))), ApprovalStep.PROJECT_PROPOSAL))
                    .isEqualTo(StepTreatment.REQUIRED);
        }

        @Test
        void notAdoptingThePlanningPermitWaiverMakesBothPermitsRequiredAsNotAdoptedLocally() throws IOException {
            editCell(PLANNING_PERMIT_ROW, ADOPTED_LABEL, "否");
            CompiledRuleset edited = compileCopy();

            ApprovalPlan plan = ApprovalPlan.of(edited, governmentProject(new BigDecimal("5000000.00")));

            assertThat(plan.scope().applies()).isTrue();
            for (ApprovalStep step : PLANNING_STEPS) {
                assertThat(treatment(plan, step)).as(step.name()).isEqualTo(StepTreatment.REQUIRED);
                assertThat(finding(plan, step).message()).as(step.name()).contains("本地未采用");
                assertThat(finding(plan, step).ruleId()).isEqualTo("APPROVAL-PLANNING-PERMITS-REQUIRED");
            }
        }

        @Test
        void notAdoptingThePlanningPermitWaiverLeavesEveryOtherStepAsTheRepositoryTableAnswersIt() throws IOException {
            editCell(PLANNING_PERMIT_ROW, ADOPTED_LABEL, "否");
            CompiledRuleset edited = compileCopy();
            ApprovalProject project = governmentProject(new BigDecimal("5000000.00"));

            assertThat(answersOutside(PLANNING_STEPS, ApprovalPlan.of(edited, project)))
                    .isEqualTo(answersOutside(PLANNING_STEPS, ApprovalPlan.of(repository, project)))
                    .hasSize(ApprovalStep.values().length - PLANNING_STEPS.size());
        }

        @Test
        void notAdoptingTheThreeMergeRequiresThePreliminaryDesignEvenAtTheCeilingItHad() throws IOException {
            BigDecimal threeMergeCeiling = repositoryCeiling(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY_DESIGN);
            assertThat(repositoryMeasure(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY)
                            .covers(threeMergeCeiling))
                    .as("the repository's two-merge covers what its three-merge covered")
                    .isTrue();
            editCell(THREE_MERGE_ROW, ADOPTED_LABEL, "否");
            CompiledRuleset edited = compileCopy();

            ApprovalPlan plan = ApprovalPlan.of(edited, governmentProject(threeMergeCeiling));

            assertThat(treatment(plan, ApprovalStep.PROJECT_PROPOSAL)).isEqualTo(StepTreatment.MERGED);
            assertThat(finding(plan, ApprovalStep.PROJECT_PROPOSAL).ruleId())
                    .isEqualTo("APPROVAL-MERGE-PROPOSAL-FEASIBILITY");
            assertThat(treatment(plan, ApprovalStep.PRELIMINARY_DESIGN)).isEqualTo(StepTreatment.REQUIRED);
            assertThat(finding(plan, ApprovalStep.PRELIMINARY_DESIGN).message()).contains("本地未采用三项合并");
        }
    }

    // --- edits that must be refused --------------------------------------------------------------------

    @Nested
    class RefusedEdits {

        @Test
        void deletingAMeasureRowRefusesTheRulesetNamingTheMissingMeasure() throws IOException {
            deleteRow(DRAWING_REVIEW_ROW);

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.message()).contains("空缺：没有「措施」为“施工图免予审查，承诺书替代审查合格书”的规则");
            });
        }

        /** Past a form without its row checks, the integrity rule still refuses, naming the measure as the drop-down does. */
        @Test
        void withoutTheFormsRowChecksTheIntegrityRuleNamesTheMissingMeasureByItsLabel() throws IOException {
            Path form = root.resolve("rules/approval/simplification-measures.table.yaml");
            java.nio.file.Files.writeString(
                    form, java.nio.file.Files.readString(form).replaceAll("(?m)^(unique|complete):.*$", ""));
            deleteRow(DRAWING_REVIEW_ROW);

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.message()).contains("缺少审批简化措施 「施工图免予审查，承诺书替代审查合格书」");
                assertThat(problem.message()).doesNotContainPattern("[A-Z]{3,}-[A-Z]{3,}");
            });
        }

        @Test
        void deletingTheLastMeasureRowRefusesTheRulesetNamingTheMissingMeasure() throws IOException {
            deleteRow("APPROVAL-PARAM-SIMPLIFIED-COMPLETION-FILING");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems())
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.message()).contains("空缺：没有「措施」为“简化竣工验收备案材料”的规则"));
        }

        @Test
        void duplicatingARowVerbatimRefusesTheRulesetNamingTheRepeatedRule() throws IOException {
            int copiedRow = appendRow(rowValues(JOINT_ACCEPTANCE_ROW));

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.sheet()).isEqualTo(SHEET);
                assertThat(problem.cell()).isEqualTo("A" + copiedRow);
                assertThat(problem.message()).contains("规则编号 " + JOINT_ACCEPTANCE_ROW + " 与第", "行重复");
            });
        }

        @Test
        void duplicatingARowUnderANewRuleNameRefusesTheRulesetNamingTheMeasureGivenTwice() throws IOException {
            Map<String, String> copy = rowValues(JOINT_ACCEPTANCE_ROW);
            copy.put(NAME_LABEL, JOINT_ACCEPTANCE_ROW + "-2");
            appendRow(copy);

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.message()).contains("重复", JOINT_ACCEPTANCE_ROW + "-2", "「措施」为“项目联合验收”");
            });
        }

        @Test
        void aRowWithAMeasureOutsideTheDropDownIsRefusedAtItsCellNamingTheChoices() throws IOException {
            Map<String, String> row = rowValues(JOINT_ACCEPTANCE_ROW);
            row.put(NAME_LABEL, "APPROVAL-PARAM-MERGE-ALL-STEPS");
            row.put(CODE_LABEL, "MERGE-ALL-STEPS");
            appendRow(row);

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.message()).contains("应从下拉列表中选择", "项目联合验收", "“MERGE-ALL-STEPS”");
            });
        }

        @Test
        void aMisspelledMeasureIsRefusedAtItsCell() throws IOException {
            String cell = editCell(PLANNING_PERMIT_ROW, CODE_LABEL, "免办规划许可证");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.cell()).isEqualTo(cell);
                assertThat(problem.message()).contains("应从下拉列表中选择", "“免办规划许可证”");
            });
        }

        @Test
        void aThreeMergeCeilingAboveTheTwoMergeCeilingRefusesTheRulesetNamingBothCeilings() throws IOException {
            SimplificationMeasure twoMerge = repositoryMeasure(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY);
            BigDecimal aboveIt = twoMerge.investmentCeiling().orElseThrow().add(TEN_MILLION);
            String cell = editCell(THREE_MERGE_ROW, CEILING_LABEL, aboveIt.toPlainString());

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file())
                        .as("at the cell, not the integrity rule")
                        .isEqualTo(TABLE);
                assertThat(problem.sheet()).isEqualTo(SHEET);
                assertThat(problem.cell()).isEqualTo(cell);
                assertThat(problem.message())
                        .contains("三项合并的总投资上限（" + aboveIt.toPlainString() + " 元）高于两项合并的上限（" + twoMerge.ceilingLabel()
                                + "）");
            });
        }

        @Test
        void anUnlimitedThreeMergeCeilingAboveAFiniteTwoMergeCeilingRefusesTheRuleset() throws IOException {
            String cell = editCell(THREE_MERGE_ROW, CEILING_LABEL, "不限");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.cell()).isEqualTo(cell);
                assertThat(problem.message()).contains("三项合并的总投资上限");
            });
        }

        @Test
        void aYesNoCellReading可以RefusesTheRulesetAtThatCell() throws IOException {
            String typoCell = editCell(PLANNING_PERMIT_ROW, ADOPTED_LABEL, "可以");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.sheet()).isEqualTo(SHEET);
                assertThat(problem.cell()).isEqualTo(typoCell);
                assertThat(problem.message()).contains("可以");
            });
        }

        @Test
        void aCeilingWrittenIn万RefusesTheRulesetNamingItsRow() throws IOException {
            editCell(TWO_MERGE_ROW, CEILING_LABEL, "2000万");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.sheet()).isEqualTo(SHEET);
                assertThat(problem.message()).contains(TWO_MERGE_ROW);
            });
        }

        @Test
        void aCeilingWrittenIn万IsReportedAtItsCellQuotingTheValue() throws IOException {
            String brokenCell = editCell(TWO_MERGE_ROW, CEILING_LABEL, "2000万");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.cell()).isEqualTo(brokenCell);
                assertThat(problem.message()).contains("2000万");
            });
        }

        @Test
        void aCeilingOnAMeasureThatHasNoneIsRefusedAtThatCell() throws IOException {
            String cell = editCell(PLANNING_PERMIT_ROW, CEILING_LABEL, "5000000");

            RulesetCompilationException failure = refused();

            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(TABLE);
                assertThat(problem.cell()).isEqualTo(cell);
                assertThat(problem.message()).contains("应填“不限”", PLANNING_PERMIT_ROW);
            });
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static ApprovalProject governmentProject(BigDecimal investment) {
        return new ApprovalProject(
                true, investment, false, false, false, false, false, false, false, false, false, true);
    }

    /** The row of the repository's table for {@code code}, as compiled. */
    private static SimplificationMeasure repositoryMeasure(String code) {
        return repository.parameters(ApprovalPlan.CAPABILITY).stream()
                .filter(SimplificationMeasure.class::isInstance)
                .map(SimplificationMeasure.class::cast)
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + code));
    }

    private static BigDecimal repositoryCeiling(String code) {
        return repositoryMeasure(code)
                .investmentCeiling()
                .orElseThrow(() -> new AssertionError(code + " has no ceiling in the repository's table"));
    }

    /** Each step's treatment and deciding rule, leaving out {@code left}. */
    private static Map<ApprovalStep, String> answersOutside(Set<ApprovalStep> left, ApprovalPlan plan) {
        return plan.steps().stream()
                .filter(s -> !left.contains(s.step()))
                .collect(Collectors.toMap(ApprovalFinding::step, s -> s.treatment() + " " + s.ruleId()));
    }

    private static ApprovalFinding finding(ApprovalPlan plan, ApprovalStep step) {
        List<ApprovalFinding> found =
                plan.steps().stream().filter(s -> s.step() == step).toList();
        assertThat(found).as("findings for " + step).hasSize(1);
        return found.get(0);
    }

    private static StepTreatment treatment(ApprovalPlan plan, ApprovalStep step) {
        return finding(plan, step).treatment();
    }

    private CompiledRuleset compileCopy() {
        return RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
    }

    private RulesetCompilationException refused() {
        RulesetCompilationException failure =
                catchThrowableOfType(RulesetCompilationException.class, this::compileCopy);
        assertThat(failure)
                .as("the edited table must stop the ruleset from serving")
                .isNotNull();
        return failure;
    }

    /** Types {@code text} into the cell of row {@code ruleName}, column {@code label}; returns its reference. */
    private String editCell(String ruleName, String label, String text) throws IOException {
        return RuleFolderCopy.editCell(root.resolve(TABLE), SHEET, ruleName, label, cell -> cell.setCellValue(text));
    }

    /** Adds the row under the table; returns its row number as Excel shows it. */
    private int appendRow(Map<String, String> valuesByLabel) throws IOException {
        return RuleFolderCopy.appendRow(root.resolve(TABLE), SHEET, valuesByLabel);
    }

    /** Every labelled cell of the row named {@code ruleName}, as text, for copying it. */
    private Map<String, String> rowValues(String ruleName) throws IOException {
        try (Workbook workbook = open()) {
            Sheet sheet = workbook.getSheet(SHEET);
            Row row = rowNamed(sheet, ruleName);
            Map<String, String> values = new LinkedHashMap<>();
            for (String label : LABELS) {
                values.put(label, text(row.getCell(cellWithText(sheet, label).getColumnIndex())));
            }
            return values;
        }
    }

    /** Deletes the row as Excel's 删除行 does: the rows below move up, so the table has no gap. */
    private void deleteRow(String ruleName) throws IOException {
        Path file = root.resolve(TABLE);
        try (Workbook workbook = open()) {
            Sheet sheet = workbook.getSheet(SHEET);
            Row row = rowNamed(sheet, ruleName);
            int index = row.getRowNum();
            int last = sheet.getLastRowNum();
            sheet.removeRow(row);
            if (index < last) {
                sheet.shiftRows(index + 1, last, -1);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        try (Workbook workbook = open()) {
            Sheet sheet = workbook.getSheet(SHEET);
            int nameColumn = cellWithText(sheet, NAME_LABEL).getColumnIndex();
            for (Row row : sheet) {
                assertThat(text(row.getCell(nameColumn)))
                        .as("row %d after deleting", row.getRowNum() + 1)
                        .isNotEqualTo(ruleName);
            }
        }
    }

    private Workbook open() throws IOException {
        try (InputStream in = Files.newInputStream(root.resolve(TABLE))) {
            return WorkbookFactory.create(in);
        }
    }

    private static Row rowNamed(Sheet sheet, String ruleName) {
        int nameColumn = cellWithText(sheet, NAME_LABEL).getColumnIndex();
        for (Row row : sheet) {
            if (ruleName.equals(text(row.getCell(nameColumn)))) {
                return row;
            }
        }
        throw new AssertionError("no row named " + ruleName);
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
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).strip();
    }
}
