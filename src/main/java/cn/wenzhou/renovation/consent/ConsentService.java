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
        return ruleset.answer(
                CAPABILITY,
                List.of(tally),
                answers -> new ConsentOutcome(
                        ruleset,
                        tally,
                        answers.single("blank ballot treatment", BlankBallotTreatment.class),
                        answers.single("counted votes", CountedVotes.class),
                        answers.all("criteria", CriterionResult.class).stream()
                                .sorted(Comparator.comparing(CriterionResult::basis)
                                        .thenComparing(CriterionResult::measure))
                                .toList(),
                        answers.single("consent decision", ConsentDecision.class)));
    }
}
