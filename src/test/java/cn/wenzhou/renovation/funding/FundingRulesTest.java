package cn.wenzhou.renovation.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guide §3.6 (工程组织实施), the funds gate: an editor's change to the minimum arrival rate cell, compiled
 * from a copy of the rules. The repository's answers are pinned in
 * the golden cases ({@code decision-tables/funding/funding.cases.xlsx}); what holds whatever the minimum is,
 * in {@link FundingProperties}.
 */
class FundingRulesTest {

    private static final String TARGET = "1000000.00";

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        // Plain relative paths: Maven runs tests with the project directory as working directory.
        ruleset = compile(Path.of("rules"), Path.of("decision-tables"));
    }

    // --- an editor's change to the decision table ----------------------------------------------

    @Nested
    @CompilesEditedRules
    class EditedMinimumArrivalRate {

        @TempDir
        Path root;

        @BeforeEach
        void copyRepositoryRules() throws IOException {
            RuleFolderCopy.copyRepositoryRules(root);
        }

        @Test
        void raisingTheMinimumTo95PercentMakesNinetyPercentNotReady() throws IOException {
            RuleFolderCopy.editMinimumArrivalRateCell(root, cell -> cell.setCellValue("95%"));
            CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

            FundsOutcome outcome = FundingService.assess(edited, funds(TARGET, "900000.00", true));

            assertNotReadyFor(outcome, "FUNDS-ARRIVAL-RATE-SHORT");
            assertThat(outcome.minimum().minimum().fraction()).isEqualTo("19/20");
            assertThat(edited.version()).isNotEqualTo(ruleset.version());
        }

        @Test
        void raisingTheMinimumTo95PercentStillAccepts95Percent() throws IOException {
            RuleFolderCopy.editMinimumArrivalRateCell(root, cell -> cell.setCellValue("95%"));
            CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

            assertReady(FundingService.assess(edited, funds(TARGET, "950000.00", true)));
        }

        @Test
        void minimumWrittenAsTheFraction9Over10IsExactlyNinetyPercent() throws IOException {
            RuleFolderCopy.editMinimumArrivalRateCell(root, cell -> cell.setCellValue("9/10"));
            CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

            FundsOutcome outcome = FundingService.assess(edited, funds(TARGET, "900000.00", true));

            assertReady(outcome);
            assertThat(outcome.minimum().minimum()).isEqualTo(ExactRatio.parse("90%"));
        }

        @Test
        void rejectsMinimumCellThatIsNotAShareWhenTheRulesAreCompiled() throws IOException {
            String brokenCell = RuleFolderCopy.editMinimumArrivalRateCell(root, cell -> cell.setCellValue("九成"));

            RulesetCompilationException failure = catchThrowableOfType(
                    RulesetCompilationException.class,
                    () -> compile(root.resolve("rules"), root.resolve("decision-tables")));

            assertThat(failure)
                    .as("compilation should fail, as it does for a cut-off year written 二千")
                    .isNotNull();
            assertThat(failure.problems()).anySatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(RuleFolderCopy.FUNDING_TABLE);
                assertThat(problem.sheet()).isEqualTo(RuleFolderCopy.FUNDING_SHEET);
                assertThat(problem.cell()).isEqualTo(brokenCell);
            });
        }
    }

    // --- helpers -----------------------------------------------------------------------------

    static CompiledRuleset compile(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }

    private static FundsStatus funds(String target, String inPlace, boolean committed) {
        return new FundsStatus(new BigDecimal(target), new BigDecimal(inPlace), committed);
    }

    private static List<String> ruleIds(List<FundsFinding> findings) {
        return findings.stream().map(FundsFinding::ruleId).toList();
    }

    private static void assertReady(FundsOutcome outcome) {
        assertThat(outcome.decision().ready()).isTrue();
        assertThat(outcome.decision().ruleId()).isEqualTo("FUNDS-DECIDE-READY");
        assertThat(outcome.failedConditions()).isEmpty();
        assertThat(outcome.findings()).allSatisfy(f -> assertThat(f.effect()).isEqualTo(FindingEffect.CONDITION_MET));
    }

    /** Not ready, and "why not" names exactly the given failing rules. */
    private static void assertNotReadyFor(FundsOutcome outcome, String... failingRuleIds) {
        assertThat(outcome.decision().ready()).isFalse();
        assertThat(outcome.decision().ruleId()).isEqualTo("FUNDS-DECIDE-NOT-READY");
        assertThat(ruleIds(outcome.failedConditions())).containsExactlyInAnyOrder(failingRuleIds);
        assertThat(outcome.failedConditions())
                .allSatisfy(f -> assertThat(f.effect()).isEqualTo(FindingEffect.CONDITION_FAILED));
    }
}
