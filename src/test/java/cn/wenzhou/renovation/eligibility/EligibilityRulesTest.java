package cn.wenzhou.renovation.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guide §1 (改造范围) on the real rules and decision table, for every combination of facts around the
 * parameter values the compiled ruleset holds. The answers at those values are pinned once, in
 * the golden cases ({@code decision-tables/eligibility/eligibility.cases.xlsx}); generated properties are in {@link EligibilityProperties}.
 */
class EligibilityRulesTest {

    private static final LocalDate EVALUATION_DATE = LocalDate.of(2024, 6, 1);
    private static final int EVALUATION_YEAR = EVALUATION_DATE.getYear();

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = compileRepositoryRuleset();
    }

    static CompiledRuleset compileRepositoryRuleset() {
        // Plain relative paths: Maven runs tests with the project directory as working directory.
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load("rules", "rules"));
        files.addAll(loader.load("decision-tables", "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }

    /** The one fact a parameter row of the eligibility table concluded. */
    static <T> T parameter(CompiledRuleset rules, Class<T> type) {
        List<T> found = rules.parameters(EligibilityService.CAPABILITY).stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    @Test
    void reachesExactlyOneDecisionForEveryCombinationOfFactsAroundTheParameters() {
        int cutoff = parameter(ruleset, PriorityCutoff.class).lastCompletionYear();
        int window = parameter(ruleset, ExpropriationWindow.class).years();
        Map<String, List<String>> notExactlyOne = new LinkedHashMap<>();
        for (int year : new int[] {cutoff - 1, cutoff, cutoff + 1}) {
            for (HousingKind kind : HousingKind.values()) {
                for (boolean shanty : new boolean[] {false, true}) {
                    for (Integer yearsAhead : new Integer[] {null, window - 1, window, window + 1}) {
                        for (int deficiencies = 0; deficiencies <= 3; deficiencies++) {
                            for (boolean willing : new boolean[] {false, true}) {
                                Community c = new Community();
                                c.setEvaluationDate(EVALUATION_DATE);
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
        Community c = new Community();
        c.setEvaluationDate(EVALUATION_DATE);
        c.setCompletionYear(parameter(ruleset, PriorityCutoff.class).lastCompletionYear());
        c.setHousingKind(kind);

        EligibilityOutcome outcome = EligibilityService.decide(ruleset, c);

        assertCitesClause(outcome.decision().ruleId());
        outcome.findings().forEach(f -> assertCitesClause(f.ruleId()));
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
