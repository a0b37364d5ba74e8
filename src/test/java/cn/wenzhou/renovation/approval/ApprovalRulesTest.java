package cn.wenzhou.renovation.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Guide §4 (项目审批) as the real rules and the table 审批简化措施 answer it. */
class ApprovalRulesTest {

    private static CompiledRuleset ruleset;

    @BeforeAll
    static void compileRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
    }

    @ParameterizedTest(name = "{0} yuan: proposal {1}, feasibility {2}, preliminary design {3}")
    @CsvSource({
        "9999999.99,  MERGED,   MERGED,   MERGED",
        "10000000,    MERGED,   MERGED,   MERGED",
        "10000000.00, MERGED,   MERGED,   MERGED",
        "10000000.01, MERGED,   MERGED,   REQUIRED",
        "20000000,    MERGED,   MERGED,   REQUIRED",
        "20000000.01, REQUIRED, REQUIRED, REQUIRED",
    })
    void investmentCeilingsIncludeTheAmountItself(
            String investment, StepTreatment proposal, StepTreatment feasibility, StepTreatment design) {
        Map<ApprovalStep, ApprovalFinding> steps = plan(governmentProject(investment)).steps().stream()
                .collect(Collectors.toMap(ApprovalFinding::step, Function.identity()));

        assertThat(steps.get(ApprovalStep.PROJECT_PROPOSAL).treatment()).isEqualTo(proposal);
        assertThat(steps.get(ApprovalStep.FEASIBILITY_STUDY).treatment()).isEqualTo(feasibility);
        assertThat(steps.get(ApprovalStep.PRELIMINARY_DESIGN).treatment()).isEqualTo(design);
    }

    @Test
    void everyStepIsAnsweredExactlyOnceWhateverTheProject() {
        for (int mask = 0; mask < 1 << 10; mask++) {
            boolean[] b = new boolean[10];
            for (int i = 0; i < 10; i++) {
                b[i] = (mask & (1 << i)) != 0;
            }
            ApprovalProject project = new ApprovalProject(
                    b[0],
                    new BigDecimal("15000000"),
                    b[1],
                    b[2],
                    b[3],
                    b[4],
                    b[5],
                    b[6],
                    b[7],
                    b[8],
                    b[9],
                    mask % 3 == 0);
            assertThat(plan(project).steps())
                    .extracting(ApprovalFinding::step)
                    .as("project %s", project)
                    .containsExactly(ApprovalStep.values());
        }
    }

    @Test
    void anOrdinaryGovernmentProjectGetsEverySimplification() {
        ApprovalPlan plan = plan(governmentProject("8000000"));

        assertThat(plan.scope().applies()).isTrue();
        assertThat(treatment(plan, ApprovalStep.LAND_USE_PLANNING_PERMIT)).isEqualTo(StepTreatment.WAIVED);
        assertThat(treatment(plan, ApprovalStep.CONSTRUCTION_PLANNING_PERMIT)).isEqualTo(StepTreatment.WAIVED);
        assertThat(treatment(plan, ApprovalStep.COMPLETION_PLANNING_VERIFICATION))
                .isEqualTo(StepTreatment.WAIVED);
        assertThat(treatment(plan, ApprovalStep.CONSTRUCTION_DRAWING_REVIEW)).isEqualTo(StepTreatment.WAIVED);
        assertThat(treatment(plan, ApprovalStep.CONSTRUCTION_PERMIT)).isEqualTo(StepTreatment.SIMPLIFIED);
        assertThat(treatment(plan, ApprovalStep.COMPLETION_ACCEPTANCE)).isEqualTo(StepTreatment.SIMPLIFIED);
        assertThat(treatment(plan, ApprovalStep.COMPLETION_FILING)).isEqualTo(StepTreatment.SIMPLIFIED);
        assertThat(treatment(plan, ApprovalStep.ONLINE_REGISTRATION)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.JOINT_CONSULTATION)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.FIRE_INSPECTION)).isEqualTo(StepTreatment.NOT_APPLICABLE);
        assertThat(treatment(plan, ApprovalStep.EXPERT_REVIEW)).isEqualTo(StepTreatment.NOT_APPLICABLE);
    }

    @Test
    void facadeWorkAlongAnImportantStreetKeepsBothPlanningPermitsAndTheVerification() {
        ApprovalPlan plan = plan(new ApprovalProject(
                true, new BigDecimal("8000000"), false, false, false, false, false, false, true, false, false, true));

        assertThat(treatment(plan, ApprovalStep.LAND_USE_PLANNING_PERMIT)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.CONSTRUCTION_PLANNING_PERMIT)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.COMPLETION_PLANNING_VERIFICATION))
                .isEqualTo(StepTreatment.REQUIRED);
        assertThat(finding(plan, ApprovalStep.LAND_USE_PLANNING_PERMIT).message())
                .contains("重要街道两侧外立面");
    }

    @Test
    void addedFloorAreaTakesTheProjectOutOfTheOptimizedScope() {
        ApprovalPlan plan = plan(new ApprovalProject(
                true, new BigDecimal("5000000"), false, false, false, true, false, false, false, false, false, true));

        assertThat(plan.scope().applies()).isFalse();
        assertThat(plan.scopeFindings()).extracting(ScopeFinding::ruleId).containsExactly("APPROVAL-SCOPE-FLOOR-AREA");
        assertThat(plan.steps())
                .filteredOn(s -> s.treatment() == StepTreatment.MERGED
                        || s.treatment() == StepTreatment.WAIVED
                        || s.treatment() == StepTreatment.SIMPLIFIED)
                .isEmpty();
    }

    @Test
    void fireSafetyRequiresTheInspectionAndUnmetStandardsAnExpertReview() {
        ApprovalPlan plan = plan(new ApprovalProject(
                true, new BigDecimal("5000000"), false, false, false, false, false, false, false, true, false, false));

        assertThat(treatment(plan, ApprovalStep.FIRE_INSPECTION)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.SAFETY_PROCEDURES)).isEqualTo(StepTreatment.REQUIRED);
        assertThat(treatment(plan, ApprovalStep.EXPERT_REVIEW)).isEqualTo(StepTreatment.REQUIRED);
    }

    @Test
    void aPrivatelyFundedProjectIsNotMergedHoweverSmall() {
        ApprovalPlan plan = plan(new ApprovalProject(
                false, new BigDecimal("100000"), false, false, false, false, false, false, false, false, false, true));

        // Not merged, and not the government-investment approvals either: approved or filed under the investment rules.
        assertThat(Arrays.asList(
                        ApprovalStep.PROJECT_PROPOSAL, ApprovalStep.FEASIBILITY_STUDY, ApprovalStep.PRELIMINARY_DESIGN))
                .allSatisfy(step -> {
                    assertThat(treatment(plan, step)).isEqualTo(StepTreatment.NOT_APPLICABLE);
                    assertThat(finding(plan, step).message()).contains("核准或备案");
                });
    }

    @Test
    void everyFindingCitesItsClause() {
        ApprovalPlan plan = plan(governmentProject("8000000"));

        assertThat(plan.steps())
                .allSatisfy(step -> assertThat(ruleset.clauseOf(step.ruleId()))
                        .as(step.ruleId())
                        .isPresent());
    }

    private static ApprovalProject governmentProject(String investment) {
        return new ApprovalProject(
                true, new BigDecimal(investment), false, false, false, false, false, false, false, false, false, true);
    }

    private static ApprovalPlan plan(ApprovalProject project) {
        return ApprovalPlan.of(ruleset, project);
    }

    private static ApprovalFinding finding(ApprovalPlan plan, ApprovalStep step) {
        return plan.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private static StepTreatment treatment(ApprovalPlan plan, ApprovalStep step) {
        return finding(plan, step).treatment();
    }
}
