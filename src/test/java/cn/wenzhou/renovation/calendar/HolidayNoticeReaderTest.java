package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A year's notice as staff upload it, read and checked: the made-up 2027 notice (not the State Council's,
 * which is not in this repository) in both forms, each check on its own, and files that are not a notice.
 */
class HolidayNoticeReaderTest {

    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");
    /** Latin words a staff-facing message may contain: names of formats and programs staff use. */
    private static final Pattern CODE_WORD = Pattern.compile("\\b(?!(CSV|UTF|http|https|xlsx|Excel|WPS)\\b)[A-Za-z]{4,}\\b");

    private static String csv;

    @BeforeAll
    static void madeUpNotice() throws IOException {
        csv = Files.readString(MADE_UP_2027, StandardCharsets.UTF_8);
    }

    private static HolidayNoticeReading read(String text) {
        return HolidayNoticeReader.read("2027年放假安排.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static NoticeFinding onlyFinding(HolidayNoticeReading reading) {
        assertThat(reading.notice()).isEmpty();
        assertThat(reading.findings()).hasSize(1);
        NoticeFinding finding = reading.findings().get(0);
        assertThat(finding.message()).as("Chinese, no code words").doesNotContainPattern(CODE_WORD);
        return finding;
    }

    @Test
    void theMadeUpNoticeReadsAsOneYearOf37Days() {
        HolidayNoticeReading reading = read(csv);

        assertThat(reading.findings()).isEmpty();
        assertThat(reading.notice()).hasValueSatisfying(notice -> {
            assertThat(notice.year()).isEqualTo(2027);
            assertThat(notice.days()).hasSize(37);
        });
    }

    @Test
    void theExcelFormStaffDownloadReadsBackToTheSameDays() {
        List<CalendarDay> days = read(csv).notice().orElseThrow().days();

        HolidayNoticeReading reading = HolidayNoticeReader.read("2027年放假安排.xlsx", HolidayNoticeForm.workbook(days));

        assertThat(reading.findings()).isEmpty();
        assertThat(reading.notice().orElseThrow().days()).isEqualTo(days);
    }

    @Test
    void aByteOrderMarkAndChineseHeadersAreRead() {
        String chinese = "\uFEFF" + csv.replace("date,kind,holiday,notice_year,source", "日期,类别,节日,通知年份,来源")
                .replace(",holiday,", ",放假,").replace(",makeup_workday,", ",调休上班,");

        assertThat(read(chinese).notice().orElseThrow().days()).isEqualTo(read(csv).notice().orElseThrow().days());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027/1/1", "2027年1月1日", "2027-1-1"})
    void datesWrittenAsTextInTheWorkbookAreReadInTheCommonForms(String written) throws IOException {
        List<CalendarDay> days = read(csv).notice().orElseThrow().days();
        byte[] form = HolidayNoticeForm.workbook(days);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(form));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(1).getCell(0).setCellValue(written);
            workbook.write(out);
            form = out.toByteArray();
        }

        assertThat(HolidayNoticeReader.read("2027.xlsx", form).notice().orElseThrow().days().get(0).date())
                .isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aMakeUpWorkdayOnAWeekdayIsNamedAtItsLineAndColumn() {
        NoticeFinding finding = onlyFinding(read(csv.replace("2027-02-20,makeup_workday", "2027-02-17,makeup_workday")));

        assertThat(finding.where()).isEqualTo("第 16 行");
        assertThat(finding.field()).isEqualTo("类别");
        assertThat(finding.message()).contains("2027-02-17", "周三", "周六或周日");
    }

    @Test
    void aDateListedTwiceNamesTheLineThatListedItFirst() {
        NoticeFinding finding = onlyFinding(read(csv.replace("2027-01-03,holiday", "2027-01-02,holiday")));

        assertThat(finding.where()).isEqualTo("第 6 行");
        assertThat(finding.field()).isEqualTo("日期");
        assertThat(finding.message()).contains("2027-01-02", "第 5 行");
    }

    @Test
    void aDateOutsideItsNoticeYearIsRefusedButALateDecemberNewYearDayIsNot() {
        NoticeFinding finding = onlyFinding(read(csv.replace("2027-10-07,holiday", "2028-10-07,holiday")));
        assertThat(finding.field()).isEqualTo("日期");
        assertThat(finding.message()).contains("2028-10-07", "2027");

        String withNewYearsEve = csv.replace("2027-01-03,holiday,元旦", "2026-12-31,holiday,元旦");
        assertThat(read(withNewYearsEve).findings()).isEmpty();
    }

    @Test
    void eachColumnIsCheckedOnItsOwn() {
        assertThat(onlyFinding(read(csv.replace("2027-04-03,", "2027-04-31,"))).field()).isEqualTo("日期");
        assertThat(onlyFinding(read(csv.replace("2027-04-03,holiday", "2027-04-03,day_off"))).field()).isEqualTo("类别");
        assertThat(onlyFinding(read(csv.replace("2027-04-03,holiday,清明节", "2027-04-03,holiday,"))).field()).isEqualTo("节日");
        assertThat(onlyFinding(read(csv.replace("2027-04-03,holiday,清明节,2027", "2027-04-03,holiday,清明节,二〇二七"))).field())
                .isEqualTo("通知年份");
        NoticeFinding source = onlyFinding(read(csv.replace("2027-04-03,holiday,清明节,2027,https://", "2027-04-03,holiday,清明节,2027,")));
        assertThat(source.field()).isEqualTo("来源");
        assertThat(source.message()).contains("网址");
    }

    @Test
    void aMissingFestivalIsNamedAndACombinedFestivalCountsForBoth() {
        NoticeFinding finding = onlyFinding(read(csv.lines().filter(line -> !line.contains("端午节"))
                .reduce("", (text, line) -> text + line + "\n")));
        assertThat(finding.field()).isEqualTo("节日");
        assertThat(finding.message()).contains("端午节").doesNotContain("缺少元旦");

        String combined = csv.replace(",中秋节,", ",国庆节、中秋节,");
        assertThat(read(combined).findings()).isEmpty();
    }

    @Test
    void twoNoticeYearsInOneUploadAreRefused() {
        String twoYears = csv + "2028-01-01,holiday,元旦,2028,https://www.gov.cn/example/made-up\n";

        NoticeFinding finding = onlyFinding(read(twoYears));

        assertThat(finding.field()).isEqualTo("通知年份");
        assertThat(finding.message()).contains("2027", "2028");
    }

    @Test
    void aWrongHeaderIsNamedInBothForms() throws IOException {
        // The message quotes the header as uploaded (here the packaged file's own English one), so only its own words are checked.
        HolidayNoticeReading csvReading = read(csv.replace("notice_year", "year"));
        assertThat(csvReading.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.where()).isEqualTo("第 3 行");
            assertThat(finding.message()).startsWith("表头应为“日期,类别,节日,通知年份,来源”，实际为“date,kind,holiday,year,source”");
        });

        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row header = workbook.createSheet("放假安排").createRow(0);
            List.of("日期", "类型", "节日", "通知年份", "来源").forEach(name -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(name));
            workbook.write(out);
            NoticeFinding finding = onlyFinding(HolidayNoticeReader.read("2027.xlsx", out.toByteArray()));
            assertThat(finding.sheet()).isEqualTo("放假安排");
            assertThat(finding.where()).isEqualTo("B1");
            assertThat(finding.message()).contains("类别", "类型");
        }
    }

    @Test
    void twoFilledSheetsAreOneNoticeTooMany() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String name : List.of("2027年", "2028年")) {
                Sheet sheet = workbook.createSheet(name);
                sheet.createRow(0).createCell(0).setCellValue("日期");
            }
            workbook.write(out);

            assertThat(onlyFinding(HolidayNoticeReader.read("2027.xlsx", out.toByteArray())).message()).contains("2027年", "2028年");
        }
    }

    @Test
    void filesThatAreNoNoticeAreFindingsNeverFailures() {
        byte[] large = new byte[HolidayNoticeReader.MAX_CSV_BYTES + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        assertThat(onlyFinding(HolidayNoticeReader.read("big.csv", large)).message()).contains("KB");
        assertThat(onlyFinding(HolidayNoticeReader.read("x.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.UTF_8)))
                .message()).contains("xlsx");
        assertThat(onlyFinding(HolidayNoticeReader.read("gbk.csv", csv.getBytes(Charset.forName("GBK")))).message())
                .contains("UTF-8");
        assertThat(onlyFinding(HolidayNoticeReader.read("empty.csv", new byte[0])).message()).isNotBlank();
        String tooMany = csv + "2027-12-01,holiday,元旦,2027,https://x.example\n".repeat(30);
        assertThat(onlyFinding(read(tooMany)).message()).contains("60");
    }
}
