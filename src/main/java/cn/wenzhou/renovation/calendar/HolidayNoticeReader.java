package cn.wenzhou.renovation.calendar;

import cn.wenzhou.renovation.workbook.BoundedWorkbookReader;
import cn.wenzhou.renovation.workbook.CellKind;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookLimits;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Reads one year's notice as staff upload it: the Excel form of {@link HolidayNoticeForm} (any one sheet,
 * Chinese headers in row 1) or the packaged file's CSV form (English or Chinese headers). Every row is
 * checked and every finding is kept, each naming its cell or line and column in Chinese; a notice comes
 * back only when there is none. Nothing in the upload is executed: a formula's cached value is read as a
 * value like any other, and then checked like any other.
 */
final class HolidayNoticeReader {

    /** A notice is a few kilobytes; anything much larger is another file. */
    static final int MAX_CSV_BYTES = 256 * 1024;

    static final int MAX_DAYS = NoticeRules.MAX_DAYS;
    /**
     * A calendar sheet is 5 columns of at most a few dozen rows. Up to 4 sheets are read so that a workbook
     * with a second filled sheet gets a finding naming both rather than a bare refusal; 16 columns and 400
     * rows leave room for notes and the form's formatted empty rows.
     */
    private static final WorkbookLimits LIMITS =
            new WorkbookLimits(4, 400, 16, 4_000, 4L << 20, 8L << 20, 4_000, 1_000);

