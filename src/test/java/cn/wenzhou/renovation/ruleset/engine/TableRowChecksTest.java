package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken copies of the real staff tables, built as the service builds them: a mistyped cell, an empty
 * required cell, two rows that overlap, a choice or a combination no row decides. Each finding is in the officer's
 * words (drop-down labels, not the codes) at the cell she changed or would fill in.
 */
@CompilesEditedRules
class TableRowChecksTest {

    private static final String APPROVAL = "decision-tables/approval/simplification-measures.xlsx";
    private static final String APPROVAL_SHEET = "审批简化措施";
    private static final String JOINT_ACCEPTANCE = "APPROVAL-PARAM-JOINT-ACCEPTANCE";
    private static final String THRESHOLDS = "decision-tables/consent/consent-thresholds.xlsx";
    private static final String THRESHOLDS_SHEET = "表决通过标准";

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    @Test
    void aYesNoCellWrittenOtherwiseIsMistyped() throws IOException {
        String cell = editApproval("采用（是/否）", "可以");

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("应选择 是 或 否", "可以", JOINT_ACCEPTANCE);
        });
    }

    @Test
    void anEmptyRequiredCellSaysWhatToWriteForNoLimit() throws IOException {
        String cell = editApproval("总投资上限（元，含本数）", null);

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("「总投资上限（元，含本数）」不能为空", "没有限制请填“不限”");
        });
    }

    @Test
    void anAmountIsReadWithItsUnitAndNoLimitAsNoCeiling() throws IOException {
        RuleFolderCopy.editCell(
                root.resolve(APPROVAL),
                APPROVAL_SHEET,
                "APPROVAL-PARAM-MERGE-PROPOSAL-FEASIBILITY",
                "总投资上限（元，含本数）",
                cell -> cell.setCellValue("20,000,000 元"));
        editApproval("总投资上限（元，含本数）", "不限");

        assertThat(CopiedRules.compile(root).version()).isNotNull();
    }

    @Test
    void twoRowsForOneMeasureWithDifferentAnswersOverlapAndLeaveAnotherMeasureUncovered() throws IOException {
        editApproval("措施", "施工图免予审查，承诺书替代审查合格书");
        editApproval("采用（是/否）", "否");

        List<RuleProblem> problems = problems();

        assertThat(problems)
                .anySatisfy(problem -> assertThat(problem.message())
                        .contains(
                                "重叠且结论不同",
                                JOINT_ACCEPTANCE,
                                "APPROVAL-PARAM-DRAWING-REVIEW-EXEMPTION",
                                "「措施」为“施工图免予审查，承诺书替代审查合格书”"));
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(APPROVAL);
            assertThat(problem.message()).contains("空缺", "「措施」为“项目联合验收”", "无规则可判");
        });
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).doesNotContain("JOINT-ACCEPTANCE”"));
    }

    @Test
    void aVoteRoundLeftWithoutARequirementIsAGapInTheCombinations() throws IOException {
        RuleFolderCopy.editCell(
                root.resolve(THRESHOLDS),
                THRESHOLDS_SHEET,
                "CONSENT-GUIDE-DESIGN-PLAN",
                "表决事项",
                c -> c.setCellValue("征求意见"));

        assertThat(problems())
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo(THRESHOLDS);
                    assertThat(problem.sheet()).isEqualTo(THRESHOLDS_SHEET);
                    assertThat(problem.cell())
                            .as("the open row below the table")
                            .isNotNull();
                    assertThat(problem.message()).contains("空缺", "「规定」为“本指南”、「表决事项」为“改造设计方案表决”", "无规则可判");
                })
                .noneSatisfy(problem -> assertThat(problem.message()).contains("民法典"));
    }

    @Test
    void aBlankConditionCellOverlapsEveryValueOfItsColumn() throws IOException {
        Path form = root.resolve("rules/consent/consent-thresholds.table.yaml");
        Files.writeString(
                form,
                Files.readString(form).replace("combinations:\n  - [basis, round]\n", "unique: [basis, round]\n"));
        String cell = RuleFolderCopy.editCell(
                root.resolve(THRESHOLDS), THRESHOLDS_SHEET, "CONSENT-GUIDE-DESIGN-PLAN", "表决事项", c -> c.setBlank());

        assertThat(problems()).anySatisfy(problem -> {
            assertThat(problem.sheet()).isEqualTo(THRESHOLDS_SHEET);
            assertThat(problem.message())
                    .contains("CONSENT-GUIDE-DESIGN-PLAN", "CONSENT-GUIDE-FIRST-CONSENT", "「表决事项」空白（任意值）");
        });
        assertThat(cell).startsWith("D");
    }

    @Test
    void aFormNamingAColumnItLacksInItsChecksIsRefusedNamingTheForm() throws IOException {
        Path form = root.resolve("rules/approval/simplification-measures.table.yaml");
        Files.writeString(form, Files.readString(form).replace("unique: [measure]", "unique: [measures]"));

        assertThat(problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/approval/simplification-measures.table.yaml");
            assertThat(problem.message()).contains("unique 中的 “measures” 不是本表的列");
        });
    }

    /** Edits the joint-acceptance row's cell of the approval table; {@code null} empties it. */
    private String editApproval(String column, String value) throws IOException {
        return RuleFolderCopy.editCell(root.resolve(APPROVAL), APPROVAL_SHEET, JOINT_ACCEPTANCE, column, cell -> {
            if (value == null) {
                cell.setBlank();
            } else {
                cell.setCellValue(value);
            }
        });
    }

    private List<RuleProblem> problems() {
        return CopiedRules.compileFailing(root).problems();
    }
}
