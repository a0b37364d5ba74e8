package cn.wenzhou.renovation.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guide §4 (项目审批): what holds whatever the table 审批简化措施 says, over every combination of the
 * project's yes/no facts and at the ceilings read from the compiled table. The table's own values (which
 * measure is adopted, 10 and 20 million yuan) and the path of each kind of project are pinned once, in
 * the golden cases ({@code decision-tables/approval/approval.cases.xlsx}); generated projects in
 * {@link ApprovalProperties}; edited tables in {@link ApprovalTableEditsTest}.
 */
class ApprovalRulesTest {

    private static final BigDecimal FEN = new BigDecimal("0.01");

    /** The rule that answers the steps each merge of the table merges. */
    private static final Map<String, String> MERGE_RULE = Map.of(
            SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY,
            "APPROVAL-MERGE-PROPOSAL-FEASIBILITY",
            SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY_DESIGN,
            "APPROVAL-MERGE-PROPOSAL-FEASIBILITY-DESIGN");

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
    }

    @Test
    void everyStepIsAnsweredExactlyOnceAndCitesItsClauseWhateverTheProject() {
        for (int mask = 0; mask < 1 << 11; mask++) {
            ApprovalProject project = project(mask, new BigDecimal("15000000"));
            ApprovalPlan plan = ApprovalPlan.of(ruleset, project);

            assertThat(plan.steps())
                    .extracting(ApprovalFinding::step)
                    .as("project %s", project)
                    .containsExactly(ApprovalStep.values());
            plan.steps().forEach(step -> assertCitesClause(step.ruleId()));
            plan.scopeFindings().forEach(finding -> assertCitesClause(finding.ruleId()));
            assertCitesClause(plan.scope().ruleId());
        }
    }

    /** “以下”含本数: a merge covers the ceiling the table gives it, whatever that ceiling is. */
    @Test
    void eachMergeCoversItsOwnCeilingAndTheDesignIsSeparateOneFenAbove() {
        List<SimplificationMeasure> merges = merges();
        assertThat(merges).as("merge rows with a ceiling in the table").isNotEmpty();

        for (SimplificationMeasure merge : merges) {
            BigDecimal ceiling = merge.investmentCeiling().orElseThrow();
            ApprovalPlan atCeiling = ApprovalPlan.of(ruleset, governmentProject(ceiling));

            assertThat(treatment(atCeiling, ApprovalStep.PROJECT_PROPOSAL))
                    .as("%s at %s", merge.code(), ceiling)
                    .isEqualTo(StepTreatment.MERGED);
            assertThat(treatment(atCeiling, ApprovalStep.FEASIBILITY_STUDY))
                    .as("%s at %s", merge.code(), ceiling)
                    .isEqualTo(StepTreatment.MERGED);
            if (merge.code().equals(SimplificationMeasure.MERGE_PROPOSAL_FEASIBILITY_DESIGN)) {
                assertThat(treatment(atCeiling, ApprovalStep.PRELIMINARY_DESIGN))
                        .isEqualTo(StepTreatment.MERGED);
                assertThat(treatment(
                                ApprovalPlan.of(ruleset, governmentProject(ceiling.add(FEN))),
                                ApprovalStep.PRELIMINARY_DESIGN))
                        .as("one fen above %s", ceiling)
                        .isEqualTo(StepTreatment.REQUIRED);
            }
        }
    }

    /** “以下” is a bound: one fen above its ceiling a merge answers no step, whatever that ceiling is. */
    @Test
    void oneFenAboveItsCeilingAMergeAnswersNoStep() {
        for (SimplificationMeasure merge : merges()) {
            BigDecimal aboveCeiling = merge.investmentCeiling().orElseThrow().add(FEN);

            assertThat(ApprovalPlan.of(ruleset, governmentProject(aboveCeiling)).steps())
                    .extracting(ApprovalFinding::ruleId)
                    .as("%s at %s", merge.code(), aboveCeiling)
                    .doesNotContain(MERGE_RULE.get(merge.code()));
        }
    }

    /** Above every ceiling of the table only a merge the table leaves unlimited may still merge a step. */
    @Test
    void oneFenAboveTheHighestCeilingOnlyAnUnlimitedMergeMerges() {
        BigDecimal highest = merges().stream()
                .map(m -> m.investmentCeiling().orElseThrow())
                .max(BigDecimal::compareTo)
                .orElseThrow(() -> new AssertionError("no merge row with a ceiling in the table"));
        List<String> unlimitedMergeRules = ruleset.parameters(ApprovalPlan.CAPABILITY).stream()
                .filter(SimplificationMeasure.class::isInstance)
                .map(SimplificationMeasure.class::cast)
                .filter(m -> m.adopted() && isMerge(m) && m.investmentCeiling().isEmpty())
                .map(m -> MERGE_RULE.get(m.code()))
                .toList();

        ApprovalPlan plan = ApprovalPlan.of(ruleset, governmentProject(highest.add(FEN)));

        assertThat(plan.steps())
                .filteredOn(s -> s.treatment() == StepTreatment.MERGED)
                .extracting(ApprovalFinding::ruleId)
                .as("merged one fen above %s", highest)
                .allMatch(unlimitedMergeRules::contains);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** The adopted merges with a finite ceiling, as the compiled table gives them. */
    private static List<SimplificationMeasure> merges() {
        return ruleset.parameters(ApprovalPlan.CAPABILITY).stream()
                .filter(SimplificationMeasure.class::isInstance)
                .map(SimplificationMeasure.class::cast)
                .filter(m -> m.adopted() && isMerge(m) && m.investmentCeiling().isPresent())
                .toList();
    }

    private static boolean isMerge(SimplificationMeasure measure) {
        return MERGE_RULE.containsKey(measure.code());
    }

    /** Bit i of the mask is the project's i-th yes/no fact, in the constructor's order. */
    private static ApprovalProject project(int mask, BigDecimal investment) {
        boolean[] b = new boolean[11];
        for (int i = 0; i < b.length; i++) {
            b[i] = (mask & (1 << i)) != 0;
        }
        return new ApprovalProject(b[0], investment, b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10]);
    }

    /** Government-invested, within the optimized scope, nothing but its investment to decide. */
    static ApprovalProject governmentProject(BigDecimal investment) {
        return new ApprovalProject(
                true, investment, false, false, false, false, false, false, false, false, false, true);
    }

    static StepTreatment treatment(ApprovalPlan plan, ApprovalStep step) {
        return plan.steps().stream()
                .filter(s -> s.step() == step)
                .findFirst()
                .orElseThrow()
                .treatment();
    }

    private static void assertCitesClause(String ruleId) {
        RuleClause clause = ruleset.clauseOf(ruleId).orElseThrow(() -> new AssertionError("no clause for " + ruleId));
        assertThat(clause.section()).as(ruleId).isNotBlank();
        assertThat(clause.quote()).as(ruleId).isNotBlank();
    }
}
