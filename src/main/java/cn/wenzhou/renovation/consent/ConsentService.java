package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Comparator;
import java.util.List;

/** Tallies a vote under the guide and the statute in force on its date, with a given ruleset. */
final class ConsentService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(ConsentService.class);

    private ConsentService() {}

    public static ConsentOutcome tally(CompiledRuleset ruleset, ConsentTally tally) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(ConsentService.CAPABILITY, List.of(tally));
        List<CriterionResult> criteria = evaluation.all(CriterionResult.class).stream()
                .sorted(Comparator.comparing(CriterionResult::basis).thenComparing(CriterionResult::measure))
                .toList();
        return new ConsentOutcome(
                ruleset,
                tally,
                evaluation.single(BlankBallotTreatment.class),
                evaluation.single(CountedVotes.class),
                criteria,
                evaluation.single(ConsentDecision.class));
    }
}
