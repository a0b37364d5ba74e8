package cn.wenzhou.renovation.funding;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/** Runs the funds gate of guide §3.6 with the active ruleset. */
@Service
public class FundingService {

    private final RulesetRegistry registry;

    public FundingService(RulesetRegistry registry) {
        this.registry = registry;
    }

    public FundsOutcome assess(FundsStatus funds) {
        return assess(registry.defaultRuleset(), funds);
    }

    public static FundsOutcome assess(CompiledRuleset ruleset, FundsStatus funds) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(List.of(funds));
        FundsDecision decision = single(evaluation.all(FundsDecision.class), ruleset, "funds decision");
        MinimumArrivalRate minimum = single(evaluation.all(MinimumArrivalRate.class), ruleset, "minimum arrival rate");
        List<FundsFinding> findings = evaluation.all(FundsFinding.class).stream()
                .sorted(Comparator.comparing(FundsFinding::effect).thenComparing(FundsFinding::ruleId))
                .toList();
        return new FundsOutcome(ruleset, funds, minimum, decision, findings);
    }

    private static <T> T single(List<T> found, CompiledRuleset ruleset, String what) {
        if (found.size() != 1) {
            throw new IllegalStateException("Ruleset " + ruleset.jurisdiction() + "@" + ruleset.version() + " produced "
                    + found.size() + " " + what + "s instead of one");
        }
        return found.get(0);
    }
}
