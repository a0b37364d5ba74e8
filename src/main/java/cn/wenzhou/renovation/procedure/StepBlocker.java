package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/** Something that keeps a step from being complete, as one rule found it. */
public record StepBlocker(String ruleId, int step, String message) implements RuleFinding {

    @Override
    public FindingEffect effect() {
        return FindingEffect.CONDITION_FAILED;
    }
}
