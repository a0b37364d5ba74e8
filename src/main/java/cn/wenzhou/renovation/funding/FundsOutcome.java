package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.List;

/** What the funds-gate rules concluded, with the ruleset and the threshold that applied. */
record FundsOutcome(
        CompiledRuleset ruleset,
        FundsStatus funds,
        MinimumArrivalRate minimum,
        FundsDecision decision,
        List<FundsFinding> findings) {

    public List<FundsFinding> supportingFindings() {
        return decision.ready()
                ? findings.stream().filter(f -> !f.effect().blocks()).toList()
                : failedConditions();
    }

    public List<FundsFinding> failedConditions() {
        return findings.stream().filter(f -> f.effect().blocks()).toList();
    }
}
