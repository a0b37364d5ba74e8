package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.time.LocalDate;
import java.util.List;

/** What the eligibility rules concluded, with the ruleset that concluded it. */
public record EligibilityOutcome(
        CompiledRuleset ruleset, LocalDate evaluationDate, EligibilityDecision decision, List<Finding> findings) {

    public boolean isPositive() {
        return decision.eligibility() == Eligibility.PRIORITY_RENOVATION
                || decision.eligibility() == Eligibility.MAY_BE_INCLUDED;
    }

    /** The findings behind the answer: the failed conditions for a "no", all others for a "yes". */
    public List<Finding> supportingFindings() {
        return isPositive()
                ? findings.stream().filter(f -> !f.effect().blocks()).toList()
                : failedConditions();
    }

    /** Why not: the conditions that failed (empty for a positive answer). */
    public List<Finding> failedConditions() {
        return findings.stream().filter(f -> f.effect().blocks()).toList();
    }
}
