package cn.wenzhou.renovation.funding;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §3.6's funds gate: what holds whatever the decision table's minimum arrival rate is. The
 * table's own values (90%, and the amounts around it) are pinned once, in
 * the golden cases ({@code decision-tables/funding/funding.cases.xlsx}).
 */
class FundingProperties {

    private static final Pattern SHOWN_RATE = Pattern.compile("到位率 [0-9/]+（([0-9.]+)%）");

    private static CompiledRuleset ruleset;
    private static ExactRatio minimum;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = FundingRulesTest.compile(Path.of("rules"), Path.of("decision-tables"));
        minimum = ruleset.parameters(FundingService.CAPABILITY).stream()
                .filter(MinimumArrivalRate.class::isInstance)
                .map(p -> ((MinimumArrivalRate) p).minimum())
                .findFirst()
                .orElseThrow();
    }

    @Property(tries = 300)
    void reachesExactlyOneDecision(@ForAll("funds") FundsStatus funds) {
        List<FundsDecision> decisions =
                ruleset.evaluate(FundingService.CAPABILITY, List.of(funds)).all(FundsDecision.class);

        assertThat(decisions).hasSize(1);
    }

    @Property(tries = 300)
    void isReadyExactlyWhenNoConditionFailed(@ForAll("funds") FundsStatus funds) {
        FundsOutcome outcome = FundingService.assess(ruleset, funds);

        assertThat(outcome.decision().ready())
                .isEqualTo(outcome.failedConditions().isEmpty());
        assertThat(outcome.findings())
                .extracting(FundsFinding::effect)
                .allMatch(e -> e == FindingEffect.CONDITION_MET || e == FindingEffect.CONDITION_FAILED);
    }

    @Property(tries = 300)
    void citesAClauseForEveryRuleBehindTheAnswer(@ForAll("funds") FundsStatus funds) {
        FundsOutcome outcome = FundingService.assess(ruleset, funds);

        assertCitesClause(outcome.decision().ruleId());
        outcome.findings().forEach(f -> assertCitesClause(f.ruleId()));
    }

    @Property(tries = 300)
    void judgesTheRateOnceAndTheRemainderOnce(@ForAll("funds") FundsStatus funds) {
        List<String> ruleIds = ruleIds(FundingService.assess(ruleset, funds));

        assertThat(ruleIds)
                .filteredOn(id -> id.startsWith("FUNDS-ARRIVAL-RATE-"))
                .hasSize(1);
        assertThat(ruleIds)
                .filteredOn(id -> id.startsWith("FUNDS-REMAINDER-") || id.equals("FUNDS-NOTHING-REMAINS"))
                .containsExactly(
                        funds.isFullyInPlace()
                                ? "FUNDS-NOTHING-REMAINS"
                                : funds.isRemainderCommitted()
                                        ? "FUNDS-REMAINDER-COMMITTED"
                                        : "FUNDS-REMAINDER-NOT-COMMITTED");
    }

    /** Exact comparison: reached exactly when amount × denominator ≥ numerator × target, whatever the minimum. */
    @Property(tries = 300)
    void theRateIsReachedExactlyWhenTheAmountIsAtLeastTheMinimumShareOfTheTarget(@ForAll("funds") FundsStatus funds) {
        String[] fraction = minimum.fraction().split("/");
        boolean reached = funds.getAmountInPlace()
                        .multiply(new BigDecimal(fraction[1]))
                        .compareTo(funds.getTargetAmount().multiply(new BigDecimal(fraction[0])))
                >= 0;

        assertThat(ruleIds(FundingService.assess(ruleset, funds)))
                .contains(reached ? "FUNDS-ARRIVAL-RATE-REACHED" : "FUNDS-ARRIVAL-RATE-SHORT");
    }

    @Property(tries = 300)
    void moreMoneyInPlaceNeverWithdrawsReadiness(
            @ForAll("funds") FundsStatus funds, @ForAll @LongRange(min = 1, max = 100_000_000) long moreFen) {
        FundsStatus more = new FundsStatus(
                funds.getTargetAmount(),
                funds.getAmountInPlace().add(BigDecimal.valueOf(moreFen, 2)),
                funds.isRemainderCommitted());

        if (FundingService.assess(ruleset, funds).decision().ready()) {
            assertThat(FundingService.assess(ruleset, more).decision().ready()).isTrue();
        }
    }

    @Property(tries = 300)
    void aCommitmentNeverWithdrawsReadiness(@ForAll("funds") FundsStatus funds) {
        FundsStatus uncommitted = new FundsStatus(funds.getTargetAmount(), funds.getAmountInPlace(), false);
        FundsStatus committed = new FundsStatus(funds.getTargetAmount(), funds.getAmountInPlace(), true);

        if (FundingService.assess(ruleset, uncommitted).decision().ready()) {
            assertThat(FundingService.assess(ruleset, committed).decision().ready())
                    .isTrue();
        }
    }

    /** 899,999.99 of 1,000,000.00 must never read "90.00%" next to "not reached 90%". */
    @Property(tries = 300)
    void aShortfallShowsTheAmountsAndARateCutNeverRoundedUp(@ForAll("funds") FundsStatus funds) {
        FundsOutcome outcome = FundingService.assess(ruleset, funds);

        outcome.failedConditions().stream()
                .filter(f -> f.ruleId().equals("FUNDS-ARRIVAL-RATE-SHORT"))
                .forEach(f -> {
                    Matcher shown = SHOWN_RATE.matcher(f.message());
                    assertThat(shown.find()).as(f.message()).isTrue();
                    BigDecimal percent = new BigDecimal(shown.group(1));
                    assertThat(percent.multiply(funds.getTargetAmount()))
                            .as(f.message())
                            .isLessThanOrEqualTo(funds.getAmountInPlace().multiply(BigDecimal.valueOf(100)));
                    assertThat(f.message())
                            .contains(
                                    "已到位 " + funds.getAmountInPlace().toPlainString() + " 元",
                                    "应筹 " + funds.getTargetAmount().toPlainString() + " 元",
                                    "最低到位率 " + minimum.fraction() + "（" + minimum.percent(2) + "%）");
                });
    }

    @Property(tries = 300)
    void anUncommittedRemainderIsNamedInYuan(@ForAll("funds") FundsStatus funds) {
        FundsOutcome outcome = FundingService.assess(ruleset, funds);

        outcome.failedConditions().stream()
                .filter(f -> f.ruleId().equals("FUNDS-REMAINDER-NOT-COMMITTED"))
                .forEach(f -> assertThat(f.message())
                        .contains(funds.getTargetAmount()
                                        .subtract(funds.getAmountInPlace())
                                        .toPlainString()
                                + " 元"));
    }

    // --- generated projects --------------------------------------------------------------------

    /** Targets up to 100 million yuan; amounts anywhere, and often a fen either side of the minimum. */
    @Provide
    Arbitrary<FundsStatus> funds() {
        Arbitrary<BigDecimal> targets = Arbitraries.longs()
                .between(1, 10_000_000_000L)
                .edgeCases(e -> e.add(100_000_000L, 33_333_333L))
                .map(fen -> BigDecimal.valueOf(fen, 2));
        return Combinators.combine(targets, Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .flatAs((target, where, committed) ->
                        amountNear(target, where).map(amount -> new FundsStatus(target, amount, committed)));
    }

    private static Arbitrary<BigDecimal> amountNear(BigDecimal target, int where) {
        BigDecimal fen = new BigDecimal("0.01");
        BigDecimal below = minimum.largestBelow(target, 2);
        return switch (where) {
            case 0 -> Arbitraries.just(below);
            case 1 -> Arbitraries.just(below.add(fen));
            case 2 -> Arbitraries.just(target);
            case 3 -> Arbitraries.just(target.subtract(fen).max(BigDecimal.ZERO.setScale(2)));
            default ->
                Arbitraries.longs()
                        .between(0, target.movePointRight(2).longValueExact() * 2)
                        .map(f -> BigDecimal.valueOf(f, 2));
        };
    }

    private static List<String> ruleIds(FundsOutcome outcome) {
        return outcome.findings().stream().map(FundsFinding::ruleId).toList();
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
