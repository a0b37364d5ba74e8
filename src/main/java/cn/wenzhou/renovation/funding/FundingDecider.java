package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.api.FundingApi;
import cn.wenzhou.renovation.api.model.FundsReadinessDecision;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
import cn.wenzhou.renovation.api.model.FundsReadinessResponse;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryColumn.Kind;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.kernel.Decimals;
import cn.wenzhou.renovation.kernel.ExactShares;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Guide §3.6's funds gate for one project, with the ruleset the caller took. No policy here. */
@Component
public class FundingDecider implements Decider<FundsReadinessRequest, FundsReadinessResponse> {

    @Override
    public String path() {
        return FundingApi.PATH_ASSESS_FUNDING_READINESS;
    }

    @Override
    public java.util.Optional<String> assessmentPart() {
        return java.util.Optional.of("funding");
    }

    @Override
    public Optional<InventoryPart<FundsReadinessResponse>> inventoryPart() {
        return Optional.of(new InventoryPart<>(
                List.of(
                        InventoryColumn.of("targetAmount", "应筹自筹资金（元）", Kind.DECIMAL),
                        InventoryColumn.of("amountInPlace", "已到位自筹资金（元）", Kind.DECIMAL),
                        InventoryColumn.of("remainderCommitted", "业主已承诺剩余资金开工前到位", Kind.YES_NO)),
                "资金结论",
                FundsReadinessResponse::getDecisionLabel,
                answer -> Reasons.andWhyNot(answer.getReasons(), answer.getWhyNot())));
    }

    @Override
    public Class<FundsReadinessRequest> requestType() {
        return FundsReadinessRequest.class;
    }

    @Override
    public FundsReadinessResponse decide(CompiledRuleset ruleset, FundsReadinessRequest request) {
        BigDecimal target = Decimals.yuan("targetAmount", request.getTargetAmount());
        BigDecimal inPlace = Decimals.yuan("amountInPlace", request.getAmountInPlace());
        FundsOutcome outcome =
                FundingService.assess(ruleset, new FundsStatus(target, inPlace, request.getRemainderCommitted()));
        Reasons reasons = new Reasons(outcome.ruleset());
        FundsDecision decision = outcome.decision();
        return new FundsReadinessResponse()
                .jurisdiction(outcome.ruleset().jurisdiction())
                .rulesetVersion(outcome.ruleset().version())
                .projectName(request.getProjectName())
                .decision(decision.ready() ? FundsReadinessDecision.READY : FundsReadinessDecision.NOT_READY)
                .decisionLabel(decision.message())
                .arrivalRate(ExactShares.of(outcome.funds().getArrivalRate()))
                .minimumArrivalRate(ExactShares.of(outcome.minimum().minimum()))
                .reasons(reasons.decidedBy(decision.ruleId(), decision.message(), outcome.supportingFindings()))
                .whyNot(reasons.of(outcome.failedConditions()));
    }
}
