package cn.wenzhou.renovation.calendar;

import java.util.List;

/** One year's State Council notice: its holidays and make-up workdays, by date. */
public record HolidayNotice(int year, List<CalendarDay> days) {

    public HolidayNotice {
        days = days.stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::date))
                .toList();
    }
}
