package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guide §3.1 / §3.4 (双三分之二), annexes 1 and 2 (blank ballots) and the statute in force on the vote
 * date: an editor's change to the consent table, compiled from a copy of the rules. No Spring. The
 * repository's answers are pinned in the golden cases ({@code decision-tables/consent/consent.cases.xlsx}), each criterion's result in {@code scenarios/wenzhou/consent/guide-3-1-double-two-thirds.scesim};
 * what holds whatever the tables say, in {@link ConsentDecisionProperties}.
 */
@CompilesEditedRules
class ConsentRulesTest {

    private static final String THRESHOLDS_TABLE = "decision-tables/consent/consent-thresholds.xlsx";
    private static final String BLANK_VOTES_TABLE = "decision-tables/consent/blank-votes.xlsx";

    /** A 2020 vote: the guide (from 2020-09-01) and Property Law art. 76 (until 2020-12-31). */
    private static final LocalDate IN_2020 = LocalDate.of(2020, 10, 15);
    /** A vote under the guide and Civil Code art. 278. */
    private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 1);

    private static final String CIVIL_CODE_APPROVAL = "CONSENT-CIVIL-CODE-278-APPROVAL";

    private static final String SUFFICIENT = "CONSENT-DECIDE-SUFFICIENT";
    private static final String INSUFFICIENT = "CONSENT-DECIDE-INSUFFICIENT";

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = compile(Path.of("rules"), Path.of("decision-tables"));
    }

    // --- an editor's change to the decision table ----------------------------------------------

    @Test
    void settingTheTieParameterToTrueCountsBlankBallotsOnATieAsAgreeing(@TempDir Path root) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCell(
                root.resolve(BLANK_VOTES_TABLE),
                "空白票认定参数",
                "CONSENT-PARAM-BLANK-TIE",
                "取值",
                cell -> cell.setCellValue("是"));
        CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

        ConsentOutcome before = tally(IN_2020, "600.00", 6, tieWithFourBlanks());
        ConsentOutcome after = ConsentService.tally(edited, tallyOf(IN_2020, "600.00", 6, tieWithFourBlanks()));

        assertInsufficient(before);
        assertSufficient(after);
        assertThat(after.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-ON-A-TIE");
        assertThat(after.blankBallots().countedAsAgreeing()).isTrue();
        assertThat(after.votes().agreeingHouseholds()).isEqualTo(5);
        assertThat(edited.version()).isNotEqualTo(ruleset.version());
    }

    @Test
    void raisingCivilCodeApprovalToFourFifthsFailsAVoteWithSeventyEightPercent(@TempDir Path root) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        for (String column : List.of("同意面积/参与面积 ≥", "同意户数/参与户数 ≥")) {
            RuleFolderCopy.editCell(
                    root.resolve(THRESHOLDS_TABLE),
                    "表决通过标准",
                    CIVIL_CODE_APPROVAL,
                    column,
                    cell -> cell.setCellValue("4/5"));
        }
        CompiledRuleset edited = compile(root.resolve("rules"), root.resolve("decision-tables"));

        ConsentOutcome before = tally(IN_2026, "10000.00", 100, votes("7800.00", 78, "2200.00", 22, "0", 0));
        ConsentOutcome after = ConsentService.tally(
                edited, tallyOf(IN_2026, "10000.00", 100, votes("7800.00", 78, "2200.00", 22, "0", 0)));

        assertSufficient(before);
        assertInsufficient(after);
        assertThat(failed(after))
                .containsExactlyInAnyOrder(
                        tuple(CIVIL_CODE_APPROVAL, Measure.AGREEING_AREA_OF_PARTICIPATING),
                        tuple(CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING));
        assertThat(criterion(after, CIVIL_CODE_APPROVAL, Measure.AGREEING_AREA_OF_PARTICIPATING)
                        .minimum())
                .isEqualTo(ratio("4/5"));
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The ballots cast; households without a ballot are the rest of the totals. */
    record Votes(String agreeArea, int agree, String disagreeArea, int disagree, String blankArea, int blank) {

        @Override
        public String toString() {
            return "agree " + agree + "/" + agreeArea + " disagree " + disagree + "/" + disagreeArea + " blank " + blank
                    + "/" + blankArea;
        }
    }

    private static Votes votes(
            String agreeArea, int agree, String disagreeArea, int disagree, String blankArea, int blank) {
        return new Votes(agreeArea, agree, disagreeArea, disagree, blankArea, blank);
    }

    private static Votes tieWithFourBlanks() {
        return votes("100.00", 1, "100.00", 1, "400.00", 4);
    }

    private static ConsentTally tallyOf(LocalDate date, String totalArea, int totalHouseholds, Votes v) {
        ConsentTally t = new ConsentTally();
        t.setRound(VoteRound.FIRST_CONSENT);
        t.setVoteDate(date);
        t.setTotalArea(new BigDecimal(totalArea));
        t.setTotalHouseholds(totalHouseholds);
        t.setAgreeingArea(new BigDecimal(v.agreeArea()));
        t.setAgreeingHouseholds(v.agree());
        t.setDisagreeingArea(new BigDecimal(v.disagreeArea()));
        t.setDisagreeingHouseholds(v.disagree());
        t.setBlankArea(new BigDecimal(v.blankArea()));
        t.setBlankHouseholds(v.blank());
        return t;
    }

    private static ConsentOutcome tally(LocalDate date, String totalArea, int totalHouseholds, Votes v) {
        return ConsentService.tally(ruleset, tallyOf(date, totalArea, totalHouseholds, v));
    }

    static CompiledRuleset compile(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }

    private static ExactRatio ratio(String fraction) {
        return ExactRatio.parse(fraction);
    }

    private static List<org.assertj.core.groups.Tuple> failed(ConsentOutcome outcome) {
        return outcome.failedCriteria().stream()
                .map(c -> tuple(c.ruleId(), c.measure()))
                .toList();
    }

    private static CriterionResult criterion(ConsentOutcome outcome, String ruleId, Measure measure) {
        return outcome.criteria().stream()
                .filter(c -> c.ruleId().equals(ruleId) && c.measure() == measure)
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no criterion " + ruleId + " " + measure + " among " + outcome.criteria()));
    }

    private static void assertSufficient(ConsentOutcome outcome) {
        assertThat(outcome.decision().sufficient())
                .as("sufficient; failed: %s", outcome.failedCriteria())
                .isTrue();
        assertThat(outcome.decision().ruleId()).isEqualTo(SUFFICIENT);
        assertThat(outcome.failedCriteria()).isEmpty();
    }

    private static void assertInsufficient(ConsentOutcome outcome) {
        assertThat(outcome.decision().sufficient())
                .as("insufficient; criteria: %s", outcome.criteria())
                .isFalse();
        assertThat(outcome.decision().ruleId()).isEqualTo(INSUFFICIENT);
        assertThat(outcome.failedCriteria()).isNotEmpty();
    }
}
