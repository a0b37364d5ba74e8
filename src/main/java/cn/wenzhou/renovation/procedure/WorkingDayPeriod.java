package cn.wenzhou.renovation.procedure;

/**
 * Policy parameter from the decision table: a period the guide sets in working days, and whether
 * the day it starts on (the posting day, the site survey day) is itself counted.
 */
public record WorkingDayPeriod(String code, int workingDays, boolean startDayCounted) {

    public static final String PUBLICITY_MINIMUM = "PUBLICITY-MINIMUM";
    public static final String DEPARTMENT_REPLY = "DEPARTMENT-REPLY";

    public WorkingDayPeriod {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数必须至少为 1，不能是 " + workingDays);
        }
    }
}
