package cn.wenzhou.renovation.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Guide §1 (改造范围) as the real rules and decision table answer it. */
class EligibilityRulesTest {

    private static final LocalDate EVALUATION_DATE = LocalDate.of(2024, 6, 1);
    private static final int EVALUATION_YEAR = EVALUATION_DATE.getYear();

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        // Plain relative paths: Maven runs tests with the project directory as working directory.
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load("rules", "rules"));
        files.addAll(loader.load("decision-tables", "decision-tables"));
        ruleset = new RulesetCompiler().compile("wenzhou", files);
    }

    // --- completion year around the cut-off --------------------------------------------------

    @Test
    void prioritisesCommunityBuiltIn1999() {
        EligibilityOutcome outcome = decide(c -> c.setCompletionYear(1999));

        assertPriority(outcome);
    }

    @Test
    void prioritisesCommunityBuiltIn2000() {
        EligibilityOutcome outcome = decide(c -> c.setCompletionYear(2000));

        assertPriority(outcome);
    }

    @Test
    void doesNotPrioritiseCommunityBuiltIn2001() {
        EligibilityOutcome outcome = decide(c -> c.setCompletionYear(2001));

        // Held to the post-2000 conditions instead, which a plain community does not meet.
        assertRefusedFor(outcome, "ELIG-UNMET-DEFICIENCIES", "ELIG-UNMET-WILLINGNESS");
        assertThat(ruleIds(outcome.findings())).doesNotContain("ELIG-PRIORITY-BUILT-BEFORE-CUTOFF");
    }

    @Test
    void includesCommunityBuiltIn2001WithAllThreeDeficienciesAndStrongWillingness() {
        EligibilityOutcome outcome = decide(c -> {
            c.setCompletionYear(2001);
            withAllDeficiencies(c);
            c.setStrongRenovationWillingness(true);
        });

        assertThat(outcome.decision().eligibility()).isEqualTo(Eligibility.MAY_BE_INCLUDED);
        assertThat(outcome.decision().ruleId()).isEqualTo("ELIG-DECIDE-MAY-INCLUDE");
        assertThat(ruleIds(outcome.findings()))
                .contains("ELIG-INCLUDE-BUILT-AFTER-CUTOFF")
                .doesNotContain("ELIG-PRIORITY-BUILT-BEFORE-CUTOFF");
        assertThat(outcome.failedConditions()).isEmpty();
    }

    // --- planned expropriation, counted from the evaluation year -----------------------------

    @Test
    void refusesCommunityWithExpropriationPlannedInFourYears() {
        EligibilityOutcome outcome = decide(c -> c.setPlannedExpropriationYear(EVALUATION_YEAR + 4));

        assertRefusedFor(outcome, "ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW");
    }

    @Test
    void refusesCommunityWithExpropriationPlannedInFiveYears() {
        EligibilityOutcome outcome = decide(c -> c.setPlannedExpropriationYear(EVALUATION_YEAR + 5));

        assertRefusedFor(outcome, "ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW");
    }

    @Test
    void prioritisesCommunityWithExpropriationPlannedInSixYears() {
        EligibilityOutcome outcome = decide(c -> c.setPlannedExpropriationYear(EVALUATION_YEAR + 6));

        assertPriority(outcome);
        assertThat(ruleIds(outcome.findings())).contains("ELIG-NO-EXPROPRIATION-WITHIN-WINDOW");
    }

    @Test
    void countsExpropriationYearsFromTheEvaluationDateNotFromToday() {
        // Same planned year, two evaluation dates: 5 years ahead refuses, 6 years ahead does not.
        EligibilityOutcome within = decide(c -> {
            c.setEvaluationDate(LocalDate.of(2030, 1, 1));
            c.setPlannedExpropriationYear(2035);
        });
        EligibilityOutcome beyond = decide(c -> {
            c.setEvaluationDate(LocalDate.of(2029, 12, 31));
            c.setPlannedExpropriationYear(2035);
        });

        assertRefusedFor(within, "ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW");
        assertPriority(beyond);
    }

    @Test
    void prioritisesCommunityWithNoExpropriationPlanned() {
        EligibilityOutcome outcome = decide(c -> c.setPlannedExpropriationYear(null));

        assertPriority(outcome);
        assertThat(ruleIds(outcome.findings()))
                .contains("ELIG-NO-EXPROPRIATION-WITHIN-WINDOW", "ELIG-NOT-IN-SHANTY-PLAN");
    }

    // --- shanty renovation plan -------------------------------------------------------------

    @Test
    void refusesCommunityListedInShantyRenovationPlan() {
        EligibilityOutcome outcome = decide(c -> c.setListedInShantyRenovationPlan(true));

        assertRefusedFor(outcome, "ELIG-EXCL-IN-SHANTY-PLAN");
    }

    @Test
    void refusesCommunityInShantyPlanEvenWithoutExpropriationPlanned() {
        // The guide's "或" joins two exclusions: either one alone refuses.
        EligibilityOutcome outcome = decide(c -> {
            c.setListedInShantyRenovationPlan(true);
            c.setPlannedExpropriationYear(null);
        });

        assertRefusedFor(outcome, "ELIG-EXCL-IN-SHANTY-PLAN");
    }

    @Test
    void listsBothExclusionsWhenInShantyPlanAndExpropriationIsNear() {
        EligibilityOutcome outcome = decide(c -> {
            c.setListedInShantyRenovationPlan(true);
            c.setPlannedExpropriationYear(EVALUATION_YEAR + 2);
        });

        assertRefusedFor(outcome, "ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW", "ELIG-EXCL-IN-SHANTY-PLAN");
    }

    // --- housing kinds the guide leaves out -------------------------------------------------

    static Stream<Arguments> outOfScopeKinds() {
        return Stream.of(
                Arguments.of(HousingKind.SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD, "ELIG-OUT-SHANTY-DEMOLITION"),
                Arguments.of(HousingKind.MAINLY_SELF_BUILT_HOUSING_AREA, "ELIG-OUT-SELF-BUILT"),
                Arguments.of(HousingKind.URBAN_VILLAGE, "ELIG-OUT-URBAN-VILLAGE"));
    }

    @ParameterizedTest(name = "{0} is out of scope ({1})")
    @MethodSource("outOfScopeKinds")
    void leavesOutOfScopeKindOutEvenWhenItWouldOtherwiseBeIncluded(HousingKind kind, String exclusionRuleId) {
        EligibilityOutcome outcome = decide(c -> {
            c.setHousingKind(kind);
            c.setCompletionYear(2010);
            withAllDeficiencies(c);
            c.setStrongRenovationWillingness(true);
        });

        assertOutOfScope(outcome, exclusionRuleId);
    }

    @ParameterizedTest(name = "{0} built in 1990 is still out of scope ({1})")
    @MethodSource("outOfScopeKinds")
    void leavesOutOfScopeKindOutEvenWhenBuiltBefore2000(HousingKind kind, String exclusionRuleId) {
        EligibilityOutcome outcome = decide(c -> {
            c.setHousingKind(kind);
            c.setCompletionYear(1990);
        });

        assertOutOfScope(outcome, exclusionRuleId);
    }

    @Test
    void outOfScopeOutranksAFailedCondition() {
        EligibilityOutcome outcome = decide(c -> {
            c.setHousingKind(HousingKind.URBAN_VILLAGE);
            c.setListedInShantyRenovationPlan(true);
        });

        assertThat(outcome.decision().eligibility()).isEqualTo(Eligibility.OUT_OF_SCOPE);
        assertThat(ruleIds(outcome.failedConditions()))
                .containsExactlyInAnyOrder("ELIG-OUT-URBAN-VILLAGE", "ELIG-EXCL-IN-SHANTY-PLAN");
    }

    // --- communities built after 2000 -------------------------------------------------------

    @ParameterizedTest(name = "missing only {0}")
    @ValueSource(strings = {"functions", "facilities", "propertyManagement"})
    void refusesPost2000CommunityWithOnlyTwoDeficiencies(String notDeficient) {
        EligibilityOutcome outcome = decide(c -> {
            c.setCompletionYear(2010);
            c.setFunctionsIncomplete(!notDeficient.equals("functions"));
            c.setFacilitiesIncomplete(!notDeficient.equals("facilities"));
            c.setPropertyManagementInadequate(!notDeficient.equals("propertyManagement"));
            c.setStrongRenovationWillingness(true);
        });

        assertRefusedFor(outcome, "ELIG-UNMET-DEFICIENCIES");
    }

    @Test
    void refusesPost2000CommunityWithAllDeficienciesButNoStrongWillingness() {
        EligibilityOutcome outcome = decide(c -> {
            c.setCompletionYear(2010);
            withAllDeficiencies(c);
            c.setStrongRenovationWillingness(false);
        });

        assertRefusedFor(outcome, "ELIG-UNMET-WILLINGNESS");
    }

    @Test
    void listsEveryUnmetConditionWhenPost2000CommunityLacksDeficienciesAndWillingness() {
        EligibilityOutcome outcome = decide(c -> c.setCompletionYear(2010));

        assertRefusedFor(outcome, "ELIG-UNMET-DEFICIENCIES", "ELIG-UNMET-WILLINGNESS");
    }

    @Test
    void refusesPost2000CommunityThatQualifiesButIsListedInShantyPlan() {
        EligibilityOutcome outcome = decide(c -> {
            c.setCompletionYear(2010);
            withAllDeficiencies(c);
            c.setStrongRenovationWillingness(true);
            c.setListedInShantyRenovationPlan(true);
        });

        assertRefusedFor(outcome, "ELIG-EXCL-IN-SHANTY-PLAN");
    }

    @Test
    void doesNotHoldPre2000CommunityToThePost2000Conditions() {
        EligibilityOutcome outcome = decide(c -> {
            c.setCompletionYear(1995);
            c.setStrongRenovationWillingness(false);
        });

        assertPriority(outcome);
        assertThat(ruleIds(outcome.findings()))
                .doesNotContain("ELIG-UNMET-DEFICIENCIES", "ELIG-UNMET-WILLINGNESS", "ELIG-INCLUDE-BUILT-AFTER-CUTOFF");
    }

    // --- one answer, whatever the facts ------------------------------------------------------

    @Test
    void reachesExactlyOneDecisionForEveryCombinationOfFacts() {
        Map<String, List<String>> notExactlyOne = new LinkedHashMap<>();
        for (int year : new int[] {1999, 2000, 2001}) {
            for (HousingKind kind : HousingKind.values()) {
                for (boolean shanty : new boolean[] {false, true}) {
                    for (Integer yearsAhead : new Integer[] {null, 4, 5, 6}) {
                        for (int deficiencies = 0; deficiencies <= 3; deficiencies++) {
                            for (boolean willing : new boolean[] {false, true}) {
                                Community c = community();
                                c.setCompletionYear(year);
                                c.setHousingKind(kind);
                                c.setListedInShantyRenovationPlan(shanty);
                                c.setPlannedExpropriationYear(yearsAhead == null ? null : EVALUATION_YEAR + yearsAhead);
                                c.setFunctionsIncomplete(deficiencies >= 1);
                                c.setFacilitiesIncomplete(deficiencies >= 2);
                                c.setPropertyManagementInadequate(deficiencies >= 3);
                                c.setStrongRenovationWillingness(willing);
                                List<String> decisions = ruleset
                                        .evaluate(EligibilityService.CAPABILITY, List.of(c))
                                        .all(EligibilityDecision.class)
                                        .stream()
                                        .map(EligibilityDecision::ruleId)
                                        .toList();
                                if (decisions.size() != 1) {
                                    notExactlyOne.put(
                                            String.join(
                                                    ",",
                                                    String.valueOf(year),
                                                    kind.name(),
                                                    "shanty=" + shanty,
                                                    "expropriationIn=" + yearsAhead,
                                                    "deficiencies=" + deficiencies,
                                                    "willing=" + willing),
                                            decisions);
                                }
                            }
                        }
                    }
                }
            }
        }

        assertThat(notExactlyOne).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(HousingKind.class)
    void citesAClauseForEveryRuleBehindTheAnswer(HousingKind kind) {
        EligibilityOutcome outcome = decide(c -> c.setHousingKind(kind));

        assertThat(ruleset.clauseOf(outcome.decision().ruleId())).isPresent();
        assertThat(outcome.findings())
                .allSatisfy(f -> assertThat(ruleset.clauseOf(f.ruleId())).isPresent());
    }

    // --- helpers -----------------------------------------------------------------------------

    /** An ordinary community built in 1990 with nothing against it: the baseline each test varies. */
    private static Community community() {
        Community c = new Community();
        c.setCompletionYear(1990);
        c.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        c.setListedInShantyRenovationPlan(false);
        c.setPlannedExpropriationYear(null);
        c.setEvaluationDate(EVALUATION_DATE);
        return c;
    }

    private static EligibilityOutcome decide(Consumer<Community> situation) {
        Community c = community();
        situation.accept(c);
        return EligibilityService.decide(ruleset, c);
    }

    private static void withAllDeficiencies(Community c) {
        c.setFunctionsIncomplete(true);
        c.setFacilitiesIncomplete(true);
        c.setPropertyManagementInadequate(true);
    }

    private static List<String> ruleIds(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static void assertPriority(EligibilityOutcome outcome) {
        assertThat(outcome.decision().eligibility()).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(outcome.decision().ruleId()).isEqualTo("ELIG-DECIDE-PRIORITY");
        assertThat(ruleIds(outcome.findings())).contains("ELIG-PRIORITY-BUILT-BEFORE-CUTOFF");
        assertThat(outcome.failedConditions()).isEmpty();
    }

    /** Not eligible, and "why not" names exactly the given failing rules. */
    private static void assertRefusedFor(EligibilityOutcome outcome, String... failingRuleIds) {
        assertThat(outcome.decision().eligibility()).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(outcome.decision().ruleId()).isEqualTo("ELIG-DECIDE-NOT-ELIGIBLE");
        assertThat(ruleIds(outcome.failedConditions())).containsExactlyInAnyOrder(failingRuleIds);
        assertThat(outcome.failedConditions())
                .allSatisfy(f -> assertThat(f.effect()).isEqualTo(FindingEffect.CONDITION_FAILED));
    }

    private static void assertOutOfScope(EligibilityOutcome outcome, String exclusionRuleId) {
        assertThat(outcome.decision().eligibility()).isEqualTo(Eligibility.OUT_OF_SCOPE);
        assertThat(outcome.decision().ruleId()).isEqualTo("ELIG-DECIDE-OUT-OF-SCOPE");
        assertThat(ruleIds(outcome.failedConditions())).containsExactly(exclusionRuleId);
        assertThat(outcome.failedConditions())
                .allSatisfy(f -> assertThat(f.effect()).isEqualTo(FindingEffect.OUTSIDE_SCOPE));
    }
}
