package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;

/**
 * Which way the signed-but-blank ballots went (annexes 1 and 2), decided by one rule, with the
 * interpretation it rendered from the blank-ballot parameters, if any.
 */
public record BlankBallotTreatment(String ruleId, boolean countedAsAgreeing, String message, String interpretation)
        implements RuleFinding {

    public BlankBallotTreatment(String ruleId, boolean countedAsAgreeing, String message) {
        this(ruleId, countedAsAgreeing, message, null);
    }

    @Override
    public FindingEffect effect() {
        return FindingEffect.CONDITION_MET;
    }
}
