package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/** One funds-gate rule's conclusion (guide §3.6). */
public record FundsFinding(String ruleId, FindingEffect effect, String message) implements RuleFinding {}
