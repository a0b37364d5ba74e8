package cn.wenzhou.renovation.eligibility;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/** One eligibility rule's conclusion about a community (guide §1). */
public record Finding(String ruleId, FindingEffect effect, String message) implements RuleFinding {
}
