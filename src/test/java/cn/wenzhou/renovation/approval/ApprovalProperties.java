package cn.wenzhou.renovation.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Guide §4 (项目审批): what holds whatever the table 审批简化措施 says, over generated projects whose
 * investment often sits a fen either side of a ceiling read from the compiled table. The table's values
 * are pinned once, in the golden cases ({@code decision-tables/approval/approval.cases.xlsx}).
 */
class ApprovalProperties {

    private static final BigDecimal FEN = new BigDecimal("0.01");

    /** The three steps §4(四) may merge for a government investment. */
    private static final Set<ApprovalStep> INVESTMENT_STEPS =
            EnumSet.of(ApprovalStep.PROJECT_PROPOSAL, ApprovalStep.FEASIBILITY_STUDY, ApprovalStep.PRELIMINARY_DESIGN);

    /** The steps of §4(七), which the scope, the investment and the table's measures do not touch. */
    private static final Set<ApprovalStep> SAFETY_STEPS =
            EnumSet.of(ApprovalStep.FIRE_INSPECTION, ApprovalStep.SAFETY_PROCEDURES, ApprovalStep.EXPERT_REVIEW);

    private static CompiledRuleset ruleset;
    private static List<BigDecimal> ceilings;

    @BeforeContainer
    static void compileRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
        ceilings = ruleset.parameters(ApprovalPlan.CAPABILITY).stream()
                .filter(SimplificationMeasure.class::isInstance)
                .map(SimplificationMeasure.class::cast)
                .flatMap(m -> m.investmentCeiling().stream())
                .toList();
    }

    @Property(tries = 300)
    void decidesTheScopeOnceAndEveryStepExactlyOnce(@ForAll("projects") ApprovalProject project) {
        List<Object> answers =
                ruleset.evaluate(ApprovalPlan.CAPABILITY, List.of(project)).objects();

        assertThat(answers).filteredOn(OptimizedScope.class::isInstance).hasSize(1);
        assertThat(answers)
                .filteredOn(ApprovalFinding.class::isInstance)
                .extracting(a -> ((ApprovalFinding) a).step())
                .as(project.toString())
                .containsExactlyInAnyOrder(ApprovalStep.values());
    }

    @Property(tries = 300)
    void isWithinTheScopeExactlyWhenNoScopeConditionFails(@ForAll("projects") ApprovalProject project) {
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);

        assertThat(plan.scope().applies())
                .as(project.toString())
                .isEqualTo(plan.scopeFindings().isEmpty());
        assertThat(plan.scopeFindings())
                .extracting(ScopeFinding::effect)
                .allMatch(e -> e == FindingEffect.CONDITION_FAILED);
    }

    @Property(tries = 300)
    void outsideTheScopeNothingIsMergedWaivedOrSimplified(@ForAll("projects") ApprovalProject project) {
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);

        if (!plan.scope().applies()) {
            assertThat(plan.steps())
                    .extracting(ApprovalFinding::treatment)
                    .as(project.toString())
                    .doesNotContain(StepTreatment.MERGED, StepTreatment.WAIVED, StepTreatment.SIMPLIFIED);
        }
    }

    @Property(tries = 300)
    void citesAClauseForEveryRuleBehindThePlan(@ForAll("projects") ApprovalProject project) {
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);

        List<String> ruleIds = new ArrayList<>();
        ruleIds.add(plan.scope().ruleId());
        plan.scopeFindings().forEach(f -> ruleIds.add(f.ruleId()));
        plan.steps().forEach(s -> ruleIds.add(s.ruleId()));
        assertThat(ruleIds)
                .allSatisfy(id -> assertThat(ruleset.clauseOf(id)).as(id).get().satisfies(clause -> {
                    assertThat(clause.section()).isNotBlank();
                    assertThat(clause.quote()).isNotBlank();
                }));
    }

    /** A larger investment never merges a step a smaller one left separate. */
    @Property(tries = 300)
    void moreInvestmentNeverMergesMore(
            @ForAll("projects") ApprovalProject project,
            @ForAll @LongRange(min = 1, max = 3_000_000_000L) long moreFen) {
        ApprovalProject larger =
                withInvestment(project, project.getTotalInvestment().add(BigDecimal.valueOf(moreFen, 2)));

        assertThat(merged(ApprovalPlan.of(ruleset, project)))
                .as("%s, then %s yuan", project, larger.getTotalInvestment())
                .containsAll(merged(ApprovalPlan.of(ruleset, larger)));
    }

    /** 20000000, 20000000.00 and 2E+7 are one amount: compared as numbers, never as written. */
    @Property(tries = 300)
    void theAmountIsComparedAsANumberNotAsWritten(@ForAll("projects") ApprovalProject project) {
        BigDecimal amount = project.getTotalInvestment();
        Map<ApprovalStep, String> answer = treatmentsAndRules(project);

        assertThat(treatmentsAndRules(withInvestment(project, amount.setScale(amount.scale() + 3))))
                .isEqualTo(answer);
        assertThat(treatmentsAndRules(withInvestment(project, amount.stripTrailingZeros())))
                .isEqualTo(answer);
    }

    /** Merging is for government investment; any other project is approved or filed, never merged. */
    @Property(tries = 300)
    void aProjectNotInvestedByGovernmentIsApprovedOrFiledWhateverItsSize(@ForAll("projects") ApprovalProject project) {
        ApprovalProject notGovernment = withInvestment(project, project.getTotalInvestment());
        notGovernment.setGovernmentInvested(false);

        assertThat(ApprovalPlan.of(ruleset, notGovernment).steps())
                .filteredOn(s -> INVESTMENT_STEPS.contains(s.step()))
                .hasSize(3)
                .allSatisfy(s -> {
                    assertThat(s.treatment()).isEqualTo(StepTreatment.NOT_APPLICABLE);
                    assertThat(s.message()).contains("核准或备案");
                });
    }

    /** Within the scope, permits required for a facade or a planning adjustment say which of the two. */
    @Property(tries = 300)
    void planningPermitsRequiredWithinTheScopeNameWhatRequiresThem(@ForAll("projects") ApprovalProject project) {
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);

        if (plan.scope().applies()
                && (project.isPlanningConditionAdjustment() || project.isFacadeAlongImportantStreet())) {
            String why = project.isPlanningConditionAdjustment() ? "规划条件调整" : "重要街道两侧外立面";
            assertThat(plan.steps())
                    .filteredOn(s -> s.step() == ApprovalStep.LAND_USE_PLANNING_PERMIT
                            || s.step() == ApprovalStep.CONSTRUCTION_PLANNING_PERMIT
                            || s.step() == ApprovalStep.COMPLETION_PLANNING_VERIFICATION)
                    .hasSize(3)
                    .allSatisfy(s -> {
                        assertThat(s.treatment()).isEqualTo(StepTreatment.REQUIRED);
                        assertThat(s.message()).contains(why);
                    });
        }
    }

    /** §4(七) applies whatever the scope, the funding and the investment: only the safety facts count. */
    @Property(tries = 300)
    void theSafetyStepsFollowTheSafetyFactsAlone(
            @ForAll("projects") ApprovalProject project, @ForAll("projects") ApprovalProject other) {
        ApprovalProject sameSafety = withInvestment(other, other.getTotalInvestment());
        sameSafety.setInvolvesFireSafety(project.isInvolvesFireSafety());
        sameSafety.setInvolvesStructureOrSeismic(project.isInvolvesStructureOrSeismic());
        sameSafety.setMeetsCurrentStandards(project.isMeetsCurrentStandards());

        assertThat(safetyTreatments(sameSafety))
                .as("%s and %s", project, sameSafety)
                .isEqualTo(safetyTreatments(project));
    }

    // --- generated projects ----------------------------------------------------------------------

    /**
     * Government-invested or not; an investment up to 100 million yuan, often exactly at or a fen either side
     * of a ceiling of the table; each scope exclusion one time in six, so that most projects are within scope.
     */
    @Provide
    Arbitrary<ApprovalProject> projects() {
        Arbitrary<BigDecimal> nearCeiling = Arbitraries.of(ceilings)
                .flatMap(c -> Arbitraries.of(c.subtract(FEN), c, c.add(FEN), c.stripTrailingZeros()));
        Arbitrary<BigDecimal> anywhere =
                Arbitraries.longs().between(0, 10_000_000_000L).map(fen -> BigDecimal.valueOf(fen, 2));
        Arbitrary<BigDecimal> investments = Arbitraries.oneOf(nearCeiling, anywhere);
        Arbitrary<Boolean> rarely = Arbitraries.integers().between(0, 5).map(i -> i == 0);
        Arbitrary<Boolean> either = Arbitraries.of(true, false);
        Arbitrary<boolean[]> scopeExclusions = rarely.array(boolean[].class).ofSize(5);
        Arbitrary<boolean[]> otherFacts = either.array(boolean[].class).ofSize(5);
        return Combinators.combine(either, investments, scopeExclusions, otherFacts, either)
                .as((government, investment, excluded, facts, meetsStandards) -> new ApprovalProject(
                        government,
                        investment,
                        excluded[0],
                        excluded[1],
                        excluded[2],
                        excluded[3],
                        excluded[4],
                        facts[0],
                        facts[1],
                        facts[2],
                        facts[3],
                        meetsStandards));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Set<ApprovalStep> merged(ApprovalPlan plan) {
        return plan.steps().stream()
                .filter(s -> s.treatment() == StepTreatment.MERGED)
                .map(ApprovalFinding::step)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApprovalStep.class)));
    }

    private static Map<ApprovalStep, String> treatmentsAndRules(ApprovalProject project) {
        return ApprovalPlan.of(ruleset, project).steps().stream()
                .collect(Collectors.toMap(ApprovalFinding::step, s -> s.treatment() + " " + s.ruleId()));
    }

    private static Map<ApprovalStep, StepTreatment> safetyTreatments(ApprovalProject project) {
        return ApprovalPlan.of(ruleset, project).steps().stream()
                .filter(s -> SAFETY_STEPS.contains(s.step()))
                .collect(Collectors.toMap(ApprovalFinding::step, ApprovalFinding::treatment));
    }

    private static ApprovalProject withInvestment(ApprovalProject project, BigDecimal investment) {
        return new ApprovalProject(
                project.isGovernmentInvested(),
                investment,
                project.isChangesLandOwnership(),
                project.isChangesLandUse(),
                project.isChangesHousingUse(),
                project.isAddsFloorArea(),
                project.isMajorStructuralChange(),
                project.isPlanningConditionAdjustment(),
                project.isFacadeAlongImportantStreet(),
                project.isInvolvesFireSafety(),
                project.isInvolvesStructureOrSeismic(),
                project.isMeetsCurrentStandards());
    }
}
