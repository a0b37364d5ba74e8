package cn.wenzhou.renovation.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What loading one year's notice changes in the calendar in force: the days it adds, changes and removes. */
record HolidayNoticeDiff(
        int year, boolean newYear, List<CalendarDay> added, List<Change> changed, List<CalendarDay> removed) {

    /**
     * A day listed before and after, with a different kind, festival or source; or a date the calendar lists under
     * another notice year (a late-December day of the year before) that this notice lists too.
     */
    public record Change(CalendarDay before, CalendarDay after) {}

    public static HolidayNoticeDiff between(OfficialCalendar current, HolidayNotice notice) {
        Map<LocalDate, CalendarDay> before = new LinkedHashMap<>();
        current.listedDays().stream()
                .filter(day -> day.noticeYear() == notice.year())
                .forEach(day -> before.put(day.date(), day));
        List<CalendarDay> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (CalendarDay day : notice.days()) {
            // A late-December day may be listed today under the year before's notice; loading this one takes it over.
            CalendarDay was = before.containsKey(day.date())
                    ? before.remove(day.date())
                    : current.listed(day.date()).orElse(null);
            if (was == null) {
                added.add(day);
            } else if (!was.equals(day)) {
                changed.add(new Change(was, day));
            }
        }
        return new HolidayNoticeDiff(
                notice.year(),
                !current.coveredYears().contains(notice.year()),
                added,
                changed,
                List.copyOf(before.values()));
    }

    /**
     * The calendar with that notice year's days replaced by the notice's; every other year as it was, except a date
     * both list, which the notice takes (shown as a change by {@link #between}).
     */
    public static OfficialCalendar merged(OfficialCalendar current, HolidayNotice notice) {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        current.listedDays().stream()
                .filter(day -> day.noticeYear() != notice.year())
                .forEach(day -> days.put(day.date(), day));
        notice.days().forEach(day -> days.put(day.date(), day));
        return new OfficialCalendar(days);
    }
}
