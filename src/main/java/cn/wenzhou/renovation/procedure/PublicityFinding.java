package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;
import java.time.LocalDate;

/**
 * Whether a publicity period is long enough (§3.4): the working days it counts, the minimum, the
 * earliest last day that would have been enough, and how it was counted under the parameters in force.
 */
public record PublicityFinding(
        String ruleId,
        FindingEffect effect,
        String message,
        PublicityPeriod period,
        int countedWorkingDays,
        int minimumWorkingDays,
        boolean startDayCounted,
        LocalDate earliestLastDay,
        String interpretation)
        implements RuleFinding {

    public boolean longEnough() {
        return effect == FindingEffect.CONDITION_MET;
    }
}
