package cn.wenzhou.renovation.ruleset.authoring.tablecheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliberately broken copies of the real tables, checked as staff would have them checked: a value
 * outside its bounds, a mistyped cell, an empty required cell, two rows that overlap, a missing row.
 * Each finding names the cell and says in Chinese what is wrong.
 */
@CompilesEditedRules
class TableChecksTest {

    private static final String APPROVAL = "decision-tables/approval/approval.drl.xlsx";
    private static final String CONSENT = "decision-tables/consent/consent.drl.xlsx";

    @TempDir
    Path root;

    @Test
    void theRepositoryTablesPassEveryCheck() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);

        assertThat(validateBase().findings()).isEmpty();
    }

    @Test
    void aYesNoCellWrittenOtherwiseIsMistyped() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        String cell = RuleFolderCopy.editCell(
                root.resolve(APPROVAL),
                "审批简化措施",
                "APPROVAL-PARAM-JOINT-ACCEPTANCE",
                "采用（是/否）",
                c -> c.setCellValue("可以"));

        assertThat(tableFindings()).anySatisfy(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("应填 是 或 否", "可以");
        });
    }

    @Test
    void anEmptyRequiredCellIsNamedByItsCell() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        String cell = RuleFolderCopy.editCell(
                root.resolve(APPROVAL), "审批简化措施", "APPROVAL-PARAM-JOINT-ACCEPTANCE", "总投资上限（元，含本数）", c -> c.setBlank());

        assertThat(tableFindings()).anySatisfy(problem -> {
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("不能为空", "总投资上限");
        });
    }

    @Test
    void twoRowsForOneMeasureWithDifferentAnswersOverlapAndLeaveAnotherMeasureUncovered() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path table = root.resolve(APPROVAL);
        RuleFolderCopy.editCell(
                table,
                "审批简化措施",
                "APPROVAL-PARAM-JOINT-ACCEPTANCE",
                "措施代码",
                c -> c.setCellValue("DRAWING-REVIEW-EXEMPTION"));
        RuleFolderCopy.editCell(
                table, "审批简化措施", "APPROVAL-PARAM-JOINT-ACCEPTANCE", "采用（是/否）", c -> c.setCellValue("否"));

        List<RuleProblem> findings = tableFindings();

        assertThat(findings)
                .anySatisfy(problem -> assertThat(problem.message())
                        .contains("重叠且结论不同", "APPROVAL-PARAM-JOINT-ACCEPTANCE", "DRAWING-REVIEW-EXEMPTION"));
        assertThat(findings)
                .anySatisfy(problem -> assertThat(problem.message()).contains("空缺", "JOINT-ACCEPTANCE", "无规则可判"));
    }

    @Test
    void aVoteRoundLeftWithoutARequirementIsAGapInTheCombinations() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCell(
                root.resolve(CONSENT),
                "表决通过标准",
                "CONSENT-GUIDE-DESIGN-PLAN",
                "表决事项",
                c -> c.setCellValue("FIRST_CONSENT"));

        assertThat(tableFindings())
                .anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo(CONSENT);
                    assertThat(problem.sheet()).isEqualTo("表决通过标准");
                    assertThat(problem.message()).contains("空缺", "「依据代码」为 GUIDE、「表决事项」为 DESIGN_PLAN", "无规则可判");
                })
                .noneSatisfy(problem -> assertThat(problem.message()).contains("CIVIL_CODE_ART_278"));
    }

    @Test
    void aBlankConditionCellOverlapsEveryValueOfItsColumn() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path checks = root.resolve("decision-tables/table-checks.yaml");
        Files.writeString(
                checks,
                Files.readString(checks)
                        .replace("    combinations:\n      - [依据代码, 表决事项]\n", "    unique: [依据代码, 表决事项]\n"));
        String cell = RuleFolderCopy.editCell(
                root.resolve(CONSENT), "表决通过标准", "CONSENT-GUIDE-DESIGN-PLAN", "表决事项", c -> c.setBlank());

        assertThat(tableFindings()).anySatisfy(problem -> {
            assertThat(problem.sheet()).isEqualTo("表决通过标准");
            assertThat(problem.message())
                    .contains("CONSENT-GUIDE-DESIGN-PLAN", "CONSENT-GUIDE-FIRST-CONSENT", "「表决事项」为 空白");
        });
        assertThat(cell).isEqualTo("E11");
    }

    private List<RuleProblem> tableFindings() {
        return validateBase().findings().stream()
                .filter(p -> p.file().startsWith("decision-tables/"))
                .toList();
    }

    private RulesetValidation validateBase() {
        RulesetSources base = RulesetSources.load(
                        root.resolve("rules").toString(),
                        root.resolve("decision-tables").toString())
                .get(0);
        return new RulesetValidator(List.of()).validate(base);
    }
}
