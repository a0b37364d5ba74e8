package cn.wenzhou.renovation.catalogue;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/**
 * A plan that reaches for an enhancement item in a category while leaving out a basic item of
 * that category the residents asked for. A warning, not a refusal.
 */
public record PlanWarning(
        String ruleId, Category category, String missingBasicCode, String enhancementCode, String message)
        implements RuleFinding {

    @Override
    public FindingEffect effect() {
        return FindingEffect.CONDITION_FAILED;
    }
}
