package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/**
 * Something that keeps a step from being complete, as one rule found it, with the interpretation the
 * rule rendered from the parameters it applied, if any.
 */
public record StepBlocker(String ruleId, int step, String message, String interpretation) implements RuleFinding {

    public StepBlocker(String ruleId, int step, String message) {
        this(ruleId, step, message, null);
    }

    @Override
    public FindingEffect effect() {
        return FindingEffect.CONDITION_FAILED;
    }
}
