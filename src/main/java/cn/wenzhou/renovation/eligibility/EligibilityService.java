package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.util.Comparator;
import java.util.List;

/** Runs guide §1's rules on a community with a given ruleset. */
public final class EligibilityService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(EligibilityService.class);

    private EligibilityService() {}

    /** Decides with a given ruleset; the decision rules must produce exactly one answer. */
    public static EligibilityOutcome decide(CompiledRuleset ruleset, Community community) {
        return ruleset.answer(
                CAPABILITY,
                List.of(community),
                answers -> new EligibilityOutcome(
                        ruleset,
                        community.getEvaluationDate(),
                        answers.single("eligibility decision", EligibilityDecision.class),
                        answers.all("findings", Finding.class).stream()
                                .sorted(Comparator.comparing(Finding::effect).thenComparing(Finding::ruleId))
                                .toList()));
    }
}
