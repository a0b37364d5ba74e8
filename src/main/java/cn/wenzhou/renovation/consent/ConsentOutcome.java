package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.decision.RuleFinding;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.List;
import java.util.stream.Stream;

/** What the consent rules concluded about one vote, with the ruleset that concluded it. */
record ConsentOutcome(
        CompiledRuleset ruleset,
        ConsentTally tally,
        BlankBallotTreatment blankBallots,
        CountedVotes votes,
        List<CriterionResult> criteria,
        ConsentDecision decision) {

    /** For a sufficient consent, how the blank ballots went and every criterion; otherwise the failed criteria. */
    public List<RuleFinding> supportingFindings() {
        if (!decision.sufficient()) {
            return List.copyOf(failedCriteria());
        }
        return Stream.concat(Stream.of(blankBallots), criteria.stream())
                .map(RuleFinding.class::cast)
                .toList();
    }

    public List<CriterionResult> failedCriteria() {
        return criteria.stream().filter(c -> !c.passed()).toList();
    }
}
