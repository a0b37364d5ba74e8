package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.HousingKind;
import java.time.LocalDate;

/** Communities for eligibility tests: an ordinary residential community whose residents want renovation. */
public final class Communities {

    private Communities() {}

    /** Built in the given year, with all three deficiencies of guide §1 or none, decided on the given day. */
    public static Community ordinary(int completionYear, boolean deficient, LocalDate evaluationDate) {
        Community community = new Community();
        community.setCompletionYear(completionYear);
        community.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        community.setListedInShantyRenovationPlan(false);
        community.setStrongRenovationWillingness(true);
        community.setFunctionsIncomplete(deficient);
        community.setFacilitiesIncomplete(deficient);
        community.setPropertyManagementInadequate(deficient);
        community.setEvaluationDate(evaluationDate);
        return community;
    }
}
