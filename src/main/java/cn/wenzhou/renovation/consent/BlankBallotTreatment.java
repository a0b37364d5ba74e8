package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/** Which way the signed-but-blank ballots went (annexes 1 and 2), decided by one rule. */
public record BlankBallotTreatment(String ruleId, boolean countedAsAgreeing, String message) implements RuleFinding {

    @Override
    public FindingEffect effect() {
        return FindingEffect.CONDITION_MET;
    }
}
