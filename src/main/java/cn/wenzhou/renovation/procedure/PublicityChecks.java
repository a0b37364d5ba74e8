package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.api.model.PublicityCheck;
import cn.wenzhou.renovation.decision.Reasons;

/** The API form of a publicity finding, the same in the calendar and the procedure responses. */
final class PublicityChecks {

    private PublicityChecks() {}

    public static PublicityCheck toApi(Reasons reasons, PublicityFinding finding) {
        return new PublicityCheck()
                .postedOn(finding.period().postedOn())
                .lastDay(finding.period().lastDay())
                .countedWorkingDays(finding.countedWorkingDays())
                .minimumWorkingDays(finding.minimumWorkingDays())
                .postingDayCounted(finding.startDayCounted())
                .satisfied(finding.longEnough())
                .earliestLastDay(finding.earliestLastDay())
                .reason(reasons.of(finding));
    }
}
