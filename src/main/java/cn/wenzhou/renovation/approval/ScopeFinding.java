package cn.wenzhou.renovation.approval;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/** Why a project is (CONDITION_MET) or is not (CONDITION_FAILED) within the optimized approval scope of §4(一). */
public record ScopeFinding(String ruleId, FindingEffect effect, String message) implements RuleFinding {}
