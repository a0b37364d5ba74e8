package cn.wenzhou.renovation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate}: what county IT staff run after editing a copied table, before anything is served. */
@CompilesEditedRules
class ValidateRulesCommandTest {

    private static final String REPOSITORY_SCENARIOS =
            Path.of("scenarios").toAbsolutePath().toString();

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void theRepositoryRulesPassForEveryJurisdiction() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);

        int exit = validate("--diff", "--scenarios-dir", REPOSITORY_SCENARIOS);

        assertThat(exit).isZero();
        assertThat(output())
                .contains("通过 wenzhou", "通过 yueqing", "新增规则 ELIG-YUEQING-OUTSIDE-RENOVATION-AREAS", "全部通过")
                .containsPattern("测试用例 wenzhou：\\d+ 个，全部符合期望")
                .containsPattern("测试用例 yueqing：\\d+ 个，全部符合期望");
    }

    @Test
    void aCountyBelowArticle278FailsNamingTheCellAndShowsTheChange() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, "weakened");
        Path copy = root.resolve("decision-tables/counties/weakened/consent/consent-thresholds.xlsx");
        Files.createDirectories(copy.getParent());
        Files.copy(root.resolve("decision-tables/consent/consent-thresholds.xlsx"), copy);
        RuleFolderCopy.editCell(
                copy, "表决通过标准", "CONSENT-CIVIL-CODE-278-APPROVAL", "同意户数/参与户数 ≥", cell -> cell.setCellValue("2/3"));

        int exit = validate("--jurisdiction", "weakened", "--diff");

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains(
                        "未通过 weakened",
                        "[低于法律规定]",
                        "decision-tables/counties/weakened/consent/consent-thresholds.xlsx 工作表「表决通过标准」 单元格 J8",
                        "CONSENT-CIVIL-CODE-278-APPROVAL",
                        "同意户数/参与户数 ≥ 3/4 → 2/3")
                .doesNotContain("通过 wenzhou");
    }

    @Test
    void anEditThatChangesAScenarioAnswerFailsNamingTheScenarioRow() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCell(
                root.resolve("decision-tables/procedure/working-day-periods.xlsx"),
                "PROCEDURE-PARAM-PUBLICITY-MINIMUM",
                "工作日数",
                cell -> cell.setCellValue(7));

        int exit = validate("--jurisdiction", "wenzhou", "--scenarios-dir", REPOSITORY_SCENARIOS);

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("通过 wenzhou", "[测试场景] scenarios/wenzhou/procedure/", "测试场景第", "有辖区未通过校验")
                .doesNotContain("There is no instance");
    }

    /** A table edited on purpose without its cases: the cases it changes are told, each at its expectation's cell. */
    @Test
    void anEditThatChangesACaseFailsNamingTheCaseRowAndCell() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(1999));

        int exit = validate(
                "--jurisdiction",
                "wenzhou",
                "--scenarios-dir",
                root.resolve("none").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains("通过 wenzhou", "[测试用例] decision-tables/eligibility/eligibility.cases.xlsx 工作表「改造范围测试用例」 单元格 M")
                .containsPattern("测试用例第 \\d+ 行「.+」：「期望结论」期望 重点改造，实际 ")
                .contains("有辖区未通过校验");
    }

    @Test
    void aTableWithoutCasesBesideItFailsNamingTheTable() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Files.delete(root.resolve("decision-tables/survey/survey.cases.xlsx"));

        int exit = validate("--jurisdiction", "wenzhou");

        assertThat(exit).isEqualTo(1);
        assertThat(output())
                .contains(
                        "未通过 wenzhou",
                        "decision-tables/survey/satisfaction.xlsx",
                        "这张表格没有测试用例：请在 decision-tables/survey/");
    }

    @Test
    void aMissingFolderIsExitCodeTwo() {
        assertThat(validate()).isEqualTo(2);
        assertThat(output()).contains("规则目录不存在");
    }

    @Test
    void anUnknownJurisdictionIsExitCodeTwo() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);

        assertThat(validate("--jurisdiction", "atlantis")).isEqualTo(2);
        assertThat(output()).contains("没有辖区 atlantis");
    }

    private int validate(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--rules-dir";
        args[1] = root.resolve("rules").toString();
        args[2] = "--decision-tables-dir";
        args[3] = root.resolve("decision-tables").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return new CommandLine(new ValidateRulesCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute(args);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
