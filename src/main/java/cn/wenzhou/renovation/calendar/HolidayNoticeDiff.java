package cn.wenzhou.renovation.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What loading one year's notice changes in the calendar in force: the days it adds, changes and removes. */
public record HolidayNoticeDiff(int year, boolean newYear, List<CalendarDay> added, List<Change> changed,
        List<CalendarDay> removed) {

    /** A day listed before and after, with a different kind, festival or source. */
    public record Change(CalendarDay before, CalendarDay after) {
    }

    public static HolidayNoticeDiff between(OfficialCalendar current, HolidayNotice notice) {
        Map<LocalDate, CalendarDay> before = new LinkedHashMap<>();
        current.listedDays().stream().filter(day -> day.noticeYear() == notice.year()).forEach(day -> before.put(day.date(), day));
        List<CalendarDay> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (CalendarDay day : notice.days()) {
            CalendarDay was = before.remove(day.date());
            if (was == null) {
                added.add(day);
            } else if (!was.equals(day)) {
                changed.add(new Change(was, day));
            }
        }
        return new HolidayNoticeDiff(notice.year(), !current.coveredYears().contains(notice.year()), added, changed,
                List.copyOf(before.values()));
    }

    /** The calendar with that notice year's days replaced by the notice's; every other year as it was. */
    public static OfficialCalendar merged(OfficialCalendar current, HolidayNotice notice) {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        current.listedDays().stream().filter(day -> day.noticeYear() != notice.year()).forEach(day -> days.put(day.date(), day));
        notice.days().forEach(day -> days.put(day.date(), day));
        return new OfficialCalendar(days);
    }
}
