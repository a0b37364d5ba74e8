package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.api.EligibilityApi;
import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.EligibilityResponse;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryColumn.Kind;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Guide §1 for one community, with the ruleset the caller took: the request mapped to {@link Community}
 * facts, the rules run, the outcome mapped back. Every path that decides eligibility comes here. No policy here.
 */
@Component
public class EligibilityDecider implements Decider<EligibilityRequest, EligibilityResponse> {

    private final Clock clock;

    EligibilityDecider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String path() {
        return EligibilityApi.PATH_DECIDE_ELIGIBILITY;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("eligibility");
    }

    @Override
    public Optional<InventoryPart<EligibilityResponse>> inventoryPart() {
        return Optional.of(new InventoryPart<>(
                List.of(
                        InventoryColumn.of("completionYear", "建成年份", Kind.INTEGER),
                        InventoryColumn.choice(
                                "housingKind",
                                "住房区域类型",
                                List.of(
                                        "ORDINARY_RESIDENTIAL_COMMUNITY",
                                        "MAINLY_SELF_BUILT_HOUSING_AREA",
                                        "URBAN_VILLAGE",
                                        "SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD")),
                        InventoryColumn.of("listedInShantyRenovationPlan", "已列入棚改计划", Kind.YES_NO),
                        InventoryColumn.of("plannedExpropriationYear", "计划征收年份（无则留空）", Kind.INTEGER),
                        InventoryColumn.of("deficiencies.functionsIncomplete", "房屋使用功能不完善", Kind.YES_NO),
                        InventoryColumn.of("deficiencies.facilitiesIncomplete", "配套设施不完善", Kind.YES_NO),
                        InventoryColumn.of("deficiencies.propertyManagementInadequate", "物业管理不健全", Kind.YES_NO),
                        InventoryColumn.of("strongRenovationWillingness", "居民改造意愿强烈", Kind.YES_NO),
                        InventoryColumn.of("evaluationDate", "评估日期（留空为当天）", Kind.DATE)),
                "改造范围结论",
                EligibilityResponse::getDecisionLabel,
                answer -> Reasons.andWhyNot(answer.getReasons(), answer.getWhyNot())));
    }

    @Override
    public Class<EligibilityRequest> requestType() {
        return EligibilityRequest.class;
    }

    @Override
    public EligibilityResponse decide(CompiledRuleset ruleset, EligibilityRequest request) {
        Community community = toCommunity(request);
        return toResponse(request, EligibilityService.decide(ruleset, community));
    }

    private Community toCommunity(EligibilityRequest request) {
        LocalDate evaluationDate =
                request.getEvaluationDate() != null ? request.getEvaluationDate() : LocalDate.now(clock);
        if (request.getCompletionYear() > evaluationDate.getYear()) {
            throw new InvalidFieldException(
                    "completionYear",
                    "建成年份 " + request.getCompletionYear() + " 晚于评估日期 " + evaluationDate
                            + "：小区尚未建成，无法判定 (completion year is after the evaluation date)");
        }
        Community community = new Community();
        community.setCompletionYear(request.getCompletionYear());
        community.setHousingKind(HousingKind.valueOf(request.getHousingKind().getValue()));
        community.setListedInShantyRenovationPlan(request.getListedInShantyRenovationPlan());
        community.setPlannedExpropriationYear(request.getPlannedExpropriationYear());
        community.setFunctionsIncomplete(request.getDeficiencies().getFunctionsIncomplete());
        community.setFacilitiesIncomplete(request.getDeficiencies().getFacilitiesIncomplete());
        community.setPropertyManagementInadequate(request.getDeficiencies().getPropertyManagementInadequate());
        community.setStrongRenovationWillingness(request.getStrongRenovationWillingness());
        community.setEvaluationDate(evaluationDate);
        community.setSubdistrict(
                request.getSubdistrict() == null
                        ? null
                        : request.getSubdistrict().strip());
        return community;
    }

    private static EligibilityResponse toResponse(EligibilityRequest request, EligibilityOutcome outcome) {
        CompiledRuleset ruleset = outcome.ruleset();
        EligibilityDecision decision = outcome.decision();
        Reasons reasons = new Reasons(ruleset);
        return new EligibilityResponse()
                .jurisdiction(ruleset.jurisdiction())
                .rulesetVersion(ruleset.version())
                .communityName(request.getCommunityName())
                .evaluationDate(outcome.evaluationDate())
                .decision(cn.wenzhou.renovation.api.model.EligibilityDecision.valueOf(
                        decision.eligibility().name()))
                .decisionLabel(decision.message())
                .reasons(reasons.decidedBy(decision.ruleId(), decision.message(), outcome.supportingFindings()))
                .whyNot(reasons.of(outcome.failedConditions()));
    }
}
