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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guide §3.6 (工程组织实施), the funds gate, as the real rules and decision table answer it. */
class FundingRulesTest {

    private static final String TARGET = "1000000.00";

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        // Plain relative paths: Maven runs tests with the project directory as working directory.
        ruleset = compile(Path.of("rules"), Path.of("decision-tables"));
    }

    // --- the arrival rate around 90% ----------------------------------------------------------

    @Test
    void readyWhenExactlyNinetyPercentIsInPlaceAndTheRemainderIsCommitted() {
        FundsOutcome outcome = assess(TARGET, "900000.00", true);

        assertReady(outcome);
        assertThat(ruleIds(outcome.findings()))
                .containsExactlyInAnyOrder("FUNDS-ARRIVAL-RATE-REACHED", "FUNDS-REMAINDER-COMMITTED");
        assertThat(outcome.funds().getArrivalRate().fraction()).isEqualTo("9/10");
    }

    @Test
    void notReadyWhenOneCentShortOfNinetyPercent() {
        FundsOutcome outcome = assess(TARGET, "899999.99", true);

        assertNotReadyFor(outcome, "FUNDS-ARRIVAL-RATE-SHORT");
        assertThat(outcome.funds().getArrivalRate().fraction()).isEqualTo("89999999/100000000");
    }

    @Test
    void shortfallMessageShowsTheRateCutTo89Point99NotRoundedUpTo90() {
        FundsOutcome outcome = assess(TARGET, "899999.99", true);

        assertThat(outcome.failedConditions())
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains(
                                "已到位 899999.99 元",
                                "应筹 1000000.00 元",
                                "到位率 89999999/100000000（89.99%）",
                                "未达到最低到位率 9/10（90.00%）"));
    }

    @Test
    void readyWhenOneCentMoreThanNinetyPercentIsInPlace() {
        FundsOutcome outcome = assess(TARGET, "900000.01", true);

        assertReady(outcome);
    }

    @Test
    void notReadyWhenTheExactNinetyPercentHasMoreThanTwoDecimalsAndTheAmountIsBelowIt() {
        // 90% of 333,333.33 is 299,999.997 yuan; 299,999.99 is below it, however it would be rounded for display.
        assertNotReadyFor(assess("333333.33", "299999.99", true), "FUNDS-ARRIVAL-RATE-SHORT");
    }

    @Test
    void readyWhenTheAmountIsTheFirstWholeFenAboveAnUnevenNinetyPercent() {
        assertReady(assess("333333.33", "300000.00", true));
    }

    // --- the owners' commitment for the remainder ---------------------------------------------

    @Test
    void notReadyWhenNinetyPercentIsInPlaceButTheRemainderIsNotCommitted() {
        FundsOutcome outcome = assess(TARGET, "900000.00", false);

        assertNotReadyFor(outcome, "FUNDS-REMAINDER-NOT-COMMITTED");
        assertThat(ruleIds(outcome.findings())).contains("FUNDS-ARRIVAL-RATE-REACHED");
    }

    @Test
    void uncommittedRemainderIsNamedInYuan() {
        FundsOutcome outcome = assess(TARGET, "900000.00", false);

        assertThat(outcome.failedConditions())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("100000.00 元"));
    }

    @Test
    void readyWithoutCommitmentWhenEverythingIsInPlace() {
        FundsOutcome outcome = assess(TARGET, TARGET, false);

        assertReady(outcome);
        assertThat(ruleIds(outcome.findings()))
                .containsExactlyInAnyOrder("FUNDS-ARRIVAL-RATE-REACHED", "FUNDS-NOTHING-REMAINS");
    }

    @Test
    void commitmentIsNotAskedForWhenEverythingIsInPlace() {
        FundsOutcome outcome = assess(TARGET, TARGET, true);

        assertReady(outcome);
        assertThat(ruleIds(outcome.findings()))
                .contains("FUNDS-NOTHING-REMAINS")
                .doesNotContain("FUNDS-REMAINDER-COMMITTED");
    }

    @Test
    void readyWhenMoreThanTheTargetIsInPlace() {
        FundsOutcome outcome = assess(TARGET, "1200000.00", false);

        assertReady(outcome);
        assertThat(ruleIds(outcome.findings())).contains("FUNDS-NOTHING-REMAINS");
        assertThat(outcome.funds().getArrivalRate().fraction()).isEqualTo("6/5");
    }

    @Test
    void readyWhenOneCentLessThanEverythingIsInPlaceAndCommitted() {
        FundsOutcome outcome = assess(TARGET, "999999.99", true);

        assertReady(outcome);
        assertThat(ruleIds(outcome.findings()))
                .contains("FUNDS-REMAINDER-COMMITTED")
                .doesNotContain("FUNDS-NOTHING-REMAINS");
    }

    // --- both conditions, one answer ----------------------------------------------------------

    @Test
    void listsBothUnmetConditionsWhenShortAndNotCommitted() {
        FundsOutcome outcome = assess(TARGET, "899999.99", false);

        assertNotReadyFor(outcome, "FUNDS-ARRIVAL-RATE-SHORT", "FUNDS-REMAINDER-NOT-COMMITTED");
    }

    @Test
    void notReadyWithNothingInPlaceEvenWithCommitment() {
        FundsOutcome outcome = assess(TARGET, "0.00", true);

        assertNotReadyFor(outcome, "FUNDS-ARRIVAL-RATE-SHORT");
    }

    @Test
    void reachesExactlyOneDecisionForEveryCombinationOfFacts() {
        Map<String, List<String>> notExactlyOne = new LinkedHashMap<>();
        for (String inPlace : new String[] {
            "0.00", "899999.99", "900000.00", "900000.01", "999999.99", TARGET, "1000000.01", "2000000.00"
        }) {
            for (boolean committed : new boolean[] {false, true}) {
                List<String> decisions = ruleset
                        .evaluate(FundingService.CAPABILITY, List.of(funds(TARGET, inPlace, committed)))
                        .all(FundsDecision.class)
                        .stream()
                        .map(FundsDecision::ruleId)
                        .toList();
                if (decisions.size() != 1) {
                    notExactlyOne.put(inPlace + " committed=" + committed, decisions);
                }
            }
        }

        assertThat(notExactlyOne).isEmpty();
    }

    @Test
    void decisionRuleMatchesTheFailedConditions() {
        for (String inPlace : new String[] {"899999.99", "900000.00", TARGET}) {
            for (boolean committed : new boolean[] {false, true}) {
                FundsOutcome outcome = assess(TARGET, inPlace, committed);
                assertThat(outcome.decision().ready())
                        .as(inPlace + " committed=" + committed)
                        .isEqualTo(outcome.failedConditions().isEmpty());
            }
        }
    }

    @Test
    void citesAClauseForEveryRuleBehindTheAnswer() {
        FundsOutcome outcome = assess(TARGET, "899999.99", false);

        assertThat(ruleset.clauseOf(outcome.decision().ruleId())).isPresent();
        assertThat(outcome.findings())
                .allSatisfy(f -> assertThat(ruleset.clauseOf(f.ruleId())).isPresent());
    }

    @Test
    void minimumArrivalRateIsTheDecisionTableCellNinetyPercent() {
        FundsOutcome outcome = assess(TARGET, "900000.00", true);

        assertThat(outcome.minimum().minimum()).isEqualTo(ExactRatio.of(9, 10));
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

    private static FundsOutcome assess(String target, String inPlace, boolean committed) {
        return FundingService.assess(ruleset, funds(target, inPlace, committed));
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
