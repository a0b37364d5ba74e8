package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guide §3.1 / §3.4 (双三分之二), annexes 1 and 2 (blank ballots) and the statute in force on the
 * vote date, as the real rules and decision table answer them. No Spring.
 */
class ConsentRulesTest {

    private static final String CONSENT_TABLE = "decision-tables/consent/consent.drl.xlsx";

    /** A 2020 vote: the guide (from 2020-09-01) and Property Law art. 76 (until 2020-12-31). */
    private static final LocalDate IN_2020 = LocalDate.of(2020, 10, 15);
    /** A vote under the guide and Civil Code art. 278. */
    private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 1);

    private static final String GUIDE_FIRST_CONSENT = "CONSENT-GUIDE-FIRST-CONSENT";
    private static final String GUIDE_DESIGN_PLAN = "CONSENT-GUIDE-DESIGN-PLAN";
    private static final String PROPERTY_LAW_76 = "CONSENT-PROPERTY-LAW-76";
    private static final String CIVIL_CODE_PARTICIPATION = "CONSENT-CIVIL-CODE-278-PARTICIPATION";
    private static final String CIVIL_CODE_APPROVAL = "CONSENT-CIVIL-CODE-278-APPROVAL";

    private static final String SUFFICIENT = "CONSENT-DECIDE-SUFFICIENT";
    private static final String INSUFFICIENT = "CONSENT-DECIDE-INSUFFICIENT";

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = compile(Path.of("rules"), Path.of("decision-tables"));
    }

    // --- 双三分之二: exactly 2/3 passes, one short fails ---------------------------------------

    @Test
    void exactlyTwoThirdsOfAreaAndOfHouseholdsPasses() {
        // 66.68 of 100.02 m² is exactly 2/3; 2 of 3 households is exactly 2/3.
        ConsentOutcome outcome = tally(IN_2020, "100.02", 3, votes("66.68", 2, "33.34", 1, "0", 0));

        assertSufficient(outcome);
        assertThat(outcome.criteria())
                .extracting(CriterionResult::ruleId, CriterionResult::measure, CriterionResult::share)
                .containsExactlyInAnyOrder(
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_AREA_OF_TOTAL, ratio("2/3")),
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL, ratio("2/3")),
                        tuple(PROPERTY_LAW_76, Measure.AGREEING_AREA_OF_TOTAL, ratio("2/3")),
                        tuple(PROPERTY_LAW_76, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL, ratio("2/3")));
    }

    @Test
    void oneHouseholdShortOfTwoThirdsFailsOnTheHouseholdAxisOnly() {
        // 19 of 30 households (20 needed), with 70% of the area.
        ConsentOutcome outcome = tally(IN_2020, "3000.00", 30, votes("2100.00", 19, "900.00", 11, "0", 0));

        assertInsufficient(outcome);
        assertThat(failed(outcome))
                .containsExactlyInAnyOrder(
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL),
                        tuple(PROPERTY_LAW_76, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL));
    }

    @Test
    void areaOneHundredthOfASquareMetreShortOfTwoThirdsFailsOnTheAreaAxisOnly() {
        // 66.67 of 100.02 m² is just under 2/3; 2 of 3 households is exactly 2/3.
        ConsentOutcome outcome = tally(IN_2020, "100.02", 3, votes("66.67", 2, "33.35", 1, "0", 0));

        assertInsufficient(outcome);
        assertThat(failed(outcome))
                .containsExactlyInAnyOrder(
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_AREA_OF_TOTAL),
                        tuple(PROPERTY_LAW_76, Measure.AGREEING_AREA_OF_TOTAL));
    }

    @Test
    void designPlanVoteIsJudgedByTheGuidesDesignPlanRow() {
        ConsentTally tally = tallyOf(IN_2020, "100.02", 3, votes("66.68", 2, "33.34", 1, "0", 0));
        tally.setRound(VoteRound.DESIGN_PLAN);

        ConsentOutcome outcome = ConsentService.tally(ruleset, tally);

        assertSufficient(outcome);
        assertThat(ruleIds(outcome)).containsOnly(GUIDE_DESIGN_PLAN, PROPERTY_LAW_76);
    }

    // --- blank ballots follow the majority of marked ballots ----------------------------------

    @Test
    void blankBallotsFollowingAnAgreeingMajorityTurnAFailingVoteIntoAPassingOne() {
        // 6 agree, 2 disagree, 1 blank of 10: 6/10 alone fails, 7/10 with the blank passes.
        ConsentOutcome withBlank = tally(IN_2020, "1000.00", 10, votes("600.00", 6, "200.00", 2, "100.00", 1));
        ConsentOutcome blankNotCast = tally(IN_2020, "1000.00", 10, votes("600.00", 6, "200.00", 2, "0", 0));

        assertInsufficient(blankNotCast);
        assertSufficient(withBlank);
        assertThat(withBlank.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-FOLLOWS-AGREEING-MAJORITY");
        assertThat(withBlank.blankBallots().countedAsAgreeing()).isTrue();
        assertThat(withBlank.votes().agreeingHouseholds()).isEqualTo(7);
        assertThat(withBlank.votes().agreeingArea()).isEqualByComparingTo("700.00");
    }

    @Test
    void blankBallotsOnATieAreNotCountedAsAgreeingButStillParticipate() {
        // 3 agree, 3 disagree, 2 blank of 8 in 2026: no majority to follow.
        ConsentOutcome outcome = tally(IN_2026, "800.00", 8, votes("300.00", 3, "300.00", 3, "200.00", 2));

        assertInsufficient(outcome);
        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-ON-A-TIE");
        assertThat(outcome.blankBallots().countedAsAgreeing()).isFalse();
        assertThat(outcome.blankBallots().interpretation())
                .isEqualTo("同意与不同意的户数相等时没有多数意见，空白票不计为同意（参数 CONSENT-PARAM-BLANK-TIE）");
        assertThat(outcome.votes().agreeingHouseholds()).isEqualTo(3);
        assertThat(outcome.votes().agreeingArea()).isEqualByComparingTo("300.00");
        assertThat(outcome.votes().participatingHouseholds()).isEqualTo(8);
        assertThat(outcome.votes().participatingArea()).isEqualByComparingTo("800.00");
        assertThat(criterion(outcome, CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_HOUSEHOLDS_OF_TOTAL)
                        .passed())
                .isTrue();
        assertThat(criterion(outcome, CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING)
                        .share())
                .isEqualTo(ratio("3/8"));
    }

    @Test
    void blankBallotsOnATieWouldHavePassedTheVoteButDoNot() {
        // 1 agree, 1 disagree, 4 blank of 6: counted as agreeing they would make 5/6.
        ConsentOutcome outcome = tally(IN_2020, "600.00", 6, tieWithFourBlanks());

        assertInsufficient(outcome);
        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-ON-A-TIE");
        assertThat(criterion(outcome, GUIDE_FIRST_CONSENT, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL)
                        .share())
                .isEqualTo(ratio("1/6"));
    }

    @Test
    void blankBallotsFollowingADisagreeingMajorityAreNotCountedAsAgreeing() {
        // 2 agree, 3 disagree, 4 blank of 9: with the blanks it would be 6/9 = 2/3.
        ConsentOutcome outcome = tally(IN_2020, "900.00", 9, votes("200.00", 2, "300.00", 3, "400.00", 4));

        assertInsufficient(outcome);
        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-FOLLOWS-DISAGREEING-MAJORITY");
        assertThat(outcome.blankBallots().countedAsAgreeing()).isFalse();
        assertThat(outcome.votes().agreeingHouseholds()).isEqualTo(2);
    }

    @Test
    void blankBallotsFollowTheMajorityOfHouseholdsNotOfArea() {
        // 3 small flats agree (150 m²), 2 large ones disagree (300 m²): the households' majority agrees.
        ConsentOutcome outcome = tally(IN_2020, "1000.00", 10, votes("150.00", 3, "300.00", 2, "550.00", 5));

        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-FOLLOWS-AGREEING-MAJORITY");
        assertThat(outcome.votes().agreeingHouseholds()).isEqualTo(8);
        assertThat(outcome.votes().agreeingArea()).isEqualByComparingTo("700.00");
        assertSufficient(outcome);
    }

    @Test
    void onlyBlankBallotsAreATieOfNoneToNoneAndNoneAgree() {
        ConsentOutcome outcome = tally(IN_2026, "300.00", 3, votes("0", 0, "0", 0, "300.00", 3));

        assertInsufficient(outcome);
        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-BLANK-ON-A-TIE");
        assertThat(outcome.blankBallots().countedAsAgreeing()).isFalse();
        assertThat(outcome.votes().agreeingHouseholds()).isZero();
        assertThat(outcome.votes().participatingHouseholds()).isEqualTo(3);
        assertThat(failed(outcome))
                .doesNotContain(
                        tuple(CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_AREA_OF_TOTAL),
                        tuple(CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_HOUSEHOLDS_OF_TOTAL));
    }

    @Test
    void voteWithoutBlankBallotsSaysSo() {
        ConsentOutcome outcome = tally(IN_2020, "100.02", 3, votes("66.68", 2, "33.34", 1, "0", 0));

        assertThat(outcome.blankBallots().ruleId()).isEqualTo("CONSENT-NO-BLANK-BALLOTS");
        assertThat(outcome.blankBallots().countedAsAgreeing()).isFalse();
    }

    // --- the statute in force on the vote date -------------------------------------------------

    @Test
    void voteOn31December2020IsJudgedByTheGuideAndPropertyLawArticle76() {
        ConsentOutcome outcome = tally(LocalDate.of(2020, 12, 31), "900.00", 9, unanimous());

        assertThat(bases(outcome)).containsOnly(LegalBasis.GUIDE, LegalBasis.PROPERTY_LAW_ART_76);
        assertThat(ruleIds(outcome)).containsOnly(GUIDE_FIRST_CONSENT, PROPERTY_LAW_76);
    }

    @Test
    void voteOn1January2021IsJudgedByTheGuideAndCivilCodeArticle278() {
        ConsentOutcome outcome = tally(LocalDate.of(2021, 1, 1), "900.00", 9, unanimous());

        assertThat(bases(outcome)).containsOnly(LegalBasis.GUIDE, LegalBasis.CIVIL_CODE_ART_278);
        assertThat(ruleIds(outcome)).containsOnly(GUIDE_FIRST_CONSENT, CIVIL_CODE_PARTICIPATION, CIVIL_CODE_APPROVAL);
        assertThat(outcome.criteria())
                .extracting(CriterionResult::measure)
                .containsExactlyInAnyOrder(
                        Measure.AGREEING_AREA_OF_TOTAL, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL,
                        Measure.PARTICIPATING_AREA_OF_TOTAL, Measure.PARTICIPATING_HOUSEHOLDS_OF_TOTAL,
                        Measure.AGREEING_AREA_OF_PARTICIPATING, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING);
    }

    @Test
    void voteBeforeTheGuideTookEffectIsJudgedByPropertyLawArticle76Only() {
        ConsentOutcome outcome = tally(LocalDate.of(2020, 8, 31), "900.00", 9, unanimous());

        assertSufficient(outcome);
        assertThat(bases(outcome)).containsOnly(LegalBasis.PROPERTY_LAW_ART_76);
    }

    @Test
    void voteOnTheDayTheGuideTookEffectIsJudgedByTheGuideToo() {
        ConsentOutcome outcome = tally(LocalDate.of(2020, 9, 1), "900.00", 9, unanimous());

        assertThat(bases(outcome)).containsOnly(LegalBasis.GUIDE, LegalBasis.PROPERTY_LAW_ART_76);
    }

    // --- Civil Code art. 278: participation 2/3, approval 3/4 of participants ------------------

    @Test
    void exactlyThreeQuartersOfParticipantsAgreeingPasses() {
        // 8 of 9 take part; 6 agree: 3/4 of participants, and exactly 2/3 of all (the guide).
        ConsentOutcome outcome = tally(IN_2026, "900.00", 9, votes("600.00", 6, "200.00", 2, "0", 0));

        assertSufficient(outcome);
        assertThat(criterion(outcome, CIVIL_CODE_APPROVAL, Measure.AGREEING_AREA_OF_PARTICIPATING)
                        .share())
                .isEqualTo(ratio("3/4"));
        assertThat(criterion(outcome, CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING)
                        .share())
                .isEqualTo(ratio("3/4"));
        assertThat(criterion(outcome, CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_HOUSEHOLDS_OF_TOTAL)
                        .share())
                .isEqualTo(ratio("8/9"));
    }

    @Test
    void agreeingAreaOneHundredthShortOfThreeQuartersOfParticipatingAreaFails() {
        // All 12 take part; 9 agree with 899.99 of 1200 m² (3/4 would be 900).
        ConsentOutcome outcome = tally(IN_2026, "1200.00", 12, votes("899.99", 9, "300.01", 3, "0", 0));

        assertInsufficient(outcome);
        assertThat(failed(outcome)).containsExactly(tuple(CIVIL_CODE_APPROVAL, Measure.AGREEING_AREA_OF_PARTICIPATING));
    }

    @Test
    void participationOneHouseholdShortOfTwoThirdsFails() {
        // 19 of 30 households take part (20 needed), all agreeing, with 2/3 of the area.
        ConsentOutcome outcome = tally(IN_2026, "3000.00", 30, votes("2000.00", 19, "0", 0, "0", 0));

        assertInsufficient(outcome);
        assertThat(failed(outcome))
                .containsExactlyInAnyOrder(
                        tuple(CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_HOUSEHOLDS_OF_TOTAL),
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_HOUSEHOLDS_OF_TOTAL));
        assertThat(criterion(outcome, CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_AREA_OF_TOTAL)
                        .passed())
                .isTrue();
    }

    @Test
    void participatingAreaOneHundredthShortOfTwoThirdsFails() {
        // 20 of 30 households take part, all agreeing, with 1999.99 of 3000 m².
        ConsentOutcome outcome = tally(IN_2026, "3000.00", 30, votes("1999.99", 20, "0", 0, "0", 0));

        assertInsufficient(outcome);
        assertThat(failed(outcome))
                .containsExactlyInAnyOrder(
                        tuple(CIVIL_CODE_PARTICIPATION, Measure.PARTICIPATING_AREA_OF_TOTAL),
                        tuple(GUIDE_FIRST_CONSENT, Measure.AGREEING_AREA_OF_TOTAL));
    }

    @Test
    void sixtySevenOfOneHundredIn2026PassesTheGuideButFailsCivilCodeApproval() {
        ConsentOutcome outcome = tally(IN_2026, "10000.00", 100, sixtySevenOfOneHundred());

        assertInsufficient(outcome);
        assertThat(failed(outcome))
                .containsExactlyInAnyOrder(
                        tuple(CIVIL_CODE_APPROVAL, Measure.AGREEING_AREA_OF_PARTICIPATING),
                        tuple(CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING));
        assertThat(outcome.criteria())
                .filteredOn(c -> c.basis() == LegalBasis.GUIDE)
                .hasSize(2)
                .allMatch(CriterionResult::passed);
        assertThat(criterion(outcome, CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING)
                        .share())
                .isEqualTo(ratio("67/100"));
    }

    @Test
    void sixtySevenOfOneHundredIn2020Passes() {
        ConsentOutcome outcome = tally(IN_2020, "10000.00", 100, sixtySevenOfOneHundred());

        assertSufficient(outcome);
        assertThat(bases(outcome)).containsOnly(LegalBasis.GUIDE, LegalBasis.PROPERTY_LAW_ART_76);
    }

    @Test
    void nobodyVotingFailsEveryCriterionIn2026() {
        ConsentOutcome outcome = tally(IN_2026, "900.00", 9, votes("0", 0, "0", 0, "0", 0));

        assertInsufficient(outcome);
        assertThat(outcome.criteria()).hasSize(6).noneMatch(CriterionResult::passed);
        // 0 of 0 participants is no share at all, never "100%".
        assertThat(criterion(outcome, CIVIL_CODE_APPROVAL, Measure.AGREEING_HOUSEHOLDS_OF_PARTICIPATING)
                        .share()
                        .isDefined())
                .isFalse();
    }

    // --- an editor's change to the decision table ----------------------------------------------

    @Test
    void settingTheTieParameterToTrueCountsBlankBallotsOnATieAsAgreeing(@TempDir Path root) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCell(
                root.resolve(CONSENT_TABLE),
                "空白票",
                "CONSENT-PARAM-BLANK-TIE",
                "持平时空白票计为同意（true/false）",
                cell -> cell.setCellValue("true"));
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
                    root.resolve(CONSENT_TABLE),
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

    // --- one decision, whatever the votes ------------------------------------------------------

    static Stream<Arguments> situations() {
        List<Arguments> all = new ArrayList<>();
        for (LocalDate date : List.of(
                LocalDate.of(2020, 8, 31), IN_2020, LocalDate.of(2020, 12, 31), LocalDate.of(2021, 1, 1), IN_2026)) {
            for (VoteRound round : VoteRound.values()) {
                for (Votes v : List.of(
                        votes("0", 0, "0", 0, "0", 0),
                        unanimous(),
                        votes("66.68", 2, "33.34", 1, "0", 0),
                        tieWithFourBlanks(),
                        votes("0", 0, "0", 0, "300.00", 3),
                        sixtySevenOfOneHundred(),
                        votes("200.00", 2, "300.00", 3, "400.00", 4))) {
                    all.add(Arguments.of(date, round, v));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("situations")
    void everyEvaluationConcludesExactlyOneDecision(LocalDate date, VoteRound round, Votes votes) {
        ConsentTally tally = tallyOf(date, "10000.00", 100, votes);
        tally.setRound(round);

        List<ConsentDecision> decisions =
                ruleset.evaluate(ConsentService.CAPABILITY, List.of(tally)).all(ConsentDecision.class);

        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).ruleId()).isIn(SUFFICIENT, INSUFFICIENT);
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

    private static Votes unanimous() {
        return votes("900.00", 9, "0", 0, "0", 0);
    }

    private static Votes tieWithFourBlanks() {
        return votes("100.00", 1, "100.00", 1, "400.00", 4);
    }

    private static Votes sixtySevenOfOneHundred() {
        return votes("6700.00", 67, "3300.00", 33, "0", 0);
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

    private static CompiledRuleset compile(Path rules, Path decisionTables) {
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

    private static List<String> ruleIds(ConsentOutcome outcome) {
        return outcome.criteria().stream().map(CriterionResult::ruleId).toList();
    }

    private static List<LegalBasis> bases(ConsentOutcome outcome) {
        return outcome.criteria().stream().map(CriterionResult::basis).toList();
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
