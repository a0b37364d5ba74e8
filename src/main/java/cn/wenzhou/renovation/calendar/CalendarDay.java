package cn.wenzhou.renovation.calendar;

import java.time.LocalDate;

/** One row of the official calendar: a statutory holiday or a make-up workday, with the notice it comes from. */
public record CalendarDay(LocalDate date, Kind kind, String holiday, int noticeYear, String source) {

    public enum Kind {
        /** 放假: a day off, even on Monday to Friday. */
        HOLIDAY,
        /** 调休上班: a working day, even on Saturday or Sunday. */
        MAKEUP_WORKDAY
    }
}
