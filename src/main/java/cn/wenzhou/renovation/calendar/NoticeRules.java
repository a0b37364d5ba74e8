package cn.wenzhou.renovation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** What every notice obeys, for the packaged calendar and for an upload alike. */
final class NoticeRules {

    /** The festivals of 《全国年节及纪念日放假办法》 every year's notice arranges. */
    static final List<String> FESTIVALS = List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

    private NoticeRules() {
    }

    /** A notice covers its own year; only a New Year break or its make-up day may fall in late December before. */
    static boolean belongsTo(LocalDate date, int noticeYear) {
        return noticeYear == date.getYear() || noticeYear == date.getYear() + 1 && date.getMonthValue() == 12;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** 周一 … 周日. */
    static String weekday(LocalDate date) {
        return "周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
    }
}
