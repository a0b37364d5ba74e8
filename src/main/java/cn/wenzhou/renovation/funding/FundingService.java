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
        return ruleset.answer(
                CAPABILITY,
                List.of(funds),
                answers -> new FundsOutcome(
                        ruleset,
                        funds,
                        answers.single("minimum arrival rate", MinimumArrivalRate.class),
                        answers.single("funds decision", FundsDecision.class),
                        answers.all("findings", FundsFinding.class).stream()
                                .sorted(Comparator.comparing(FundsFinding::effect)
                                        .thenComparing(FundsFinding::ruleId))
                                .toList()));
    }
}
