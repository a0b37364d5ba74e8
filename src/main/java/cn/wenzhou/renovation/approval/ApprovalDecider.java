package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.api.ApprovalsApi;
import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.api.model.ApprovalStepCode;
import cn.wenzhou.renovation.api.model.ApprovalStepResult;
import cn.wenzhou.renovation.api.model.Reason;
import cn.wenzhou.renovation.api.model.ReasonEffect;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryColumn.Kind;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.Decimals;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Guide §4's approval path for one project, with the ruleset the caller took. No policy here. */
@Component
public class ApprovalDecider implements Decider<ApprovalPlanRequest, ApprovalPlanResponse> {

    @Override
    public String path() {
        return ApprovalsApi.PATH_PLAN_APPROVALS;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("approvals");
    }

    @Override
    public Optional<InventoryPart<ApprovalPlanResponse>> inventoryPart() {
        return Optional.of(new InventoryPart<>(
                List.of(
                        InventoryColumn.of("governmentInvested", "政府投资项目", Kind.YES_NO),
                        InventoryColumn.of("totalInvestment", "总投资（元）", Kind.DECIMAL),
                        InventoryColumn.of("changesLandOwnership", "改变土地权属", Kind.YES_NO),
                        InventoryColumn.of("changesLandUse", "改变用地性质", Kind.YES_NO),
                        InventoryColumn.of("changesHousingUse", "改变房屋使用性质", Kind.YES_NO),
                        InventoryColumn.of("addsFloorArea", "新增建筑面积", Kind.YES_NO),
                        InventoryColumn.of("majorStructuralChange", "建筑主体或承重结构重大改变", Kind.YES_NO),
                        InventoryColumn.of("planningConditionAdjustment", "涉及规划条件调整", Kind.YES_NO),
                        InventoryColumn.of("facadeAlongImportantStreet", "涉及重要街道两侧外立面改造", Kind.YES_NO),
                        InventoryColumn.of("involvesFireSafety", "涉及消防", Kind.YES_NO),
                        InventoryColumn.of("involvesStructureOrSeismic", "涉及结构、抗震", Kind.YES_NO),
                        InventoryColumn.of("meetsCurrentStandards", "能满足现有标准", Kind.YES_NO)),
                "审批路径",
                ApprovalDecider::summary,
                answer -> {
                    List<Reason> reasons = new ArrayList<>(answer.getScopeReasons());
                    answer.getSteps().forEach(step -> reasons.add(step.getReason()));
                    return reasons;
                }));
    }

    /** The path in one line for a spreadsheet cell: whether it is the optimised one, and each step it changes. */
    private static String summary(ApprovalPlanResponse plan) {
        String changed = plan.getSteps().stream()
                .filter(s -> s.getTreatment() == cn.wenzhou.renovation.api.model.StepTreatment.MERGED
                        || s.getTreatment() == cn.wenzhou.renovation.api.model.StepTreatment.WAIVED
                        || s.getTreatment() == cn.wenzhou.renovation.api.model.StepTreatment.SIMPLIFIED)
                .map(s -> s.getLabel() + "（" + treatmentLabel(s.getTreatment()) + "）")
                .collect(Collectors.joining("；"));
        return (Boolean.TRUE.equals(plan.getOptimizedScope()) ? "适用优化审批" : "不适用优化审批")
                + (changed.isEmpty() ? "" : "：" + changed);
    }

    private static String treatmentLabel(cn.wenzhou.renovation.api.model.StepTreatment treatment) {
        return switch (treatment) {
            case MERGED -> "合并编报";
            case WAIVED -> "无需办理";
            case SIMPLIFIED -> "简化办理";
            case REQUIRED -> "须办理";
            case NOT_APPLICABLE -> "不涉及";
        };
    }

    @Override
    public Class<ApprovalPlanRequest> requestType() {
        return ApprovalPlanRequest.class;
    }

    @Override
    public ApprovalPlanResponse decide(CompiledRuleset ruleset, ApprovalPlanRequest request) {
        ApprovalProject project = new ApprovalProject(
                request.getGovernmentInvested(),
                Decimals.yuan("totalInvestment", request.getTotalInvestment()),
                request.getChangesLandOwnership(),
                request.getChangesLandUse(),
                request.getChangesHousingUse(),
                request.getAddsFloorArea(),
                request.getMajorStructuralChange(),
                request.getPlanningConditionAdjustment(),
                request.getFacadeAlongImportantStreet(),
                request.getInvolvesFireSafety(),
                request.getInvolvesStructureOrSeismic(),
                request.getMeetsCurrentStandards());
        ApprovalPlan plan = ApprovalPlan.of(ruleset, project);
        Reasons reasons = new Reasons(plan.ruleset());
        List<Reason> scopeReasons = new ArrayList<>();
        scopeReasons.add(reasons.of(
                plan.scope().ruleId(), ReasonEffect.DECISION, plan.scope().message()));
        scopeReasons.addAll(reasons.of(plan.scopeFindings()));
        return new ApprovalPlanResponse()
                .jurisdiction(plan.ruleset().jurisdiction())
                .rulesetVersion(plan.ruleset().version())
                .projectName(request.getProjectName())
                .optimizedScope(plan.scope().applies())
                .scopeReasons(scopeReasons)
                .steps(plan.steps().stream()
                        .map(step -> new ApprovalStepResult()
                                .step(ApprovalStepCode.valueOf(step.step().name()))
                                .label(step.step().label())
                                .treatment(cn.wenzhou.renovation.api.model.StepTreatment.valueOf(
                                        step.treatment().name()))
                                .mergedWith(
                                        step.mergedWith().isEmpty()
                                                ? null
                                                : step.mergedWith().stream()
                                                        .map(s -> ApprovalStepCode.valueOf(s.name()))
                                                        .toList())
                                .reason(reason(reasons, step)))
                        .toList());
    }

    private static Reason reason(Reasons reasons, ApprovalFinding step) {
        Reason reason = reasons.of(step.ruleId(), ReasonEffect.DECISION, step.message());
        return step.interpretation() == null ? reason : reason.interpretation(step.interpretation());
    }
}
