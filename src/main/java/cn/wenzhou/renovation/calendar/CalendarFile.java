package cn.wenzhou.renovation.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the calendar file staff maintain ({@code date,kind,holiday,notice_year,source}, {@code #}
 * comments). A mistake in it stops startup with the line at fault, because a wrong holiday would
 * silently shift every deadline. Each notice year in it obeys the same {@link NoticeRules} as an
 * uploaded notice: festival and source on every row, one row per date, days in their notice year,
 * make-up workdays on weekends, all seven festivals and no more than {@value NoticeRules#MAX_DAYS} days a year.
 */
public final class CalendarFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setCommentMarker('#')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CalendarFile() {}

    private static final List<String> HEADER = List.of("date", "kind", "holiday", "notice_year", "source");

    public static OfficialCalendar read(InputStream in, String name) throws IOException {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        Map<LocalDate, Long> lines = new HashMap<>();
        Map<Integer, Long> firstLineOfYear = new TreeMap<>();
        try (Reader reader = new StringReader(tidy(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                CSVParser parser = FORMAT.parse(reader)) {
            if (parser.getHeaderNames().isEmpty()) {
                throw new IllegalStateException(name + ": 节假日日历没有任何日期（文件为空或只有注释）");
            }
            if (!parser.getHeaderNames().equals(HEADER)) {
                throw new IllegalStateException(name + " 表头应为 " + String.join(",", HEADER) + "，实际为 "
                        + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                CalendarDay day = parse(row, name, line);
                CalendarDay earlier = days.putIfAbsent(day.date(), day);
                if (earlier != null) {
                    throw invalid(
                            name,
                            line,
                            NoticeRules.listedTwice(
                                    day.date(), "第 " + lines.get(day.date()) + " 行", earlier.kind(), day.kind()));
                }
                lines.put(day.date(), line);
                firstLineOfYear.putIfAbsent(day.noticeYear(), line);
            }
        }
        if (days.isEmpty()) {
            throw new IllegalStateException(name + ": 节假日日历没有任何日期");
        }
        for (Map.Entry<Integer, Long> year : firstLineOfYear.entrySet()) {
            List<CalendarDay> ofYear = days.values().stream()
                    .filter(day -> day.noticeYear() == year.getKey())
                    .toList();
            String where = name + " 第 " + year.getValue() + " 行起的 " + year.getKey() + " 年通知: ";
            NoticeRules.tooManyDays(ofYear.size()).ifPresent(message -> {
                throw new IllegalStateException(where + message);
            });
            NoticeRules.missingFestivals(year.getKey(), ofYear).ifPresent(message -> {
                throw new IllegalStateException(where + message);
            });
        }
        return new OfficialCalendar(days);
    }

    /**
     * What spreadsheet programs add when staff save the file: a byte order mark ("CSV UTF-8") and
     * lines of spaces. Blank lines stay lines, so reported line numbers still match the file.
     */
    private static String tidy(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.lines().map(line -> line.isBlank() ? "" : line).collect(Collectors.joining("\n"));
    }

    private static CalendarDay parse(CSVRecord row, String name, long line) {
        if (!row.isConsistent()) {
            throw invalid(name, line, "应有 5 列 date,kind,holiday,notice_year,source");
        }
        LocalDate date;
        int noticeYear;
        CalendarDay.Kind kind;
        try {
            date = LocalDate.parse(row.get("date"));
        } catch (DateTimeException e) {
            throw invalid(name, line, "date 列 '" + row.get("date") + "' 不是 yyyy-MM-dd 日期");
        }
        try {
            kind = CalendarDay.Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, line, "kind 列 '" + row.get("kind") + "' 只能是 holiday 或 makeup_workday");
        }
        try {
            noticeYear = Integer.parseInt(row.get("notice_year"));
        } catch (NumberFormatException e) {
            throw invalid(name, line, "notice_year 列 '" + row.get("notice_year") + "' 不是年份");
        }
        String holiday = row.get("holiday");
        NoticeRules.festivalProblem(holiday).ifPresent(message -> {
            throw invalid(name, line, "holiday 列 " + message);
        });
        String source = row.get("source");
        NoticeRules.sourceProblem(source).ifPresent(message -> {
            throw invalid(name, line, "source 列 " + message);
        });
        NoticeRules.placementProblem(date, kind, noticeYear).ifPresent(broken -> {
            throw invalid(name, line, broken.message());
        });
        return new CalendarDay(date, kind, holiday, noticeYear, source);
    }

    private static IllegalStateException invalid(String name, long line, String message) {
        return new IllegalStateException(name + " 第 " + line + " 行: " + message);
    }

    /** The calendar in this file's form, every listed day by date: what a kept version of the calendar holds. */
    public static String write(OfficialCalendar calendar) {
        return "# 中国法定节假日与调休上班日（国务院办公厅每年发布的放假安排通知），由服务保存的日历版本。\n"
                + "# Statutory holidays and make-up workdays, one row per date, as a kept version of the calendar.\n"
                + HolidayNoticeForm.csv(calendar.listedDays());
    }
}
