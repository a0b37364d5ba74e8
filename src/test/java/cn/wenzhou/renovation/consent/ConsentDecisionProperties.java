package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §3.1 / §3.4, annexes 1 and 2 and the statute in force: what holds whatever the consent tables
 * say. The tables' values (2/3, 3/4, the dates the statutes apply, how blank ballots go) and the answers
 * around them are pinned once, in the golden cases ({@code decision-tables/consent/consent.cases.xlsx}) and, criterion by criterion, {@code scenarios/wenzhou/consent/guide-3-1-double-two-thirds.scesim}
 * (and the statutory floors in {@link StatutoryConsentGuardTest}).
 */
class ConsentDecisionProperties {

    private static CompiledRuleset ruleset;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = ConsentRulesTest.compile(Path.of("rules"), Path.of("decision-tables"));
    }

    @Property(tries = 300)
    void concludesExactlyOneDecisionOneBlankBallotTreatmentAndOneCount(@ForAll("tallies") ConsentTally tally) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(ConsentService.CAPABILITY, List.of(tally));

        assertThat(evaluation.all(ConsentDecision.class)).as(describe(tally)).hasSize(1);
        assertThat(evaluation.all(BlankBallotTreatment.class))
                .as(describe(tally))
                .hasSize(1);
        assertThat(evaluation.all(CountedVotes.class)).as(describe(tally)).hasSize(1);
    }

    @Property(tries = 300)
    void isSufficientExactlyWhenEveryRequirementInForcePassed(@ForAll("tallies") ConsentTally tally) {
        ConsentOutcome outcome = ConsentService.tally(ruleset, tally);

        assertThat(outcome.criteria()).as(describe(tally)).isNotEmpty();
        assertThat(outcome.decision().sufficient())
                .as(describe(tally))
                .isEqualTo(outcome.failedCriteria().isEmpty());
    }

    /** 以上 includes the number: passed exactly when the exact share is at least the minimum; 0 of 0 never passes. */
    @Property(tries = 300)
    void aRequirementPassesExactlyWhenItsExactShareReachesItsMinimum(@ForAll("tallies") ConsentTally tally) {
        for (CriterionResult c : ConsentService.tally(ruleset, tally).criteria()) {
            assertThat(c.share()).as(c.toString()).isEqualTo(ExactRatio.of(c.part(), c.whole()));
            assertThat(c.passed()).as(c.toString()).isEqualTo(c.share().isAtLeast(c.minimum()));
            if (c.whole().signum() == 0) {
                assertThat(c.passed()).as(c.toString()).isFalse();
            }
        }
    }

    @Property(tries = 300)
    void citesAClauseForEveryRuleBehindTheAnswer(@ForAll("tallies") ConsentTally tally) {
        ConsentOutcome outcome = ConsentService.tally(ruleset, tally);

        Stream.concat(
                        Stream.of(
                                outcome.decision().ruleId(),
                                outcome.blankBallots().ruleId()),
                        outcome.criteria().stream().map(CriterionResult::ruleId))
                .forEach(ConsentDecisionProperties::assertCitesClause);
    }

    /** The blank ballots are counted as their treatment says, and every signed ballot takes part. */
    @Property(tries = 300)
    void countsTheVotesAsTheBlankBallotTreatmentSays(@ForAll("tallies") ConsentTally tally) {
        ConsentOutcome outcome = ConsentService.tally(ruleset, tally);
        boolean blanksAgree = outcome.blankBallots().countedAsAgreeing();
        CountedVotes votes = outcome.votes();

        assertThat(votes.agreeingHouseholds())
                .isEqualTo(tally.getAgreeingHouseholds() + (blanksAgree ? tally.getBlankHouseholds() : 0));
        assertThat(votes.agreeingArea())
                .isEqualByComparingTo(
                        blanksAgree ? tally.getAgreeingArea().add(tally.getBlankArea()) : tally.getAgreeingArea());
        assertThat(votes.participatingHouseholds())
                .isEqualTo(
                        tally.getAgreeingHouseholds() + tally.getDisagreeingHouseholds() + tally.getBlankHouseholds());
        if (tally.getBlankHouseholds() == 0) {
            assertThat(blanksAgree).isFalse();
        }
    }

    /** A tie's reason names the parameter it applied and says what it did with the blanks. */
    @Property(tries = 300)
    void aTieSaysWhichParameterItAppliedAndWhatItDid(@ForAll("tallies") ConsentTally tally) {
        BlankBallotTreatment blanks = ConsentService.tally(ruleset, tally).blankBallots();

        if (blanks.ruleId().equals("CONSENT-BLANK-ON-A-TIE")) {
            assertThat(blanks.interpretation()).contains("CONSENT-PARAM-BLANK-TIE");
            assertThat(blanks.message().endsWith("不计为同意")).isEqualTo(!blanks.countedAsAgreeing());
        }
    }

    /** Which requirements apply depends on the vote's date and round only, never on how it went. */
    @Property(tries = 300)
    void theRequirementsInForceDependOnTheDateAndRoundOnly(
            @ForAll("tallies") ConsentTally tally, @ForAll("tallies") ConsentTally other) {
        other.setVoteDate(tally.getVoteDate());
        other.setRound(tally.getRound());

        assertThat(requirements(ConsentService.tally(ruleset, other)))
                .as(describe(tally) + " vs " + describe(other))
                .isEqualTo(requirements(ConsentService.tally(ruleset, tally)));
    }

    /** A larger share agreeing never turns a sufficient consent into an insufficient one. */
    @Property(tries = 300)
    void oneMoreHouseholdAgreeingNeverWithdrawsConsent(@ForAll("tallies") ConsentTally tally) {
        if (!ConsentService.tally(ruleset, tally).decision().sufficient()) {
            return;
        }
        int absent = tally.getTotalHouseholds()
                - tally.getAgreeingHouseholds()
                - tally.getDisagreeingHouseholds()
                - tally.getBlankHouseholds();
        if (tally.getDisagreeingHouseholds() > 0) {
            ConsentTally convinced = copy(tally);
            BigDecimal area = perHousehold(tally.getDisagreeingArea(), tally.getDisagreeingHouseholds());
            convinced.setDisagreeingHouseholds(tally.getDisagreeingHouseholds() - 1);
            convinced.setDisagreeingArea(tally.getDisagreeingArea().subtract(area));
            convinced.setAgreeingHouseholds(tally.getAgreeingHouseholds() + 1);
            convinced.setAgreeingArea(tally.getAgreeingArea().add(area));
            assertThat(ConsentService.tally(ruleset, convinced).decision().sufficient())
                    .as(describe(convinced))
                    .isTrue();
        }
        if (absent > 0) {
            BigDecimal rest = tally.getTotalArea()
                    .subtract(tally.getAgreeingArea())
                    .subtract(tally.getDisagreeingArea())
                    .subtract(tally.getBlankArea());
            ConsentTally turnedOut = copy(tally);
            turnedOut.setAgreeingHouseholds(tally.getAgreeingHouseholds() + 1);
            turnedOut.setAgreeingArea(tally.getAgreeingArea().add(perHousehold(rest, absent)));
            assertThat(ConsentService.tally(ruleset, turnedOut).decision().sufficient())
                    .as(describe(turnedOut))
                    .isTrue();
        }
    }

    // --- generated votes -----------------------------------------------------------------------

    /** Households with one area each per kind of ballot; dates around the statutes' changes and anywhere. */
    @Provide
    Arbitrary<ConsentTally> tallies() {
        Arbitrary<LocalDate> dates = Arbitraries.oneOf(
                Arbitraries.of(
                        LocalDate.of(2020, 8, 31),
                        LocalDate.of(2020, 9, 1),
                        LocalDate.of(2020, 12, 31),
                        LocalDate.of(2021, 1, 1)),
                Arbitraries.integers()
                        .between(0, 365 * 12)
                        .map(d -> LocalDate.of(2019, 1, 1).plusDays(d)));
        Arbitrary<List<Integer>> households = Arbitraries.integers()
                .between(0, 40)
                .list()
                .ofSize(4)
                .filter(h -> h.stream().mapToInt(i -> i).sum() > 0);
        Arbitrary<List<BigDecimal>> areas = Arbitraries.longs()
                .between(2_000, 20_000)
                .map(fen -> BigDecimal.valueOf(fen, 2))
                .list()
                .ofSize(4);
        return Combinators.combine(dates, Arbitraries.of(VoteRound.class), households, areas)
                .as((date, round, h, a) -> {
                    ConsentTally t = new ConsentTally();
                    t.setVoteDate(date);
                    t.setRound(round);
                    t.setAgreeingHouseholds(h.get(0));
                    t.setDisagreeingHouseholds(h.get(1));
                    t.setBlankHouseholds(h.get(2));
                    t.setTotalHouseholds(h.get(0) + h.get(1) + h.get(2) + h.get(3));
                    t.setAgreeingArea(a.get(0).multiply(BigDecimal.valueOf(h.get(0))));
                    t.setDisagreeingArea(a.get(1).multiply(BigDecimal.valueOf(h.get(1))));
                    t.setBlankArea(a.get(2).multiply(BigDecimal.valueOf(h.get(2))));
                    t.setTotalArea(t.getAgreeingArea()
                            .add(t.getDisagreeingArea())
                            .add(t.getBlankArea())
                            .add(a.get(3).multiply(BigDecimal.valueOf(h.get(3)))));
                    return t;
                });
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Set<String> requirements(ConsentOutcome outcome) {
        return outcome.criteria().stream()
                .map(c -> c.ruleId() + " " + c.measure() + " " + c.minimum())
                .collect(Collectors.toSet());
    }

    /** Each generated household of a kind has the same area. */
    private static BigDecimal perHousehold(BigDecimal area, int households) {
        return area.divide(BigDecimal.valueOf(households));
    }

    private static ConsentTally copy(ConsentTally t) {
        ConsentTally c = new ConsentTally();
        c.setVoteDate(t.getVoteDate());
        c.setRound(t.getRound());
        c.setTotalArea(t.getTotalArea());
        c.setTotalHouseholds(t.getTotalHouseholds());
        c.setAgreeingArea(t.getAgreeingArea());
        c.setAgreeingHouseholds(t.getAgreeingHouseholds());
        c.setDisagreeingArea(t.getDisagreeingArea());
        c.setDisagreeingHouseholds(t.getDisagreeingHouseholds());
        c.setBlankArea(t.getBlankArea());
        c.setBlankHouseholds(t.getBlankHouseholds());
        return c;
    }

    private static String describe(ConsentTally t) {
        return t.getVoteDate() + " " + t.getRound() + " of " + t.getTotalHouseholds() + "/" + t.getTotalArea()
                + ": agree " + t.getAgreeingHouseholds() + "/" + t.getAgreeingArea() + ", disagree "
                + t.getDisagreeingHouseholds() + "/" + t.getDisagreeingArea() + ", blank " + t.getBlankHouseholds()
                + "/" + t.getBlankArea();
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
