package cn.wenzhou.renovation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every notice obeys, for the packaged calendar and for an upload alike: {@link CalendarFile} and
 * {@link HolidayNoticeReader} both ask these questions, each saying where the answer belongs (a line, a
 * cell). Every answer is a Chinese sentence in the notice's terms that says what was expected.
 */
final class NoticeRules {

    /** The festivals of 《全国年节及纪念日放假办法》 every year's notice arranges. */
    static final List<String> FESTIVALS = List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");

    /** The most days one notice has listed is about 40; far more means more than one year's notice. */
    static final int MAX_DAYS = 60;

    static final String DATE = "日期";
    static final String KIND = "类别";
    static final String FESTIVAL = "节日";
    static final String YEAR = "通知年份";
    static final String SOURCE = "来源";

    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    /** A rule a day breaks, and the column it is staff's to correct. */
    record Broken(String field, String message) {}

    private NoticeRules() {}

    /** From this day of December, a New Year break or its make-up day may belong to the next year's notice. */
    private static final int NEW_YEAR_BREAK_FROM_DECEMBER = 20;

    /** A notice covers its own year; only a New Year break or its make-up day may fall in late December before. */
    static boolean belongsTo(LocalDate date, int noticeYear) {
        return noticeYear == date.getYear()
                || noticeYear == date.getYear() + 1
                        && date.getMonthValue() == 12
                        && date.getDayOfMonth() >= NEW_YEAR_BREAK_FROM_DECEMBER;
    }

    static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** 周一 … 周日. */
    static String weekday(LocalDate date) {
        return "周" + "一二三四五六日".charAt(date.getDayOfWeek().getValue() - 1);
    }

    /** 放假 or 调休上班, as the notice says it. */
    static String kindName(CalendarDay.Kind kind) {
        return kind == CalendarDay.Kind.HOLIDAY ? HolidayNoticeForm.HOLIDAY : HolidayNoticeForm.MAKEUP_WORKDAY;
    }

    /** The festivals one 节日 cell names: two joined by 、 when they share a break. */
    static List<String> festivals(String cell) {
        return List.of(cell.split("[、,，/]")).stream().map(String::strip).toList();
    }

    /** The 节日 cell: one of the seven festivals, or two of them sharing a break. */
    static Optional<String> festivalProblem(String festival) {
        if (festival.isBlank()) {
            return Optional.of("未填写节日：应为通知中的节日名称，如“春节”");
        }
        if (!FESTIVALS.containsAll(festivals(festival))) {
            return Optional.of("“" + festival + "”不是通知安排的节日：应为" + String.join("、", FESTIVALS) + "之一，两节连休写成“国庆节、中秋节”");
        }
        return Optional.empty();
    }

    /** The 来源 cell names the notice's web address, so anyone can check the row against it. */
    static Optional<String> sourceProblem(String source) {
        if (URL.matcher(source).find()) {
            return Optional.empty();
        }
        return Optional.of("“" + source + "”不是网址：来源应写明通知的网址（以 http:// 或 https:// 开头），如中国政府网上该通知的页面");
    }

    /** A well-formed day in the right place: in its notice year, and a make-up workday on a weekend. */
    static Optional<Broken> placementProblem(LocalDate date, CalendarDay.Kind kind, int noticeYear) {
        if (!belongsTo(date, noticeYear)) {
            return Optional.of(new Broken(
                    DATE, "日期 " + date + " 不在 " + noticeYear + " 年：一年的通知只安排本年的日期，" + "以及元旦假期在上一年 12 月下旬的几天"));
        }
        if (kind == CalendarDay.Kind.MAKEUP_WORKDAY && !isWeekend(date)) {
            return Optional.of(new Broken(KIND, "调休上班日 " + date + " 是" + weekday(date) + "，本来就是工作日；调休上班日应在周六或周日"));
        }
        return Optional.empty();
    }

    /**
     * A date listed a second time, {@code earlier} saying where first (第 4 行). When the two rows disagree on
     * the kind, the message says that a day cannot be both a holiday and a make-up workday.
     */
    static String listedTwice(LocalDate date, String earlier, CalendarDay.Kind earlierKind, CalendarDay.Kind kind) {
        if (earlierKind != null && kind != null && earlierKind != kind) {
            return "日期 " + date + " 在" + earlier + "是" + kindName(earlierKind) + "，这里又是" + kindName(kind)
                    + "：同一天不能既放假又调休上班，请按通知只保留正确的一行";
        }
        return "日期 " + date + " 在" + earlier + "已经列出：每个日期只能有一行";
    }

    /** More days than any notice lists, for one notice year. */
    static Optional<String> tooManyDays(int days) {
        if (days <= MAX_DAYS) {
            return Optional.empty();
        }
        return Optional.of("超过 " + MAX_DAYS + " 行：一年的通知通常列出 30 至 40 个放假和调休日期，请确认只上传了一年的放假安排");
    }

    /** A notice year without a holiday for each of the seven festivals; {@code days} are that year's. */
    static Optional<String> missingFestivals(int year, Collection<CalendarDay> days) {
        Set<String> named = new LinkedHashSet<>();
        days.stream()
                .filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY)
                .forEach(d -> named.addAll(festivals(d.holiday())));
        List<String> missing =
                FESTIVALS.stream().filter(f -> !named.contains(f)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(year + " 年的放假安排缺少" + String.join("、", missing) + "：通知安排全部七个节日（" + String.join("、", FESTIVALS)
                + "），每个节日至少有一天放假，两节合并放假时节日写成“国庆节、中秋节”");
    }
}
