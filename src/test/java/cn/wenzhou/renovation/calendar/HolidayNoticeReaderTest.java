package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import cn.wenzhou.renovation.testing.HostileWorkbooks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The upload staff use to load next year's State Council notice, read as they would send it: the CSV form, the
 * Excel form they downloaded, or a workbook they typed themselves. Every finding must say where (line or cell),
 * which column, and in Chinese what is wrong and what was expected; nothing an upload holds may throw.
 * The 2027 notice here is MADE UP for tests (src/test/resources/calendar/made-up-2027-notice.csv), not the
 * State Council's.
 */
class HolidayNoticeReaderTest {

    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");
    private static final String MADE_UP_SOURCE = "https://www.gov.cn/example/made-up-2027-notice-for-tests";
    private static final String CSV_NAME = "2027年放假安排.csv";
    private static final String XLSX_NAME = "2027年放假安排.xlsx";
    private static final String SHEET = "放假安排";
    private static final List<String> CHINESE_HEADERS = List.of("日期", "类别", "节日", "通知年份", "来源");

    // In the made-up file, line 3 is the header and line 4 the first day (2027-01-01).
    private static final int HEADER_LINE = 3;

    // --- reading ------------------------------------------------------------------------------------

    private static String madeUp() {
        try {
            return Files.readString(MADE_UP_2027);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CalendarDay> madeUpDays() {
        return csv(madeUp()).notice().orElseThrow().days();
    }

    private static HolidayNoticeReading csv(String text) {
        return HolidayNoticeReader.read(CSV_NAME, text.getBytes(StandardCharsets.UTF_8));
    }

    private static HolidayNoticeReading xlsx(byte[] workbook) {
        return HolidayNoticeReader.read(XLSX_NAME, workbook);
    }

    /** The made-up file with line {@code number} (1-based, as an editor counts) replaced. */
    private static String withLine(String text, int number, Function<String, String> change) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        lines.set(number - 1, change.apply(lines.get(number - 1)));
        return String.join("\n", lines);
    }

    private static String line(String text, int number) {
        return text.split("\n", -1)[number - 1];
    }

    private static String withoutLinesContaining(String text, String fragment) {
        return Arrays.stream(text.split("\n", -1))
                .filter(l -> !l.contains(fragment))
                .collect(Collectors.joining("\n"));
    }

    private static String csvRow(LocalDate date, String kind, String festival, int year) {
        return date + "," + kind + "," + festival + "," + year + "," + MADE_UP_SOURCE;
    }

    /** The only finding of a refused upload. */
    private static NoticeFinding onlyFinding(HolidayNoticeReading reading) {
        assertThat(reading.notice()).as("the upload should be refused").isEmpty();
        assertThat(reading.findings()).as("findings").hasSize(1);
        NoticeFinding finding = reading.findings().get(0);
        assertThat(finding.message()).as("a message staff read").containsPattern("\\p{IsHan}{4}");
        assertThat(finding.describe()).startsWith(finding.file()).endsWith(finding.message());
        return finding;
    }

    // --- workbooks typed by staff, cell by cell -------------------------------------------------------

    /** A one-sheet workbook: each row's values in columns A…; a LocalDate becomes a real Excel date. */
    private static byte[] workbook(List<List<Object>> rows) {
        return workbook(rows, "yyyy-mm-dd", false);
    }

    private static byte[] workbook(List<List<Object>> rows, String dateFormat, boolean date1904) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (date1904) {
                var properties = workbook.getCTWorkbook().isSetWorkbookPr()
                        ? workbook.getCTWorkbook().getWorkbookPr()
                        : workbook.getCTWorkbook().addNewWorkbookPr();
                properties.setDate1904(true);
                assertThat(workbook.isDate1904()).isTrue();
            }
            fill(workbook, SHEET, rows, dateFormat);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XSSFWorkbook workbook, String name, List<List<Object>> rows, String dateFormat) {
        Sheet sheet = workbook.createSheet(name);
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat(dateFormat));
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof LocalDate day) {
                    row.createCell(c).setCellValue(day);
                    row.getCell(c).setCellStyle(date);
                } else if (value instanceof Number number) {
                    row.createCell(c).setCellValue(number.doubleValue());
                } else if (value != null) {
                    row.createCell(c).setCellValue(value.toString());
                }
            }
        }
    }

    /** The header row, then one row per day, with the date cell as {@code date} makes it. */
    private static List<List<Object>> formRows(List<CalendarDay> days, Function<LocalDate, Object> date) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(CHINESE_HEADERS));
        for (CalendarDay day : days) {
            rows.add(new ArrayList<>(List.of(
                    date.apply(day.date()),
                    day.kind() == CalendarDay.Kind.HOLIDAY ? "放假" : "调休上班",
                    day.holiday(),
                    day.noticeYear(),
                    day.source())));
        }
        return rows;
    }

    /** The downloaded form's rows with data row {@code index} (0-based, the sheet's row index + 2) changed. */
    private static byte[] formWith(int index, Function<List<Object>, List<Object>> change) {
        List<List<Object>> rows = formRows(madeUpDays(), d -> d);
        rows.set(index + 1, change.apply(new ArrayList<>(rows.get(index + 1))));
        return workbook(rows);
    }

    private static List<Object> set(List<Object> row, int column, Object value) {
        row.set(column, value);
        return row;
    }

    private static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The workbook with one more part, as Excel stores a macro project in an .xlsm renamed .xlsx. */
    private static byte[] withPart(byte[] workbook, String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] downloadedForm() {
        return HolidayNoticeForm.workbook(madeUpDays());
    }

    // =================================================================================================

    @Nested
    class TheFormsStaffSend {

        @Test
        void theMadeUp2027NoticeReadsAsThirtySevenDays() {
            HolidayNoticeReading reading = csv(madeUp());

            assertThat(reading.findings()).isEmpty();
            HolidayNotice notice = reading.notice().orElseThrow();
            assertThat(notice.year()).isEqualTo(2027);
            assertThat(notice.days()).hasSize(37);
            assertThat(notice.days())
                    .filteredOn(d -> d.kind() == CalendarDay.Kind.MAKEUP_WORKDAY)
                    .extracting(CalendarDay::date)
                    .containsExactly(
                            LocalDate.of(2027, 2, 14),
                            LocalDate.of(2027, 2, 20),
                            LocalDate.of(2027, 5, 8),
                            LocalDate.of(2027, 9, 26),
                            LocalDate.of(2027, 10, 9));
            assertThat(notice.days()).allSatisfy(d -> {
                assertThat(d.noticeYear()).isEqualTo(2027);
                assertThat(d.source()).isEqualTo(MADE_UP_SOURCE);
            });
            assertThat(notice.days().get(0))
                    .isEqualTo(new CalendarDay(
                            LocalDate.of(2027, 1, 1), CalendarDay.Kind.HOLIDAY, "元旦", 2027, MADE_UP_SOURCE));
        }

        @Test
        void theExcelFormWrittenFromTheNoticeReadsBackTheSameNotice() {
            HolidayNotice notice = csv(madeUp()).notice().orElseThrow();

            HolidayNoticeReading reading = xlsx(HolidayNoticeForm.workbook(notice.days()));

            assertThat(reading.findings()).isEmpty();
            assertThat(reading.notice()).contains(notice);
        }

        @Test
        void theCsvFormWrittenFromTheNoticeReadsBackTheSameNotice() {
            HolidayNotice notice = csv(madeUp()).notice().orElseThrow();

            assertThat(csv(HolidayNoticeForm.csv(notice.days())).notice()).contains(notice);
        }

        @Test
        void aCsvSavedByExcelWithAByteOrderMarkReads() {
            assertThat(csv("\uFEFF" + madeUp()).notice())
                    .contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aCsvWithChineseHeadersAndKindsReads() {
            String chinese = withLine(madeUp(), HEADER_LINE, header -> String.join(",", CHINESE_HEADERS))
                    .replace(",holiday,", ",放假,")
                    .replace(",makeup_workday,", ",调休上班,");

            assertThat(csv(chinese).notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aCsvWithWindowsLineEndingsAndBlankLinesReads() {
            String text = madeUp().replace("2027-04-03,", "\n\n2027-04-03,").replace("\n", "\r\n");

            assertThat(csv(text).notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aWorkbookWhoseDatesAreRealExcelDatesReads() {
            byte[] typed = workbook(formRows(madeUpDays(), d -> d));

            assertThat(xlsx(typed).notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aWorkbookWhoseDatesAreShownAsChineseDatesReads() {
            byte[] typed = workbook(formRows(madeUpDays(), d -> d), "yyyy\"年\"m\"月\"d\"日\"", false);

            assertThat(xlsx(typed).notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aWorkbookInTheMacintosh1904DateSystemReadsTheSameDates() {
            byte[] typed = workbook(formRows(madeUpDays(), d -> d), "yyyy-mm-dd", true);

            assertThat(xlsx(typed).notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(strings = {"uuuu/M/d", "uuuu年M月d日", "uuuu-MM-dd", "uuuu.M.d"})
        void aWorkbookWhoseDatesAreTextReadsTheSame(String form) {
            DateTimeFormatter written = DateTimeFormatter.ofPattern(form);
            byte[] typed = workbook(formRows(madeUpDays(), d -> d.format(written)));

            HolidayNoticeReading reading = xlsx(typed);

            assertThat(reading.findings()).isEmpty();
            assertThat(reading.notice()).contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void aWorkbookWhoseNoticeYearIsTextAndWithBlankRowsBetweenFestivalsReads() {
            List<List<Object>> rows = formRows(madeUpDays(), d -> d);
            rows.forEach(row -> {
                if (row.get(3) instanceof Integer year) {
                    row.set(3, String.valueOf(year));
                }
            });
            rows.add(10, Arrays.asList(null, null, null, null, null));
            rows.add(10, List.of("", "", "", "", ""));

            assertThat(xlsx(workbook(rows)).notice())
                    .contains(csv(madeUp()).notice().orElseThrow());
        }

        @Test
        void anEmptySecondSheetAsExcelAddsIsIgnored() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                fill(workbook, SHEET, formRows(madeUpDays(), d -> d), "yyyy-mm-dd");
                workbook.createSheet("Sheet2");
                workbook.write(out);

                assertThat(xlsx(out.toByteArray()).notice())
                        .contains(csv(madeUp()).notice().orElseThrow());
            }
        }

        @Test
        void aLateDecemberNewYearDayOfTheYearBeforeIsAccepted() {
            // Line 6 is 2027-01-03; the 2023 notice really did give 2022-12-31 to New Year's Day.
            String text = withLine(madeUp(), 6, l -> l.replace("2027-01-03", "2026-12-31"));

            HolidayNotice notice = csv(text).notice().orElseThrow();

            assertThat(notice.days().get(0))
                    .isEqualTo(new CalendarDay(
                            LocalDate.of(2026, 12, 31), CalendarDay.Kind.HOLIDAY, "元旦", 2027, MADE_UP_SOURCE));
        }

        @Test
        void aCombinedMidAutumnAndNationalDayBreakCountsForBothFestivals() {
            String text = withoutLinesContaining(madeUp(), ",中秋节,").replace(",国庆节,", ",国庆节、中秋节,");

            HolidayNoticeReading reading = csv(text);

            assertThat(reading.findings()).isEmpty();
            assertThat(reading.notice().orElseThrow().days())
                    .filteredOn(d -> d.date().getMonthValue() == 10)
                    .extracting(CalendarDay::holiday)
                    .containsOnly("国庆节、中秋节");
        }

        @Test
        void sixtyRowsAreStillANotice() {
            // 23 made-up extra spring days on top of the 37: the limit is more than 60 rows, not 60.
            String text = madeUp()
                    + IntStream.rangeClosed(1, 23)
                            .mapToObj(d -> csvRow(LocalDate.of(2027, 3, d), "holiday", "春节", 2027) + "\n")
                            .collect(Collectors.joining());

            assertThat(csv(text).notice())
                    .hasValueSatisfying(n -> assertThat(n.days()).hasSize(60));
        }

        @Test
        void aCsvOfExactly256KilobytesIsRead() {
            String text = madeUp();
            int padding = HolidayNoticeReader.MAX_CSV_BYTES - text.getBytes(StandardCharsets.UTF_8).length;
            String padded = text + "#" + "x".repeat(padding - 2) + "\n";
            assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024);

            assertThat(csv(padded).notice()).isPresent();
        }
    }

    // =================================================================================================

    /** One mistake in an otherwise good notice gives exactly one finding, at its line or cell and column. */
    @Nested
    class EachCheckOnItsOwn {

        @Test
        void aDateThatIsNotADate() {
            // Line 7 is 2027-02-06, the first day of the Spring Festival break.
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 7, l -> l.replace("2027-02-06", "2027-02-30"))));

            assertThat(finding.where()).isEqualTo("第 7 行");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.sheet()).isNull();
            assertThat(finding.message()).contains("“2027-02-30”", "不是日期", "2027-01-01");
        }

        @Test
        void aDateThatIsNotADateInTheWorkbookNamesItsCell() {
            // Data row 5 (0-based) is 2027-02-06, in sheet row 7.
            NoticeFinding finding = onlyFinding(xlsx(formWith(5, row -> set(row, 0, "二月六日"))));

            assertThat(finding.sheet()).isEqualTo(SHEET);
            assertThat(finding.where()).isEqualTo("A7");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.message()).contains("“二月六日”", "不是日期", "2027-01-01");
            assertThat(finding.location()).isEqualTo(XLSX_NAME + " 工作表“放假安排” A7（日期）");
        }

        @Test
        void aMistakeAfterCommentsAndBlankLinesNamesTheLineAsAnEditorNumbersIt() {
            // Two blank lines and a comment before line 7 move it to line 10.
            String text = withLine(madeUp(), 7, l -> "\n# 春节\n\n" + l.replace("2027-02-06", "2027-02-30"));

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.where()).isEqualTo("第 10 行");
        }

        @Test
        void aMistakeOnALastLineWithoutALineEndNamesThatLine() {
            String text = madeUp().stripTrailing().replace("2027-10-09,", "2027-10-99,");

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.where()).isEqualTo("第 40 行");
            assertThat(finding.message()).contains("“2027-10-99”");
        }

        @Test
        void anUnknownKind() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 7, l -> l.replace(",holiday,", ",休息,"))));

            assertThat(finding.where()).isEqualTo("第 7 行");
            assertThat(finding.field()).isEqualTo("类别");
            assertThat(finding.message()).contains("“休息”", "放假", "调休上班");
        }

        @Test
        void anUnknownKindInTheWorkbookNamesItsCell() {
            NoticeFinding finding = onlyFinding(xlsx(formWith(0, row -> set(row, 1, "假期"))));

            assertThat(finding.where()).isEqualTo("B2");
            assertThat(finding.field()).isEqualTo("类别");
            assertThat(finding.message()).contains("“假期”", "放假", "调休上班");
        }

        @Test
        void anEmptyFestival() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 7, l -> l.replace(",春节,", ",,"))));

            assertThat(finding.where()).isEqualTo("第 7 行");
            assertThat(finding.field()).isEqualTo("节日");
            assertThat(finding.message()).contains("未填写节日", "春节");
        }

        @Test
        void anEmptyFestivalInTheWorkbookNamesItsCell() {
            NoticeFinding finding = onlyFinding(xlsx(formWith(36, row -> set(row, 2, null))));

            assertThat(finding.where()).isEqualTo("C38");
            assertThat(finding.field()).isEqualTo("节日");
        }

        @Test
        void aNoticeYearThatIsNotAYear() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 7, l -> l.replace(",2027,", ",二〇二七,"))));

            assertThat(finding.where()).isEqualTo("第 7 行");
            assertThat(finding.field()).isEqualTo("通知年份");
            assertThat(finding.message()).contains("“二〇二七”", "不是年份", "2027");
        }

        @Test
        void aNoticeYearThatIsNotAYearInTheWorkbookNamesItsCell() {
            NoticeFinding finding = onlyFinding(xlsx(formWith(1, row -> set(row, 3, 27))));

            assertThat(finding.where()).isEqualTo("D3");
            assertThat(finding.field()).isEqualTo("通知年份");
            assertThat(finding.message()).contains("“27”", "不是年份");
        }

        @Test
        void aSourceWithoutAnAddressSaysWhatItShouldBe() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 7, l -> l.replace(MADE_UP_SOURCE, "国务院办公厅通知"))));

            assertThat(finding.where()).isEqualTo("第 7 行");
            assertThat(finding.field()).isEqualTo("来源");
            assertThat(finding.message()).contains("http://", "https://");
        }

        @Test
        void aSourceWithoutAnAddressNamesWhatWasWritten() {
            // The brief: every message names the value at fault. A web address without its scheme is the likely slip.
            NoticeFinding finding = onlyFinding(csv(withLine(
                    madeUp(), 7, l -> l.replace(MADE_UP_SOURCE, "www.gov.cn/example/made-up-2027-notice-for-tests"))));

            assertThat(finding.field()).isEqualTo("来源");
            assertThat(finding.message()).contains("www.gov.cn/example/made-up-2027-notice-for-tests");
        }

        @Test
        void aSourceWithoutAnAddressInTheWorkbookNamesItsCell() {
            NoticeFinding finding = onlyFinding(xlsx(formWith(2, row -> set(row, 4, "ftp://www.gov.cn/notice"))));

            assertThat(finding.where()).isEqualTo("E4");
            assertThat(finding.field()).isEqualTo("来源");
        }

        @Test
        void aDateListedTwiceNamesTheEarlierLine() {
            // Line 5 (2027-01-02) repeats line 4's date.
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 5, l -> l.replace("2027-01-02", "2027-01-01"))));

            assertThat(finding.where()).isEqualTo("第 5 行");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.message()).contains("2027-01-01", "第 4 行", "只能有一行");
        }

        @Test
        void aDateListedTwiceWithAnotherKindIsStillADuplicate() {
            // 2027-02-13 is a holiday on line 14; line 15 lists it again as a make-up workday (Saturday).
            NoticeFinding finding =
                    onlyFinding(csv(withLine(madeUp(), 15, l -> l.replace("2027-02-14", "2027-02-13"))));

            assertThat(finding.where()).isEqualTo("第 15 行");
            assertThat(finding.message())
                    .contains("2027-02-13", "第 14 行是放假", "这里又是调休上班", "同一天不能既放假又调休上班")
                    .doesNotContain("只能有一行");
        }

        @Test
        void aDateListedTwiceInTheWorkbookNamesItsCellAndTheEarlierRow() {
            NoticeFinding finding = onlyFinding(xlsx(formWith(1, row -> set(row, 0, LocalDate.of(2027, 1, 1)))));

            assertThat(finding.where()).isEqualTo("A3");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.message()).contains("2027-01-01", "第 2 行");
        }

        @Test
        void aDateOutsideItsNoticeYear() {
            // Line 39 is 2027-10-07.
            NoticeFinding finding =
                    onlyFinding(csv(withLine(madeUp(), 39, l -> l.replace("2027-10-07", "2028-10-07"))));

            assertThat(finding.where()).isEqualTo("第 39 行");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.message()).contains("2028-10-07", "不在 2027 年", "12 月");
        }

        @Test
        void aDateOfTheYearBeforeOutsideDecemberIsOutsideItsNoticeYear() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 6, l -> l.replace("2027-01-03", "2026-11-30"))));

            assertThat(finding.where()).isEqualTo("第 6 行");
            assertThat(finding.message()).contains("2026-11-30", "不在 2027 年");
        }

        @Test
        void anEarlyDecemberDayOfTheYearBeforeIsNoPartOfANewYearBreak() {
            NoticeFinding finding = onlyFinding(csv(withLine(madeUp(), 6, l -> l.replace("2027-01-03", "2026-12-01"))));

            assertThat(finding.where()).isEqualTo("第 6 行");
            assertThat(finding.message()).contains("2026-12-01", "不在 2027 年", "12 月下旬");
        }

        @Test
        void aMakeUpWorkdayOnAWeekday() {
            // Line 40 is Saturday 2027-10-09; Friday 2027-10-08 is a working day anyway.
            NoticeFinding finding =
                    onlyFinding(csv(withLine(madeUp(), 40, l -> l.replace("2027-10-09", "2027-10-08"))));

            assertThat(finding.where()).isEqualTo("第 40 行");
            assertThat(finding.field()).isEqualTo("类别");
            assertThat(finding.message()).contains("2027-10-08", "周五", "周六或周日");
        }

        @Test
        void twoNoticeYearsInOneUpload() {
            // 2027-12-31 is a valid day of a 2028 notice on its own, but not in the same upload as 2027's.
            String text = madeUp() + csvRow(LocalDate.of(2027, 12, 31), "holiday", "元旦", 2028) + "\n";

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isEqualTo("通知年份");
            assertThat(finding.message()).contains("2027", "2028", "都应相同");
        }

        @Test
        void twoNoticeYearsAreNamedWithoutJavasListBrackets() {
            String text = madeUp() + csvRow(LocalDate.of(2027, 12, 31), "holiday", "元旦", 2028) + "\n";

            NoticeFinding finding = onlyFinding(csv(text));

            // "[2027, 2028]" is how Java prints a set, not how a notice writes years.
            assertThat(finding.message()).doesNotContain("[2027, 2028]");
        }

        @Test
        void aMissingFestivalIsNamed() {
            NoticeFinding finding = onlyFinding(csv(withoutLinesContaining(madeUp(), ",端午节,")));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isEqualTo("节日");
            assertThat(finding.message()).startsWith("2027 年的放假安排缺少端午节：").contains("国庆节、中秋节");
        }

        @Test
        void aFestivalWithOnlyAMakeUpWorkdayIsMissing() {
            // The three Qingming holidays dropped, a made-up Sunday make-up workday for it kept.
            String text = withoutLinesContaining(madeUp(), ",清明节,")
                    + csvRow(LocalDate.of(2027, 3, 28), "makeup_workday", "清明节", 2027) + "\n";

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.message()).startsWith("2027 年的放假安排缺少清明节：");
        }

        @Test
        void moreThanSixtyRowsInACsv() {
            String text = madeUp()
                    + IntStream.rangeClosed(1, 24)
                            .mapToObj(d -> csvRow(LocalDate.of(2027, 3, d), "holiday", "春节", 2027) + "\n")
                            .collect(Collectors.joining());

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("超过 60 行");
        }

        @Test
        void moreThanSixtyRowsInAWorkbook() {
            List<CalendarDay> days = new ArrayList<>(madeUpDays());
            IntStream.rangeClosed(1, 24)
                    .forEach(d -> days.add(new CalendarDay(
                            LocalDate.of(2027, 3, d), CalendarDay.Kind.HOLIDAY, "春节", 2027, MADE_UP_SOURCE)));

            NoticeFinding finding = onlyFinding(xlsx(HolidayNoticeForm.workbook(days)));

            assertThat(finding.sheet()).isEqualTo(SHEET);
            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("超过 60 行");
        }

        @Test
        void anEmptyFile() {
            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read(CSV_NAME, new byte[0]));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("没有任何日期");
        }

        @Test
        void aCsvWithOnlyItsHeader() {
            NoticeFinding finding = onlyFinding(csv(String.join(",", CHINESE_HEADERS) + "\n"));

            assertThat(finding.where()).isNull();
            assertThat(finding.message()).contains("没有任何日期");
        }

        @Test
        void aWorkbookWithOnlyItsHeader() {
            NoticeFinding finding = onlyFinding(xlsx(HolidayNoticeForm.workbook(List.of())));

            assertThat(finding.sheet()).isEqualTo(SHEET);
            assertThat(finding.where()).isNull();
            assertThat(finding.message()).contains("没有任何日期");
        }

        @Test
        void anEmptyWorkbook() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                workbook.createSheet(SHEET);
                workbook.write(out);

                NoticeFinding finding = onlyFinding(xlsx(out.toByteArray()));

                assertThat(finding.where()).isNull();
                assertThat(finding.field()).isNull();
                assertThat(finding.message()).contains("工作簿是空的", "日期 / 类别 / 节日 / 通知年份 / 来源");
            }
        }

        @Test
        void aWrongCsvHeaderNamesItsLine() {
            NoticeFinding finding =
                    onlyFinding(csv(withLine(madeUp(), HEADER_LINE, h -> h.replace("date,", "datum,"))));

            assertThat(finding.where()).isEqualTo("第 3 行");
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("“datum,kind,holiday,notice_year,source”", "日期,类别,节日,通知年份,来源");
        }

        @Test
        void aWrongWorkbookHeaderNamesItsCell() {
            List<List<Object>> rows = formRows(madeUpDays(), d -> d);
            rows.set(0, List.of("日期", "类别", "节假日", "通知年份", "来源"));

            NoticeFinding finding = onlyFinding(xlsx(workbook(rows)));

            assertThat(finding.sheet()).isEqualTo(SHEET);
            assertThat(finding.where()).isEqualTo("C1");
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("“节日”", "“节假日”");
        }

        @Test
        void aWorkbookWhoseHeaderRowWasDeletedNamesTheDateAsStaffSeeIt() {
            // Row 1 now holds 2027-01-01 as a real Excel date; the finding should quote it as the sheet shows it.
            List<List<Object>> rows = formRows(madeUpDays(), d -> d);
            rows.remove(0);

            NoticeFinding finding = onlyFinding(xlsx(workbook(rows)));

            assertThat(finding.where()).isEqualTo("A1");
            assertThat(finding.message()).contains("“日期”", "2027-01-01");
        }
    }

    // =================================================================================================

    /** Files that are not a notice, by mistake or on purpose: one Chinese finding, never an exception. */
    @Nested
    class HostileOrWrongFiles {

        @Test
        void aCsvOverTheLimitIsRefusedBeforeItIsParsed() {
            // A megabyte of rows under a wrong header: parsing would have found the header; the size comes first.
            String text = "datum,art\n" + "2027-01-01,放假\n".repeat(70_000);

            NoticeFinding finding = onlyFinding(csv(text));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message())
                    .contains((text.getBytes(StandardCharsets.UTF_8).length + 1023) / 1024 + " KB", "不超过 256 KB");
        }

        @Test
        void aCsvJustOverTheLimitDoesNotClaimToBeAtTheLimit() {
            String text = madeUp();
            String padded = text + "#"
                    + "x".repeat(HolidayNoticeReader.MAX_CSV_BYTES - text.getBytes(StandardCharsets.UTF_8).length - 1)
                    + "\n";
            assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024 + 1);

            NoticeFinding finding = onlyFinding(csv(padded));

            // "文件有 256 KB……不超过 256 KB" would tell staff their file is within the limit it broke.
            assertThat(finding.message()).contains("不超过 256 KB").doesNotContain("文件有 256 KB");
        }

        @Test
        void randomBytesNamedXlsx() {
            byte[] noise = new byte[8_192];
            new Random(18).nextBytes(noise);
            noise[0] = 0x13;

            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read(XLSX_NAME, noise));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains(".xlsx");
        }

        @Test
        void randomBytesAfterAZipSignature() {
            byte[] noise = new byte[8_192];
            new Random(19).nextBytes(noise);
            noise[0] = 'P';
            noise[1] = 'K';

            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read(XLSX_NAME, noise));

            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("不是有效的 .xlsx 工作簿");
        }

        @Test
        void aZipThatIsNotAWorkbook() {
            byte[] archive = zip("说明.txt", "这是压缩包，不是工作簿", "2027.csv", madeUp());

            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read(XLSX_NAME, archive));

            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("不是有效的 .xlsx 工作簿");
        }

        @Test
        void anOldXlsWorkbook() {
            byte[] ole2 = new byte[4_096];
            byte[] signature = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
            };
            System.arraycopy(signature, 0, ole2, 0, signature.length);

            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read("2027年放假安排.xls", ole2));

            assertThat(finding.message()).contains(".xlsx");
        }

        @Test
        void aWorkbookWithTwoFilledSheetsNamesThem() throws IOException {
            try (XSSFWorkbook workbook = new XSSFWorkbook();
                    ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                fill(workbook, SHEET, formRows(madeUpDays(), d -> d), "yyyy-mm-dd");
                fill(workbook, "2026年", formRows(madeUpDays(), d -> d), "yyyy-mm-dd");
                workbook.write(out);

                NoticeFinding finding = onlyFinding(xlsx(out.toByteArray()));

                assertThat(finding.sheet()).isNull();
                assertThat(finding.where()).isNull();
                assertThat(finding.field()).isNull();
                assertThat(finding.message()).contains("2 个写有内容的工作表", "放假安排", "2026年", "一个工作表");
            }
        }

        @Test
        void aWorkbookWithAnExternalLink() {
            NoticeFinding finding = onlyFinding(xlsx(HostileWorkbooks.externalLink(downloadedForm())));

            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("外部链接", "新建的工作簿");
        }

        @Test
        void aWorkbookWithAMacroProject() {
            byte[] macro = withPart(downloadedForm(), "xl/vbaProject.bin", new byte[] {1, 2, 3, 4});

            NoticeFinding finding = onlyFinding(xlsx(macro));

            assertThat(finding.message()).contains("宏", "新建的工作簿");
        }

        @Test
        void aWorkbookWithADdeFormula() {
            NoticeFinding finding = onlyFinding(xlsx(HostileWorkbooks.ddeFormula(downloadedForm(), SHEET, "C2")));

            assertThat(finding.message()).contains("新建的工作簿");
        }

        @Test
        void codeAsAFormulasCachedValueIsCheckedAsTheDateItClaimsToBe() {
            byte[] hostile = HostileWorkbooks.formulaWithCodeInCachedValue(downloadedForm(), SHEET, "A2");

            NoticeFinding finding = onlyFinding(xlsx(hostile));

            assertThat(finding.where()).isEqualTo("A2");
            assertThat(finding.field()).isEqualTo("日期");
            assertThat(finding.message()).contains("不是日期");
        }

        @Test
        void anExternalEntityInTheSheet() {
            NoticeFinding finding = onlyFinding(xlsx(HostileWorkbooks.xxeInSheet(downloadedForm(), SHEET)));

            assertThat(finding.message()).doesNotContain("root:").contains("放假安排");
        }

        @Test
        void aBillionLaughsSheet() {
            NoticeFinding finding = onlyFinding(xlsx(HostileWorkbooks.billionLaughsInSheet(downloadedForm(), SHEET)));

            assertThat(finding.message()).contains("放假安排");
        }

        @Test
        void aZipBombSheet() {
            NoticeFinding finding =
                    onlyFinding(xlsx(HostileWorkbooks.zipBombSheet(downloadedForm(), SHEET, 64L << 20)));

            assertThat(finding.message()).contains("上限");
        }

        @Test
        void aSheetOfTwoHundredThousandRows() {
            NoticeFinding finding = onlyFinding(xlsx(HostileWorkbooks.extraRows(downloadedForm(), SHEET, 200_000)));

            assertThat(finding.message()).contains("上限");
        }

        @Test
        void aCsvSavedInGbkIsRefusedWithAdviceToSaveAsCsvUtf8() {
            String chinese = withLine(madeUp(), HEADER_LINE, header -> String.join(",", CHINESE_HEADERS))
                    .replace(",holiday,", ",放假,")
                    .replace(",makeup_workday,", ",调休上班,");

            NoticeFinding finding =
                    onlyFinding(HolidayNoticeReader.read(CSV_NAME, chinese.getBytes(Charset.forName("GBK"))));

            assertThat(finding.where()).isNull();
            assertThat(finding.field()).isNull();
            assertThat(finding.message()).contains("不是 UTF-8 编码", "CSV UTF-8");
        }

        @Test
        void aCsvSavedAsUnicodeTextIsRefusedWithTheSameAdvice() {
            NoticeFinding finding =
                    onlyFinding(HolidayNoticeReader.read(CSV_NAME, madeUp().getBytes(StandardCharsets.UTF_16LE)));

            assertThat(finding.message()).contains("CSV UTF-8");
        }

        @Test
        void aCsvWithAnUnclosedQuote() {
            String text = withLine(madeUp(), 7, l -> l.replace(",春节,", ",\"春节,"));

            HolidayNoticeReading reading = csv(text);

            assertThat(reading.notice()).isEmpty();
            assertThat(reading.findings())
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(f.message()).containsPattern("\\p{IsHan}{4}"));
        }
    }

    // =================================================================================================

    /** Words such as "workbook" or "DOCTYPE" come from code, not from the notice; staff should never read them. */
    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])");

    private static final List<String> ALLOWED_WORDS = List.of("CSV", "UTF", "http", "https", "xlsx", "Excel", "WPS");
    /** A value quoted back from the upload may be in any language; only the reader's own words are checked. */
    private static final Pattern QUOTED = Pattern.compile("“[^”]*”");
    /** The CSV form's own headers, which the header finding names as the other accepted spelling. */
    private static final List<String> CSV_FORM_HEADERS = List.of("date", "kind", "holiday", "notice_year", "source");

    static Stream<Arguments> badUploads() {
        String madeUp = madeUp();
        byte[] form =
                HolidayNoticeForm.workbook(csv(madeUp).notice().orElseThrow().days());
        byte[] noise = new byte[4_096];
        new Random(7).nextBytes(noise);
        byte[] zipNoise = noise.clone();
        zipNoise[0] = 'P';
        zipNoise[1] = 'K';
        List<List<Object>> headerless =
                formRows(csv(madeUp).notice().orElseThrow().days(), d -> d);
        headerless.remove(0);
        return Stream.of(
                Arguments.of("不是日期", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace("2027-02-06", "2027-02-30")))),
                Arguments.of("类别未知", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace(",holiday,", ",day_off,")))),
                Arguments.of("节日为空", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace(",春节,", ",,")))),
                Arguments.of("年份不对", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace(",2027,", ",year,")))),
                Arguments.of(
                        "来源无网址", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace(MADE_UP_SOURCE, "www.gov.cn")))),
                Arguments.of("日期重复", CSV_NAME, bytes(withLine(madeUp, 5, l -> l.replace("2027-01-02", "2027-01-01")))),
                Arguments.of(
                        "日期不在通知年份", CSV_NAME, bytes(withLine(madeUp, 39, l -> l.replace("2027-10-07", "2028-10-07")))),
                Arguments.of(
                        "调休上班在工作日", CSV_NAME, bytes(withLine(madeUp, 40, l -> l.replace("2027-10-09", "2027-10-08")))),
                Arguments.of(
                        "两个通知年份",
                        CSV_NAME,
                        bytes(madeUp + csvRow(LocalDate.of(2027, 12, 31), "holiday", "元旦", 2028) + "\n")),
                Arguments.of("缺少节日", CSV_NAME, bytes(withoutLinesContaining(madeUp, ",端午节,"))),
                Arguments.of(
                        "超过 60 行",
                        CSV_NAME,
                        bytes(madeUp + (csvRow(LocalDate.of(2027, 3, 1), "holiday", "春节", 2027) + "\n").repeat(30))),
                Arguments.of("空文件", CSV_NAME, new byte[0]),
                Arguments.of(
                        "CSV 表头不对", CSV_NAME, bytes(withLine(madeUp, HEADER_LINE, h -> h.replace("date,", "datum,")))),
                Arguments.of(
                        "工作簿表头不对", XLSX_NAME, workbook(List.of(List.of("Date", "Kind", "Holiday", "Year", "Source")))),
                Arguments.of("工作簿缺表头", XLSX_NAME, workbook(headerless)),
                Arguments.of("CSV 过大", CSV_NAME, bytes("#".repeat(300 * 1024))),
                Arguments.of("随机字节", XLSX_NAME, noise),
                Arguments.of("压缩包签名后的随机字节", XLSX_NAME, zipNoise),
                Arguments.of("不是工作簿的压缩包", XLSX_NAME, zip("readme.txt", "hello")),
                Arguments.of("外部链接", XLSX_NAME, HostileWorkbooks.externalLink(form)),
                Arguments.of("宏", XLSX_NAME, withPart(form, "xl/vbaProject.bin", new byte[] {1, 2, 3})),
                Arguments.of("DDE 公式", XLSX_NAME, HostileWorkbooks.ddeFormula(form, SHEET, "C2")),
                Arguments.of("缓存值是代码", XLSX_NAME, HostileWorkbooks.formulaWithCodeInCachedValue(form, SHEET, "A2")),
                Arguments.of("外部实体", XLSX_NAME, HostileWorkbooks.xxeInSheet(form, SHEET)),
                Arguments.of("实体膨胀", XLSX_NAME, HostileWorkbooks.billionLaughsInSheet(form, SHEET)),
                Arguments.of("行数过多", XLSX_NAME, HostileWorkbooks.extraRows(form, SHEET, 5_000)),
                Arguments.of(
                        "GBK 编码",
                        CSV_NAME,
                        madeUp.replace("date,kind", "日期,kind").getBytes(Charset.forName("GBK"))),
                Arguments.of("引号不成对", CSV_NAME, bytes(withLine(madeUp, 7, l -> l.replace(",春节,", ",\"春节,")))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badUploads")
    void everyFindingIsInChineseWithoutWordsFromCode(String situation, String fileName, byte[] content) {
        HolidayNoticeReading reading = assertThatCodeReturns(() -> HolidayNoticeReader.read(fileName, content));

        assertThat(reading.notice()).as(situation).isEmpty();
        assertThat(reading.findings()).as(situation).isNotEmpty();
        for (NoticeFinding finding : reading.findings()) {
            assertThat(finding.message()).as(situation).containsPattern("\\p{IsHan}{4}");
            String ownWords = QUOTED.matcher(finding.message()).replaceAll("“”");
            List<String> codeWords = new ArrayList<>();
            Matcher word = LATIN_WORD.matcher(ownWords);
            while (word.find()) {
                boolean headerSpelling = finding.message().startsWith("表头应为")
                        && CSV_FORM_HEADERS.stream().anyMatch(h -> h.contains(word.group()));
                if (!ALLOWED_WORDS.contains(word.group()) && !headerSpelling) {
                    codeWords.add(word.group());
                }
            }
            assertThat(codeWords)
                    .as("%s: words from code in “%s”", situation, finding.describe())
                    .isEmpty();
        }
    }

    private static HolidayNoticeReading assertThatCodeReturns(
            java.util.concurrent.Callable<HolidayNoticeReading> read) {
        List<HolidayNoticeReading> result = new ArrayList<>();
        assertThatCode(() -> result.add(read.call()))
                .as("reading must not throw")
                .doesNotThrowAnyException();
        return result.get(0);
    }
}
