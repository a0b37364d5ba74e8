package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/**
 * One eligibility rule's conclusion about a community (guide §1), with the interpretation the rule
 * rendered from the parameter values it applied, if any.
 */
public record Finding(String ruleId, FindingEffect effect, String message, String interpretation)
        implements RuleFinding {

    public Finding(String ruleId, FindingEffect effect, String message) {
        this(ruleId, effect, message, null);
    }
}
