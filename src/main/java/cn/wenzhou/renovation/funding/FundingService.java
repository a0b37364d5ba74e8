package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Comparator;
import java.util.List;

/** Runs the funds gate rules of guide §3.6 with a given ruleset. */
final class FundingService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(FundingService.class);

    private FundingService() {}

    public static FundsOutcome assess(CompiledRuleset ruleset, FundsStatus funds) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(FundingService.CAPABILITY, List.of(funds));
        FundsDecision decision = evaluation.single(FundsDecision.class);
        MinimumArrivalRate minimum = evaluation.single(MinimumArrivalRate.class);
        List<FundsFinding> findings = evaluation.all(FundsFinding.class).stream()
                .sorted(Comparator.comparing(FundsFinding::effect).thenComparing(FundsFinding::ruleId))
                .toList();
        return new FundsOutcome(ruleset, funds, minimum, decision, findings);
    }
}
