package cn.wenzhou.renovation.eligibility;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.Capability;

/** Runs guide §1 on a community with the active ruleset. */
@Service
public class EligibilityService {

    private final RulesetRegistry registry;

    public EligibilityService(RulesetRegistry registry) {
        this.registry = registry;
    }

    /** Decides with the ruleset of the given jurisdiction, the default when null (an unknown code is a 404). */
    public EligibilityOutcome decide(String jurisdiction, Community community) {
        return decide(registry.forRequest(jurisdiction), community);
    }

    /** Decides with a given ruleset; the decision rules must produce exactly one answer. */
    public static EligibilityOutcome decide(CompiledRuleset ruleset, Community community) {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(Capability.ELIGIBILITY, List.of(community));
        EligibilityDecision decision = evaluation.single(EligibilityDecision.class);
        List<Finding> findings = evaluation.all(Finding.class).stream()
                .sorted(Comparator.comparing(Finding::effect).thenComparing(Finding::ruleId))
                .toList();
        return new EligibilityOutcome(ruleset, community.getEvaluationDate(), decision, findings);
    }
}
