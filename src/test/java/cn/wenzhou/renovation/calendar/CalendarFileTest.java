package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The calendar file staff maintain: a mistake stops startup naming the file and the line (as an
 * editor numbers it, the header being line 1), because a wrong holiday would shift every deadline.
 */
class CalendarFileTest {

    private static final String NAME = "test-holidays.csv";
    private static final String HEADER = "date,kind,holiday,notice_year,source\n";
    private static final String SOURCE = "https://www.gov.cn/zhengce/content/202411/content_6986382.htm";

    private static OfficialCalendar read(String text) throws IOException {
        return CalendarFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), NAME);
    }

    private static IllegalStateException refused(String text) {
        IllegalStateException refused = catchThrowableOfType(IllegalStateException.class, () -> read(text));
        assertThat(refused).as("the file should be refused").isNotNull();
        return refused;
    }

    private static String row(String date, String kind, String holiday, String noticeYear) {
        return date + "," + kind + "," + holiday + "," + noticeYear + "," + SOURCE + "\n";
    }

    /**
     * One made-up holiday for each of the seven festivals of {@code year}, on dates no test here lists, so a
     * file with a test's own rows is a complete year as the notice rules require.
     */
    private static String sevenFestivals(int year) {
        return row(year + "-01-03", "holiday", "元旦", "" + year)
                + row(year + "-02-10", "holiday", "春节", "" + year)
                + row(year + "-04-05", "holiday", "清明节", "" + year)
                + row(year + "-05-02", "holiday", "劳动节", "" + year)
                + row(year + "-06-10", "holiday", "端午节", "" + year)
                + row(year + "-09-15", "holiday", "中秋节", "" + year)
                + row(year + "-10-05", "holiday", "国庆节", "" + year);
    }

    @Test
    void aWellFormedFileIsRead() throws IOException {
        OfficialCalendar calendar = read(HEADER
                + row("2025-10-01", "holiday", "国庆节、中秋节", "2025")
                + row("2025-10-11", "makeup_workday", "国庆节、中秋节", "2025")
                + sevenFestivals(2025));

        assertThat(calendar.coveredYears()).containsExactly(2025);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
        assertThat(calendar.listed(LocalDate.parse("2025-10-01"))).hasValueSatisfying(day -> {
            assertThat(day.holiday()).isEqualTo("国庆节、中秋节");
            assertThat(day.noticeYear()).isEqualTo(2025);
            assertThat(day.source()).isEqualTo(SOURCE);
        });
    }

    @Test
    void commentLinesAndBlankLinesAreIgnored() throws IOException {
        OfficialCalendar calendar = read("# 中国法定节假日与调休上班日\n"
                + "# kind = holiday | makeup_workday\n"
                + "\n"
                + HEADER
                + "\n"
                + "# 2025 年通知\n"
                + row("2025-10-01", "holiday", "国庆节、中秋节", "2025")
                + "\n"
                + "\n"
                + row("2025-10-11", "makeup_workday", "国庆节、中秋节", "2025")
                + sevenFestivals(2025));

        assertThat(calendar.listed(LocalDate.parse("2025-10-01"))).isPresent();
        assertThat(calendar.listed(LocalDate.parse("2025-10-11"))).isPresent();
    }

    @Test
    void windowsLineEndingsAreRead() throws IOException {
        OfficialCalendar calendar = read((HEADER
                        + "# 2025\n"
                        + row("2025-10-01", "holiday", "国庆节、中秋节", "2025")
                        + "\n"
                        + row("2025-10-11", "makeup_workday", "国庆节、中秋节", "2025")
                        + sevenFestivals(2025))
                .replace("\n", "\r\n"));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
    }

    @Test
    void aLineOfOnlySpacesIsIgnoredLikeABlankLine() throws IOException {
        OfficialCalendar calendar = read(HEADER
                + row("2025-10-01", "holiday", "国庆节、中秋节", "2025")
                + "   \n"
                + row("2025-10-11", "makeup_workday", "国庆节、中秋节", "2025")
                + sevenFestivals(2025));

        assertThat(calendar.listed(LocalDate.parse("2025-10-11"))).isPresent();
    }

    @Test
    void aFileSavedByExcelAsCsvUtf8WithAByteOrderMarkIsRead() throws IOException {
        OfficialCalendar calendar =
                read("\uFEFF" + HEADER + row("2025-10-01", "holiday", "国庆节、中秋节", "2025") + sevenFestivals(2025));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
    }

    @Test
    void aByteOrderMarkBeforeTheFirstCommentDoesNotTurnTheCommentIntoTheHeader() throws IOException {
        OfficialCalendar calendar = read(
                "\uFEFF# 中国法定节假日\n" + HEADER + row("2025-10-01", "holiday", "国庆节、中秋节", "2025") + sevenFestivals(2025));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
    }

    @Test
    void aMisspeltHeaderIsRefusedNamingTheFileAndTheColumns() {
        IllegalStateException refused =
                refused("datum,kind,holiday,notice_year,source\n" + row("2025-10-01", "holiday", "国庆节、中秋节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME).contains("date");
    }

    @Test
    void theLastDayOfTheYearBeforeIsAcceptedUnderTheNewYearNotice() throws IOException {
        // The 2023 notice gave 2022-12-31 (a Saturday) to New Year's Day.
        OfficialCalendar calendar = read(HEADER
                + row("2022-12-31", "holiday", "元旦", "2023")
                + row("2023-01-01", "holiday", "元旦", "2023")
                + row("2023-01-02", "holiday", "元旦", "2023")
                + sevenFestivals(2023));

        assertThat(calendar.listed(LocalDate.parse("2022-12-31")))
                .hasValueSatisfying(day -> assertThat(day.noticeYear()).isEqualTo(2023));
        assertThat(calendar.coveredYears()).containsExactly(2023);
    }

    @Test
    void kindIsReadWhateverItsCase() throws IOException {
        OfficialCalendar calendar =
                read(HEADER + row("2025-10-11", "MAKEUP_WORKDAY", "国庆节、中秋节", "2025") + sevenFestivals(2025));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
    }

    @Test
    void aDateThatIsNotADateIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(
                HEADER + row("2025-10-01", "holiday", "国庆节", "2025") + row("2025-02-30", "holiday", "国庆节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 3 行").contains("date 列 '2025-02-30'");
    }

    @Test
    void aDateWrittenWithSlashesIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(HEADER + row("2025/10/01", "holiday", "国庆节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("yyyy-MM-dd");
    }

    @Test
    void anUnknownKindIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(HEADER + row("2025-10-01", "day_off", "国庆节", "2025"));

        assertThat(refused.getMessage())
                .startsWith(NAME + " 第 2 行")
                .contains("kind 列 'day_off'", "holiday", "makeup_workday");
    }

    @Test
    void aMakeUpWorkdayOnAWeekdayIsRefusedNamingItsLine() {
        // Thursday 2025-10-09 is a working day anyway: listing it as make-up is a transcription mistake.
        IllegalStateException refused = refused(HEADER
                + row("2025-10-08", "holiday", "国庆节、中秋节", "2025")
                + row("2025-10-09", "makeup_workday", "国庆节、中秋节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 3 行").contains("2025-10-09", "周四");
    }

    @Test
    void aHolidayOnAWeekendIsAccepted() throws IOException {
        // The break includes weekends: Saturday 2025-10-04 is listed as a holiday.
        OfficialCalendar calendar =
                read(HEADER + row("2025-10-04", "holiday", "国庆节、中秋节", "2025") + sevenFestivals(2025));

        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-04"))).isFalse();
    }

    @Test
    void aDuplicatedDateIsRefusedNamingTheSecondLine() {
        IllegalStateException refused = refused(HEADER
                + row("2025-10-01", "holiday", "国庆节", "2025")
                + row("2025-10-02", "holiday", "国庆节", "2025")
                + row("2025-10-01", "holiday", "国庆节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 4 行").contains("2025-10-01", "第 2 行", "只能有一行");
    }

    @Test
    void aDuplicatedDateIsRefusedEvenWhenTheKindDiffers() {
        IllegalStateException refused = refused(HEADER
                + row("2025-09-28", "makeup_workday", "国庆节", "2025")
                + row("2025-09-28", "holiday", "国庆节", "2025"));

        assertThat(refused.getMessage())
                .startsWith(NAME + " 第 3 行")
                .contains("2025-09-28", "第 2 行是调休上班", "这里又是放假", "同一天不能既放假又调休上班");
    }

    @Test
    void aDateOutsideItsNoticeYearIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(HEADER + row("2025-10-01", "holiday", "国庆节", "2024"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("2025-10-01", "2024");
    }

    @Test
    void aJanuaryDateUnderThePreviousYearsNoticeIsRefused() {
        // Only a New Year break may begin in December of the year before; a notice never reaches forward.
        IllegalStateException refused = refused(HEADER + row("2025-01-02", "holiday", "元旦", "2024"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行");
    }

    @Test
    void aNoticeYearThatIsNotANumberIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(HEADER + row("2025-10-01", "holiday", "国庆节", "二〇二五"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("notice_year");
    }

    @Test
    void aRowWithAMissingColumnIsRefusedNamingItsLine() {
        IllegalStateException refused = refused(HEADER + "2025-10-01,holiday,国庆节,2025\n");

        assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("5 列");
    }

    @Test
    void theLineNumberCountsTheCommentsAndBlankLinesAbove() {
        // Lines 1-2 comments, 3 header, 4 blank, 5 comment, 6 a good row, 7 the bad one.
        IllegalStateException refused = refused("# one\n# two\n" + HEADER + "\n# 2025\n"
                + row("2025-10-01", "holiday", "国庆节", "2025")
                + row("2025-10-09", "makeup_workday", "国庆节", "2025"));

        assertThat(refused.getMessage()).startsWith(NAME + " 第 7 行");
    }

    @Test
    void aBadLastLineWithoutANewlineIsNamedToo() {
        String text = HEADER + row("2025-10-01", "holiday", "国庆节", "2025") + "2025-13-01,holiday,国庆节,2025," + SOURCE;

        assertThat(refused(text).getMessage()).startsWith(NAME + " 第 3 行");
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFile() {
        IllegalStateException refused = refused("");

        assertThat(refused.getMessage()).startsWith(NAME).contains("没有任何日期");
    }

    @Test
    void aFileWithOnlyCommentsAndTheHeaderIsRefused() {
        IllegalStateException refused = refused("# nothing transcribed yet\n" + HEADER);

        assertThat(refused.getMessage()).startsWith(NAME).contains("没有任何日期");
    }

    @Test
    void theRepositoryCalendarHasTheNoticesOf2020To2026() throws IOException {
        try (var in = new java.io.FileInputStream("calendar/cn-public-holidays.csv")) {
            OfficialCalendar calendar = CalendarFile.read(in, "calendar/cn-public-holidays.csv");

            assertThat(calendar.coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        }
    }

    @Test
    void theRepositoryCalendarWrittenAndReadBackIsTheSameCalendar() throws IOException {
        OfficialCalendar packaged;
        try (var in = new java.io.FileInputStream("calendar/cn-public-holidays.csv")) {
            packaged = CalendarFile.read(in, "calendar/cn-public-holidays.csv");
        }

        String written = CalendarFile.write(packaged);
        OfficialCalendar readBack = read(written);

        assertThat(readBack.listedDays()).isEqualTo(packaged.listedDays());
        assertThat(readBack.coveredYears()).isEqualTo(packaged.coveredYears());
        assertThat(CalendarFile.write(readBack)).isEqualTo(written);
        assertThat(written).startsWith("# ").contains("\ndate,kind,holiday,notice_year,source\n");
    }

    @Test
    void aWrittenFieldWithACommaOrQuoteReadsBackUnchanged() throws IOException {
        String source = "https://www.gov.cn/notice.htm ; 另见 \"延长假期\"，https://www.gov.cn/extension.htm";
        OfficialCalendar calendar = read(HEADER + sevenFestivals(2025)).notice(2025).days().stream()
                .map(d -> new CalendarDay(d.date(), d.kind(), d.holiday(), d.noticeYear(), source))
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toMap(CalendarDay::date, d -> d), OfficialCalendar::new));

        assertThat(read(CalendarFile.write(calendar)).listedDays()).isEqualTo(calendar.listedDays());
    }

    /** The packaged file obeys the rules an uploaded notice obeys, each named at its line or notice year. */
    @Nested
    class TheNoticeRules {

        @Test
        void aYearWithoutAllSevenFestivalsIsRefusedNamingTheYearAndTheMissingFestivals() {
            String withoutDragonBoat = sevenFestivals(2025)
                    .lines()
                    .filter(l -> !l.contains("端午节"))
                    .map(l -> l + "\n")
                    .collect(java.util.stream.Collectors.joining());

            IllegalStateException refused = refused(HEADER + sevenFestivals(2024) + withoutDragonBoat);

            assertThat(refused.getMessage())
                    .startsWith(NAME + " 第 9 行起的 2025 年通知")
                    .contains("2025 年的放假安排缺少端午节");
        }

        @Test
        void aFestivalNamedOnlyOnAMakeUpWorkdayIsMissing() {
            String withoutDragonBoat = sevenFestivals(2025)
                    .lines()
                    .filter(l -> !l.contains("端午节"))
                    .map(l -> l + "\n")
                    .collect(java.util.stream.Collectors.joining());

            // Sunday 2025-06-08 as a made-up make-up workday for the Dragon Boat Festival, with no day off for it.
            IllegalStateException refused =
                    refused(HEADER + withoutDragonBoat + row("2025-06-08", "makeup_workday", "端午节", "2025"));

            assertThat(refused.getMessage()).contains("缺少端午节");
        }

        @Test
        void moreThanSixtyDaysInOneNoticeYearIsRefused() {
            StringBuilder text = new StringBuilder(HEADER).append(sevenFestivals(2025));
            for (LocalDate day = LocalDate.of(2025, 7, 1);
                    day.isBefore(LocalDate.of(2025, 8, 24));
                    day = day.plusDays(1)) {
                text.append(row(day.toString(), "holiday", "国庆节", "2025"));
            }

            IllegalStateException refused = refused(text.toString());

            assertThat(refused.getMessage())
                    .startsWith(NAME + " 第 2 行起的 2025 年通知")
                    .contains("超过 60 行");
        }

        @Test
        void sixtyDaysInOneNoticeYearAreRead() throws IOException {
            StringBuilder text = new StringBuilder(HEADER).append(sevenFestivals(2025));
            for (LocalDate day = LocalDate.of(2025, 7, 1);
                    day.isBefore(LocalDate.of(2025, 8, 23));
                    day = day.plusDays(1)) {
                text.append(row(day.toString(), "holiday", "国庆节", "2025"));
            }

            assertThat(read(text.toString()).notice(2025).days()).hasSize(60);
        }

        @Test
        void aSourceWithoutAnAddressIsRefusedNamingItsLine() {
            IllegalStateException refused = refused(
                    HEADER + sevenFestivals(2025).replaceFirst(java.util.regex.Pattern.quote(SOURCE), "国务院办公厅通知"));

            assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("source 列", "国务院办公厅通知", "https://");
        }

        @Test
        void aFestivalThatIsNoneOfTheSevenIsRefusedNamingItsLine() {
            IllegalStateException refused =
                    refused(HEADER + sevenFestivals(2025) + row("2025-12-25", "holiday", "圣诞节", "2025"));

            assertThat(refused.getMessage()).startsWith(NAME + " 第 9 行").contains("holiday 列", "圣诞节", "国庆节、中秋节");
        }

        @Test
        void anEmptyFestivalIsRefusedNamingItsLine() {
            IllegalStateException refused =
                    refused(HEADER + row("2025-10-01", "holiday", "", "2025") + sevenFestivals(2025));

            assertThat(refused.getMessage()).startsWith(NAME + " 第 2 行").contains("未填写节日");
        }

        @Test
        void aYearOfTheRepositoryCalendarIsCheckedOnItsOwn() throws IOException {
            // Two complete years in one file are fine; it is each notice year that must be complete.
            OfficialCalendar calendar = read(HEADER + sevenFestivals(2024) + sevenFestivals(2025));

            assertThat(calendar.coveredYears()).containsExactly(2024, 2025);
        }
    }

    /** Where the service reads the file from: {@code renovation.calendar.file}, packaged copy by default. */
    @Nested
    class WhereTheFileIsRead {

        @TempDir
        Path folder;

        private OfficialCalendar configured(String file) throws IOException {
            return new CalendarVersions(
                            cn.wenzhou.renovation.ruleset.versions.RulesetStore.inMemory(),
                            new CalendarProperties(file, 45),
                            new DefaultResourceLoader())
                    .current();
        }

        @Test
        void theDefaultIsThePackagedCopyOnTheClasspath() throws IOException {
            assertThat(configured("classpath:calendar/cn-public-holidays.csv").coveredYears())
                    .containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        }

        @Test
        void aBarePathIsAFileOnDisk() throws IOException {
            Path file = folder.resolve("holidays-2027.csv");
            Files.writeString(file, HEADER + row("2027-01-01", "holiday", "元旦", "2027") + sevenFestivals(2027));

            assertThat(configured(file.toString()).coveredYears()).containsExactly(2027);
        }

        @Test
        void aFileUrlIsReadToo() throws IOException {
            Path file = folder.resolve("holidays-2027.csv");
            Files.writeString(file, HEADER + row("2027-01-01", "holiday", "元旦", "2027") + sevenFestivals(2027));

            assertThat(configured(file.toUri().toString()).coveredYears()).containsExactly(2027);
        }

        @Test
        void aMissingFileIsRefusedNamingThePathAndTheProperty() {
            String missing = folder.resolve("no-such-file.csv").toString();

            IllegalStateException refused =
                    catchThrowableOfType(IllegalStateException.class, () -> configured(missing));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains(missing, "renovation.calendar.file");
        }

        @Test
        void aMalformedFileIsRefusedNamingThePathAsConfiguredAndTheLine() throws IOException {
            Path file = folder.resolve("holidays.csv");
            Files.writeString(file, HEADER + row("2025-10-09", "makeup_workday", "国庆节", "2025"));

            IllegalStateException refused =
                    catchThrowableOfType(IllegalStateException.class, () -> configured(file.toString()));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).startsWith(file + " 第 2 行");
        }
    }
}
