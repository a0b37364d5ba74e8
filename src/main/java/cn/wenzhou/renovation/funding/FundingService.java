package cn.wenzhou.renovation.funding;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.Capability;

/** Runs the funds gate of guide §3.6 with the active ruleset. */
@Service
public class FundingService {

    private final RulesetRegistry registry;

    public FundingService(RulesetRegistry registry) {
        this.registry = registry;
    }

    public FundsOutcome assess(String jurisdiction, FundsStatus funds) {
        return assess(registry.forRequest(jurisdiction), funds);
    }

    public static FundsOutcome assess(CompiledRuleset ruleset, FundsStatus funds) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(Capability.FUNDING, List.of(funds));
        FundsDecision decision = evaluation.single(FundsDecision.class);
        MinimumArrivalRate minimum = evaluation.single(MinimumArrivalRate.class);
        List<FundsFinding> findings = evaluation.all(FundsFinding.class).stream()
                .sorted(Comparator.comparing(FundsFinding::effect).thenComparing(FundsFinding::ruleId))
                .toList();
        return new FundsOutcome(ruleset, funds, minimum, decision, findings);
    }

}
