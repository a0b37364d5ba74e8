package cn.wenzhou.renovation.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §1 (改造范围): what holds whatever the parameter rows say. The rows' values (the cut-off year, the
 * expropriation window, how many deficiencies) and the answers around them are pinned once, in
 * the golden cases ({@code decision-tables/eligibility/eligibility.cases.xlsx}); the generated communities here sit around the values
 * read from the compiled ruleset.
 */
class EligibilityProperties {

    /** The rules that hold a community built after the cut-off to the post-cut-off conditions. */
    private static final Set<String> POST_CUTOFF_RULES =
            Set.of("ELIG-INCLUDE-BUILT-AFTER-CUTOFF", "ELIG-UNMET-DEFICIENCIES", "ELIG-UNMET-WILLINGNESS");

    private static CompiledRuleset ruleset;
    private static int cutoff;
    private static int window;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = EligibilityRulesTest.compileRepositoryRuleset();
        cutoff = EligibilityRulesTest.parameter(ruleset, PriorityCutoff.class).lastCompletionYear();
        window = EligibilityRulesTest.parameter(ruleset, ExpropriationWindow.class)
                .years();
    }

    @Property(tries = 300)
    void reachesExactlyOneDecision(@ForAll("situations") Situation s) {
        List<EligibilityDecision> decisions = ruleset.evaluate(EligibilityService.CAPABILITY, List.of(s.community()))
                .all(EligibilityDecision.class);

        assertThat(decisions).as(s.toString()).hasSize(1);
    }

    @Property(tries = 300)
    void namesWhyNotExactlyWhenItRefuses(@ForAll("situations") Situation s) {
        EligibilityOutcome outcome = decide(s);

        assertThat(outcome.failedConditions().isEmpty())
                .as(s + " → " + outcome.decision())
                .isEqualTo(outcome.isPositive());
    }

    @Property(tries = 300)
    void isOutOfScopeExactlyWhenAFindingSaysSo(@ForAll("situations") Situation s) {
        EligibilityOutcome outcome = decide(s);

        assertThat(outcome.decision().eligibility() == Eligibility.OUT_OF_SCOPE)
                .as(s.toString())
                .isEqualTo(outcome.findings().stream().anyMatch(f -> f.effect() == FindingEffect.OUTSIDE_SCOPE));
    }

    @Property(tries = 300)
    void citesAClauseForEveryRuleBehindTheAnswer(@ForAll("situations") Situation s) {
        EligibilityOutcome outcome = decide(s);

        assertCitesClause(outcome.decision().ruleId());
        outcome.findings().forEach(f -> assertCitesClause(f.ruleId()));
    }

    @Property(tries = 300)
    void holdsACommunityToThePreOrThePostCutoffConditionsNeverBoth(@ForAll("situations") Situation s) {
        List<String> ruleIds =
                decide(s).findings().stream().map(Finding::ruleId).toList();

        if (ruleIds.contains("ELIG-PRIORITY-BUILT-BEFORE-CUTOFF")) {
            assertThat(ruleIds).as(s.toString()).doesNotContainAnyElementsOf(POST_CUTOFF_RULES);
        }
    }

    @Property(tries = 300)
    void anEarlierCompletionYearIsNeverLessEligible(
            @ForAll("situations") Situation s, @ForAll @IntRange(min = 1, max = 30) int yearsEarlier) {
        Situation earlier = s.withCompletionYear(s.completionYear() - yearsEarlier);

        assertThat(rank(decide(earlier))).as(earlier + " vs " + s).isGreaterThanOrEqualTo(rank(decide(s)));
    }

    @Property(tries = 300)
    void aLaterOrNoPlannedExpropriationIsNeverLessEligible(
            @ForAll("situations") Situation s, @ForAll @IntRange(min = 1, max = 10) int yearsLater) {
        int rank = rank(decide(s));
        if (s.plannedExpropriationYear() != null) {
            Situation later = s.withPlannedExpropriationYear(s.plannedExpropriationYear() + yearsLater);
            assertThat(rank(decide(later))).as(later + " vs " + s).isGreaterThanOrEqualTo(rank);
        }
        assertThat(rank(decide(s.withPlannedExpropriationYear(null))))
                .as(s.toString())
                .isGreaterThanOrEqualTo(rank);
    }

    @Property(tries = 300)
    void anotherDeficiencyStrongWillingnessOrLeavingTheShantyPlanIsNeverLessEligible(
            @ForAll("situations") Situation s) {
        int rank = rank(decide(s));

        for (Situation better : List.of(
                s.withDeficiencies(true, s.facilities(), s.propertyManagement()),
                s.withDeficiencies(s.functions(), true, s.propertyManagement()),
                s.withDeficiencies(s.functions(), s.facilities(), true),
                s.withWillingness(true),
                s.withShantyPlan(false))) {
            assertThat(rank(decide(better))).as(better + " vs " + s).isGreaterThanOrEqualTo(rank);
        }
    }

    /** The guide counts the deficiencies: which of the three a community has does not matter. */
    @Property(tries = 300)
    void dependsOnHowManyDeficienciesNotWhich(@ForAll("situations") Situation s) {
        EligibilityOutcome outcome = decide(s);

        for (Situation rotated : List.of(
                s.withDeficiencies(s.facilities(), s.propertyManagement(), s.functions()),
                s.withDeficiencies(s.propertyManagement(), s.functions(), s.facilities()),
                s.withDeficiencies(s.facilities(), s.functions(), s.propertyManagement()))) {
            EligibilityOutcome other = decide(rotated);
            assertThat(other.decision().ruleId())
                    .as(rotated + " vs " + s)
                    .isEqualTo(outcome.decision().ruleId());
            assertThat(ruleIds(other.failedConditions())).isEqualTo(ruleIds(outcome.failedConditions()));
        }
    }

    /** Years until expropriation count from the evaluation date's year, not from today. */
    @Property(tries = 300)
    void onlyTheYearsBetweenEvaluationAndPlannedExpropriationCount(
            @ForAll("situations") Situation s, @ForAll @IntRange(min = -5, max = 20) int shift) {
        Situation shifted = s.withEvaluationDate(s.evaluationDate().plusYears(shift))
                .withPlannedExpropriationYear(
                        s.plannedExpropriationYear() == null ? null : s.plannedExpropriationYear() + shift);

        EligibilityOutcome outcome = decide(s);
        EligibilityOutcome other = decide(shifted);

        assertThat(other.decision().ruleId())
                .as(shifted + " vs " + s)
                .isEqualTo(outcome.decision().ruleId());
        assertThat(ruleIds(other.findings())).isEqualTo(ruleIds(outcome.findings()));
    }

    // --- generated communities ---------------------------------------------------------------

    /** What a request says about a community; the years sit around the cut-off and the window read from the ruleset. */
    record Situation(
            int completionYear,
            HousingKind kind,
            boolean shantyPlan,
            Integer plannedExpropriationYear,
            boolean functions,
            boolean facilities,
            boolean propertyManagement,
            boolean willingness,
            LocalDate evaluationDate) {

        Community community() {
            Community c = new Community();
            c.setCompletionYear(completionYear);
            c.setHousingKind(kind);
            c.setListedInShantyRenovationPlan(shantyPlan);
            c.setPlannedExpropriationYear(plannedExpropriationYear);
            c.setFunctionsIncomplete(functions);
            c.setFacilitiesIncomplete(facilities);
            c.setPropertyManagementInadequate(propertyManagement);
            c.setStrongRenovationWillingness(willingness);
            c.setEvaluationDate(evaluationDate);
            return c;
        }

        Situation withCompletionYear(int year) {
            return new Situation(
                    year,
                    kind,
                    shantyPlan,
                    plannedExpropriationYear,
                    functions,
                    facilities,
                    propertyManagement,
                    willingness,
                    evaluationDate);
        }

        Situation withPlannedExpropriationYear(Integer year) {
            return new Situation(
                    completionYear,
                    kind,
                    shantyPlan,
                    year,
                    functions,
                    facilities,
                    propertyManagement,
                    willingness,
                    evaluationDate);
        }

        Situation withDeficiencies(boolean functions, boolean facilities, boolean propertyManagement) {
            return new Situation(
                    completionYear,
                    kind,
                    shantyPlan,
                    plannedExpropriationYear,
                    functions,
                    facilities,
                    propertyManagement,
                    willingness,
                    evaluationDate);
        }

        Situation withWillingness(boolean willing) {
            return new Situation(
                    completionYear,
                    kind,
                    shantyPlan,
                    plannedExpropriationYear,
                    functions,
                    facilities,
                    propertyManagement,
                    willing,
                    evaluationDate);
        }

        Situation withShantyPlan(boolean listed) {
            return new Situation(
                    completionYear,
                    kind,
                    listed,
                    plannedExpropriationYear,
                    functions,
                    facilities,
                    propertyManagement,
                    willingness,
                    evaluationDate);
        }

        Situation withEvaluationDate(LocalDate date) {
            return new Situation(
                    completionYear,
                    kind,
                    shantyPlan,
                    plannedExpropriationYear,
                    functions,
                    facilities,
                    propertyManagement,
                    willingness,
                    date);
        }
    }

    @Provide
    Arbitrary<Situation> situations() {
        Arbitrary<LocalDate> evaluationDates = Arbitraries.integers()
                .between(0, 365 * 12)
                .map(days -> LocalDate.of(2020, 9, 1).plusDays(days))
                .edgeCases(e -> e.add(LocalDate.of(2029, 12, 31), LocalDate.of(2030, 1, 1)));
        Arbitrary<Integer> completionYears = Arbitraries.oneOf(
                Arbitraries.integers().between(cutoff - 2, cutoff + 2),
                Arbitraries.integers().between(1950, 2025));
        Arbitrary<Integer> yearsUntilExpropriation = Arbitraries.oneOf(
                        Arbitraries.integers().between(window - 1, window + 1),
                        Arbitraries.integers().between(-2, 15))
                .injectNull(0.3);
        return Combinators.combine(
                        completionYears,
                        Arbitraries.of(HousingKind.class),
                        Arbitraries.of(true, false),
                        yearsUntilExpropriation,
                        Arbitraries.of(true, false).list().ofSize(3),
                        Arbitraries.of(true, false),
                        evaluationDates)
                .as((year, kind, shanty, until, deficiencies, willing, evaluated) -> new Situation(
                        year,
                        kind,
                        shanty,
                        until == null ? null : evaluated.getYear() + until,
                        deficiencies.get(0),
                        deficiencies.get(1),
                        deficiencies.get(2),
                        willing,
                        evaluated));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static EligibilityOutcome decide(Situation s) {
        return EligibilityService.decide(ruleset, s.community());
    }

    /** Out of scope and not eligible alike below may be included, below priority renovation. */
    private static int rank(EligibilityOutcome outcome) {
        return switch (outcome.decision().eligibility()) {
            case OUT_OF_SCOPE, NOT_ELIGIBLE -> 0;
            case MAY_BE_INCLUDED -> 1;
            case PRIORITY_RENOVATION -> 2;
        };
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).sorted().toList();
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