    private static final String DATE = NoticeRules.DATE;
    private static final String KIND = NoticeRules.KIND;
    private static final String FESTIVAL = NoticeRules.FESTIVAL;
    private static final String YEAR = NoticeRules.YEAR;
    private static final String SOURCE = NoticeRules.SOURCE;
    private static final List<String> FIELDS = List.of(DATE, KIND, FESTIVAL, YEAR, SOURCE);
    private static final Map<String, String> CSV_HEADERS =
            Map.of("date", DATE, "kind", KIND, "holiday", FESTIVAL, "notice_year", YEAR, "source", SOURCE);
    private static final List<DateTimeFormatter> DATE_FORMS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"),
            DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu年M月d日"),
            DateTimeFormatter.ofPattern("uuuu.M.d"));

    private HolidayNoticeReader() {}

    /** One row as uploaded: its cells by column name, and where each came from. */
    private record Row(Map<String, String> values, Map<String, String> where, String line) {}

    private record Rows(String sheet, List<Row> rows, List<NoticeFinding> findings) {

        /** A file read no further: the one finding says why. */
        static Rows refused(NoticeFinding finding) {
            return new Rows(finding.sheet(), List.of(), List.of(finding));
        }
    }

    public static HolidayNoticeReading read(String fileName, byte[] content) {
        boolean workbook = content.length >= 2 && content[0] == 'P' && content[1] == 'K';
        if (content.length >= 4 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF) {
            return HolidayNoticeReading.refused(List.of(
                    new NoticeFinding(fileName, null, null, null, "这是旧版 .xls 或加密的文件：请在 Excel/WPS 中另存为不加密的 .xlsx 后上传")));
        }
        Rows rows = workbook ? workbookRows(fileName, content) : csvRows(fileName, content);
        if (!rows.findings().isEmpty()) {
            return HolidayNoticeReading.refused(rows.findings());
        }
        return check(fileName, rows.sheet(), rows.rows());
    }

    private static Rows csvRows(String file, byte[] content) {
        if (content.length > MAX_CSV_BYTES) {
            return Rows.refused(new NoticeFinding(
                    file,
                    null,
                    null,
                    null,
                    "文件有 " + (content.length + 1023) / 1024
                            + " KB：一年的放假安排通常只有几 KB，请确认上传的是放假安排表（.xlsx 或 .csv），不超过 " + MAX_CSV_BYTES / 1024
                            + " KB"));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\uFFFD') >= 0 || text.indexOf('\0') >= 0) {
            return Rows.refused(new NoticeFinding(
                    file,
                    null,
                    null,
                    null,
                    "文件不是 UTF-8 编码的 CSV，也不是 .xlsx 工作簿：请在 Excel/WPS 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx"));
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT
                .builder()
                .setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(new StringReader(text))) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                String line = "第 " + parser.getCurrentLineNumber() + " 行";
                if (header == null) {
                    header = record.stream()
                            .map(h -> CSV_HEADERS.getOrDefault(h.strip().toLowerCase(Locale.ROOT), h.strip()))
                            .toList();
                    if (!header.equals(FIELDS)) {
                        return Rows.refused(new NoticeFinding(
                                file,
                                null,
                                line,
                                null,
                                "表头应为“日期,类别,节日,通知年份,来源”，实际为“" + String.join(",", record.toList()) + "”"));
                    }
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                Map<String, String> where = new HashMap<>();
                for (int i = 0; i < FIELDS.size(); i++) {
                    values.put(FIELDS.get(i), i < record.size() ? record.get(i).strip() : "");
                    where.put(FIELDS.get(i), line);
                }
                rows.add(new Row(values, where, line));
                if (rows.size() > MAX_DAYS) {
                    break;
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return Rows.refused(new NoticeFinding(
                    file, null, null, null, "无法按 CSV 读取（引号不成对等）：请在 Excel/WPS 中打开后另存为“CSV UTF-8（逗号分隔）”"));
        }
        return new Rows(null, rows, List.of());
    }

    private static Rows workbookRows(String file, byte[] content) {
        WorkbookContent workbook;
        try {
            workbook = BoundedWorkbookReader.read(content, LIMITS, name -> true);
        } catch (WorkbookRefusedException refused) {
            return Rows.refused(new NoticeFinding(
                    file,
                    refused.sheet(),
                    refused.cell(),
                    null,
                    refused.reason() + "（放假安排应是只有一个工作表的 .xlsx，第 1 行为表头：日期 / 类别 / 节日 / 通知年份 / 来源）"));
        }
        if (!workbook.activeContent().isEmpty()) {
            return Rows.refused(new NoticeFinding(file, null, null, null, "工作簿含有宏、外部链接或嵌入对象，不予读取：请把放假安排复制到新建的工作簿中再上传"));
        }
        List<SheetContent> filled =
                workbook.sheets().stream().filter(s -> !s.cells().isEmpty()).toList();
        if (filled.size() != 1) {
            return Rows.refused(new NoticeFinding(
                    file,
                    null,
                    null,
                    null,
                    filled.isEmpty()
                            ? "工作簿是空的：放假安排应写在一个工作表中，第 1 行为表头 日期 / 类别 / 节日 / 通知年份 / 来源"
                            : "工作簿有 " + filled.size() + " 个写有内容的工作表（"
                                    + String.join(
                                            "、",
                                            filled.stream()
                                                    .map(SheetContent::name)
                                                    .toList()) + "）：一次只上传一年的放假安排，写在一个工作表中"));
        }
        SheetContent sheet = filled.get(0);
        for (int column = 0; column < FIELDS.size(); column++) {
            String header =
                    sheet.cell(0, column).map(HolidayNoticeReader::cellText).orElse("");
            if (!header.equals(FIELDS.get(column))) {
                String reference = new org.apache.poi.ss.util.CellReference(0, column).formatAsString(false);
                return Rows.refused(new NoticeFinding(
                        file,
                        sheet.name(),
                        reference,
                        null,
                        "第 1 行第 " + (column + 1) + " 列的表头应为“" + FIELDS.get(column) + "”，实际为“" + header
                                + "”（表头依次为 日期 / 类别 / 节日 / 通知年份 / 来源）"));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r <= sheet.lastRow(); r++) {
            Map<String, String> values = new HashMap<>();
            Map<String, String> where = new HashMap<>();
            boolean empty = true;
            for (int column = 0; column < FIELDS.size(); column++) {
                Optional<SheetCell> cell = sheet.cell(r, column);
                String value = cell.map(HolidayNoticeReader::cellText).orElse("");
                empty &= value.isEmpty();
                values.put(FIELDS.get(column), value);
                where.put(
                        FIELDS.get(column), new org.apache.poi.ss.util.CellReference(r, column).formatAsString(false));
            }
            if (!empty) {
                rows.add(new Row(values, where, "第 " + (r + 1) + " 行"));
            }
        }
        return new Rows(sheet.name(), rows, List.of());
    }

    /** A cell as text: a date cell as yyyy-MM-dd, a whole number without decimals. */
    private static String cellText(SheetCell cell) {
        if (cell.kind() == CellKind.NUMBER) {
            BigDecimal number = new BigDecimal(cell.value());
            if (cell.dateFormatted()) {
                return DateUtil.getLocalDateTime(number.doubleValue(), false)
                        .toLocalDate()
                        .toString();
            }
            return number.stripTrailingZeros().toPlainString();
        }
        return cell.value() == null ? "" : cell.value().strip();
    }

    private static HolidayNoticeReading check(String file, String sheet, List<Row> rows) {
        List<NoticeFinding> findings = new ArrayList<>();
        if (rows.isEmpty()) {
            findings.add(new NoticeFinding(file, sheet, null, null, "没有任何日期：请按通知逐日填写放假和调休上班的日期"));
            return HolidayNoticeReading.refused(findings);
        }
        Optional<String> tooMany = NoticeRules.tooManyDays(rows.size());
        if (tooMany.isPresent()) {
            findings.add(new NoticeFinding(file, sheet, null, null, tooMany.get()));
            return HolidayNoticeReading.refused(findings);
        }
        Map<LocalDate, Row> seen = new HashMap<>();
        Map<LocalDate, CalendarDay.Kind> seenKind = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        List<CalendarDay> days = new ArrayList<>();
        for (Row row : rows) {
            int before = findings.size();
            Optional<LocalDate> date = date(row.values().get(DATE));
            if (date.isEmpty()) {
                findings.add(
                        at(file, sheet, row, DATE, "“" + row.values().get(DATE) + "”不是日期：应写成 2027-01-01 这样的年-月-日"));
            }
            CalendarDay.Kind kind = switch (row.values().get(KIND).toLowerCase(Locale.ROOT)) {
                case HolidayNoticeForm.HOLIDAY, "holiday" -> CalendarDay.Kind.HOLIDAY;
                case HolidayNoticeForm.MAKEUP_WORKDAY, "makeup_workday" -> CalendarDay.Kind.MAKEUP_WORKDAY;
                default -> null;
            };
            if (kind == null) {
                findings.add(at(file, sheet, row, KIND, "“" + row.values().get(KIND) + "”不是类别：应为“放假”或“调休上班”"));
            }
            String festival = row.values().get(FESTIVAL);
            NoticeRules.festivalProblem(festival)
                    .ifPresent(message -> findings.add(at(file, sheet, row, FESTIVAL, message)));
            Integer year = row.values().get(YEAR).matches("\\d{4}")
                    ? Integer.valueOf(row.values().get(YEAR))
                    : null;
            if (year == null) {
                findings.add(at(file, sheet, row, YEAR, "“" + row.values().get(YEAR) + "”不是年份：应为通知所属的年份，如 2027"));
            }
            String source = row.values().get(SOURCE);
            NoticeRules.sourceProblem(source).ifPresent(message -> findings.add(at(file, sheet, row, SOURCE, message)));
            if (findings.size() > before) {
                continue;
            }
            LocalDate day = date.get();
            Row earlier = seen.putIfAbsent(day, row);
            if (earlier != null) {
                findings.add(at(
                        file, sheet, row, DATE, NoticeRules.listedTwice(day, earlier.line(), seenKind.get(day), kind)));
                continue;
            }
            seenKind.put(day, kind);
            Optional<NoticeRules.Broken> misplaced = NoticeRules.placementProblem(day, kind, year);
            if (misplaced.isPresent()) {
                findings.add(at(
                        file,
                        sheet,
                        row,
                        misplaced.get().field(),
                        misplaced.get().message()));
                continue;
            }
            years.add(year);
            days.add(new CalendarDay(day, kind, festival, year, source));
        }
        if (years.size() > 1) {
            findings.add(new NoticeFinding(
                    file,
                    sheet,
                    null,
                    YEAR,
                    "通知年份有 "
                            + String.join(
                                    "、", years.stream().map(String::valueOf).toList()) + " 年：一次只上传一年的放假安排，通知年份都应相同（"
                            + firstOfOtherYear(rows, days) + "）"));
        }
        if (findings.isEmpty()) {
            int year = years.iterator().next();
            Optional<String> missing = NoticeRules.missingFestivals(year, days);
            if (missing.isPresent()) {
                findings.add(new NoticeFinding(file, sheet, null, FESTIVAL, missing.get()));
            } else {
                return new HolidayNoticeReading(Optional.of(new HolidayNotice(year, days)), List.of());
            }
        }
        return HolidayNoticeReading.refused(findings);
    }

    /** Where the first day of a notice year other than the first row's is, for the finding about mixed years. */
    private static String firstOfOtherYear(List<Row> rows, List<CalendarDay> days) {
        int first = days.get(0).noticeYear();
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).noticeYear() != first) {
                return rows.get(i).line() + "为 " + days.get(i).noticeYear() + " 年";
            }
        }
        return "";
    }

    private static NoticeFinding at(String file, String sheet, Row row, String field, String message) {
        return new NoticeFinding(file, sheet, row.where().get(field), field, message);
    }

    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter form : DATE_FORMS) {
            try {
                return Optional.of(
                        LocalDate.parse(text, form.withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            } catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
