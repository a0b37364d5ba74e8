package cn.wenzhou.renovation.ruleset.authoring.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvel2.MVEL;

/** The scenarios of scenarios/ run inside the service against a compiled ruleset, as validation runs them. */
class ScenariosInValidationTest {

    private final TestScenarioRunner runner = new TestScenarioRunner("scenarios");

    @TempDir
    Path root;

    @Test
    void theRepositoryRulesPassEveryScenarioOfWenzhouAndOfYueqing() {
        assertThat(runner.failures(RepositoryRuleset.compile())).isEmpty();
        RulesetSources yueqing = RulesetSources.load("rules", "decision-tables").stream()
                .filter(s -> s.jurisdiction().code().equals("yueqing"))
                .findFirst()
                .orElseThrow();
        assertThat(runner.failures(new RulesetCompiler().compile("yueqing", yueqing.files())))
                .isEmpty();
    }

    /**
     * Drools sets MVEL's options while compiling DRL; a process that loaded only the build's prebuilt rules never
     * did. The scenarios' class literals must read the same there (as in the packaged {@code validate}). Only the
     * full build can catch a regression here: in the quick loop the rules compile from DRL, which sets them again.
     */
    @Test
    void theScenariosReadTheSameInAProcessThatCompiledNoDrl() {
        CompiledRuleset wenzhou = RepositoryRuleset.compile();
        MVEL.COMPILER_OPT_SUPPORT_JAVA_STYLE_CLASS_LITERALS = false;
        try {
            assertThat(runner.failures(wenzhou)).isEmpty();
        } finally {
            TestScenarioRunner.readExpressionsAsDroolsDoes();
        }
    }

    @CompilesEditedRules
    @Test
    void aLongerPublicityFailsTheRowsThatPinTheOldPeriodNamingFileAndRow() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        editPublicityDays(7);
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        List<RuleProblem> changed = runner.changedBy(RepositoryRuleset.compile(), edited);

        assertThat(changed).isNotEmpty().allSatisfy(row -> {
            assertThat(row.file()).startsWith("scenarios/wenzhou/procedure/").endsWith(".scesim");
            assertThat(row.message()).matches("(?s)测试场景第 \\d+ 行「.+」的结论变了：.+");
            assertThat(row.message()).doesNotContain("There is no instance");
        });
        // The pinned period's own value, which no rule id names, is told as an expectation that no longer holds.
        assertThat(changed)
                .anySatisfy(row -> assertThat(row.message()).contains("所填的期望中有", "项不再成立"))
                .anySatisfy(row -> assertThat(row.technicalDetail()).contains("workingDays = 5"));
    }

    @CompilesEditedRules
    @Test
    void theParsedScenariosAreReusedWithoutCarryingOneRunsResultsIntoTheNext() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        editPublicityDays(7);
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
        CompiledRuleset repository = RepositoryRuleset.compile();
        // Fresh runners, so the per-version result cache does not answer: both runs really run.
        List<RuleProblem> failingFirst = new TestScenarioRunner("scenarios").failures(edited);

        assertThat(new TestScenarioRunner("scenarios").failures(repository)).isEmpty();
        assertThat(new TestScenarioRunner("scenarios").failures(edited))
                .isNotEmpty()
                .isEqualTo(failingFirst);
    }

    private void editPublicityDays(int days) throws IOException {
        RuleFolderCopy.editCell(
                root.resolve("decision-tables/procedure/working-day-periods.xlsx"),
                "PROCEDURE-PARAM-PUBLICITY-MINIMUM",
                "工作日数",
                cell -> cell.setCellValue(days));
    }
}
