package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.decision.TableYesNo;

/**
 * Policy parameter from the decision table: a period the guide sets in working days, and whether
 * the day it starts on (the posting day, the site survey day) is itself counted.
 */
public record WorkingDayPeriod(String code, int workingDays, boolean startDayCounted) {

    public static final String PUBLICITY_MINIMUM = "PUBLICITY-MINIMUM";
    public static final String DEPARTMENT_REPLY = "DEPARTMENT-REPLY";

    /** As written in the table: a whole number of working days and 是/否. */
    public WorkingDayPeriod(String code, String workingDays, String startDayCounted) {
        this(code, wholeDays(workingDays), TableYesNo.parse(startDayCounted));
    }

    private static int wholeDays(String cell) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("工作日数应为整数，不能是 '" + cell.strip() + "'");
        }
    }

    public WorkingDayPeriod {
        if (workingDays < 1) {
            throw new IllegalArgumentException("工作日数必须至少为 1，不能是 " + workingDays);
        }
    }
}
