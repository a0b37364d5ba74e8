package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.Calendars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What staff are shown before they activate a notice (the days it adds, changes and removes), and the calendar
 * they get when they do. The 2027 notice is MADE UP for tests, not the State Council's.
 */
class HolidayNoticeDiffTest {

    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");

    private static HolidayNotice madeUp2027() throws IOException {
        return HolidayNoticeReader.read("2027.csv", Files.readAllBytes(MADE_UP_2027))
                .notice()
                .orElseThrow();
    }

    private static CalendarDay day(HolidayNotice notice, LocalDate date) {
        return notice.days().stream()
                .filter(d -> d.date().equals(date))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aNewYearsNoticeAddsEveryDayAndChangesNoOtherYear() throws IOException {
        OfficialCalendar through2026 = Calendars.packagedThrough(2026);
        HolidayNotice notice = madeUp2027();

        HolidayNoticeDiff diff = HolidayNoticeDiff.between(through2026, notice);

        assertThat(diff.year()).isEqualTo(2027);
        assertThat(diff.newYear()).isTrue();
        assertThat(diff.added()).containsExactlyElementsOf(notice.days());
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.removed()).isEmpty();

        OfficialCalendar merged = HolidayNoticeDiff.merged(through2026, notice);
        assertThat(merged.coveredYears())
                .containsExactlyElementsOf(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027));
        assertThat(merged.listedDays())
                .hasSize(through2026.listedDays().size() + 37)
                .containsAll(through2026.listedDays())
                .containsAll(notice.days());
        assertThat(merged.isWorkingDay(LocalDate.of(2027, 2, 20)))
                .as("a made-up Saturday make-up workday")
                .isTrue();
    }

    @Test
    void loadingTheSameNoticeAgainChangesNothing() throws IOException {
        HolidayNotice notice = madeUp2027();
        OfficialCalendar with2027 = HolidayNoticeDiff.merged(Calendars.packagedThrough(2026), notice);

        HolidayNoticeDiff diff = HolidayNoticeDiff.between(with2027, notice);

        assertThat(diff.newYear()).isFalse();
        assertThat(diff.added()).isEmpty();
        assertThat(diff.changed()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(HolidayNoticeDiff.merged(with2027, notice).listedDays()).isEqualTo(with2027.listedDays());
    }

    @Test
    void aCorrectedNoticeShowsTheDayItAddsTheDayItChangesAndTheDayItRemoves() throws IOException {
        HolidayNotice first = madeUp2027();
        OfficialCalendar with2027 = HolidayNoticeDiff.merged(Calendars.packagedThrough(2026), first);
        CalendarDay wrongSaturday = day(first, LocalDate.of(2027, 2, 20));
        CalendarDay renamed = day(first, LocalDate.of(2027, 9, 15));
        List<CalendarDay> corrected = new ArrayList<>(first.days());
        corrected.remove(wrongSaturday);
        CalendarDay rightSunday = new CalendarDay(
                LocalDate.of(2027, 2, 21), CalendarDay.Kind.MAKEUP_WORKDAY, "春节", 2027, wrongSaturday.source());
        corrected.add(rightSunday);
        CalendarDay combined = new CalendarDay(renamed.date(), renamed.kind(), "国庆节、中秋节", 2027, renamed.source());
        corrected.set(corrected.indexOf(renamed), combined);
        HolidayNotice correction = new HolidayNotice(2027, corrected);

        HolidayNoticeDiff diff = HolidayNoticeDiff.between(with2027, correction);

        assertThat(diff.newYear()).isFalse();
        assertThat(diff.added()).containsExactly(rightSunday);
        assertThat(diff.changed()).containsExactly(new HolidayNoticeDiff.Change(renamed, combined));
        assertThat(diff.removed()).containsExactly(wrongSaturday);

        OfficialCalendar after = HolidayNoticeDiff.merged(with2027, correction);
        assertThat(after.listed(LocalDate.of(2027, 2, 20)))
                .as("no longer listed")
                .isEmpty();
        assertThat(after.isWorkingDay(LocalDate.of(2027, 2, 20)))
                .as("an ordinary Saturday again")
                .isFalse();
        assertThat(after.isWorkingDay(LocalDate.of(2027, 2, 21))).isTrue();
        assertThat(after.listed(renamed.date())).contains(combined);
    }

    @Test
    void aNoticesDecemberDayOfTheYearBeforeBelongsToItsNoticeInTheDiffAndTheMerge() {
        // The real 2023 notice gave Saturday 2022-12-31 to New Year's Day; a reload of the 2023 notice without it
        // removes it.
        OfficialCalendar packaged = Calendars.packagedThrough(2026);
        CalendarDay newYearsEve = packaged.listed(LocalDate.of(2022, 12, 31)).orElseThrow();
        assertThat(newYearsEve.noticeYear()).isEqualTo(2023);
        HolidayNotice withoutIt = new HolidayNotice(
                2023,
                packaged.notice(2023).days().stream()
                        .filter(d -> !d.equals(newYearsEve))
                        .toList());

        HolidayNoticeDiff diff = HolidayNoticeDiff.between(packaged, withoutIt);

        assertThat(diff.removed()).containsExactly(newYearsEve);
        assertThat(diff.added()).isEmpty();
        OfficialCalendar merged = HolidayNoticeDiff.merged(packaged, withoutIt);
        assertThat(merged.listed(LocalDate.of(2022, 12, 31))).isEmpty();
        assertThat(merged.notice(2022)).isEqualTo(packaged.notice(2022));
    }

    @Test
    void aDecemberDayTheCalendarListsUnderTheYearBeforeIsAChangeNotAnAddition() throws IOException {
        // Made up: the calendar lists 2026-12-31 under the 2026 notice, and the 2027 notice gives it to New Year's Day.
        OfficialCalendar through2026 = Calendars.packagedThrough(2026);
        assertThat(through2026.listed(LocalDate.of(2026, 12, 31)))
                .as("the packaged 2026 notice lists no 2026-12-31")
                .isEmpty();
        CalendarDay underThe2026Notice = new CalendarDay(
                LocalDate.of(2026, 12, 31),
                CalendarDay.Kind.HOLIDAY,
                "元旦",
                2026,
                "https://www.gov.cn/example/made-up-2026-notice-for-tests");
        java.util.Map<LocalDate, CalendarDay> days = new java.util.HashMap<>();
        through2026.listedDays().forEach(d -> days.put(d.date(), d));
        days.put(underThe2026Notice.date(), underThe2026Notice);
        OfficialCalendar current = new OfficialCalendar(days);
        HolidayNotice first = madeUp2027();
        CalendarDay underThe2027Notice = new CalendarDay(
                LocalDate.of(2026, 12, 31),
                CalendarDay.Kind.HOLIDAY,
                "元旦",
                2027,
                first.days().get(0).source());
        List<CalendarDay> with = new ArrayList<>(first.days());
        with.add(underThe2027Notice);
        HolidayNotice notice = new HolidayNotice(2027, with);

        HolidayNoticeDiff diff = HolidayNoticeDiff.between(current, notice);

        assertThat(diff.newYear()).isTrue();
        assertThat(diff.changed())
                .containsExactly(new HolidayNoticeDiff.Change(underThe2026Notice, underThe2027Notice));
        assertThat(diff.added()).hasSize(37).doesNotContain(underThe2027Notice);
        assertThat(diff.removed()).isEmpty();
        OfficialCalendar merged = HolidayNoticeDiff.merged(current, notice);
        assertThat(merged.listed(LocalDate.of(2026, 12, 31))).contains(underThe2027Notice);
        assertThat(merged.notice(2026).days())
                .doesNotContain(underThe2026Notice)
                .containsExactlyElementsOf(through2026.notice(2026).days());
    }

    @Test
    void mergingReplacesOnlyTheNoticesYear() throws IOException {
        OfficialCalendar with2027 = HolidayNoticeDiff.merged(Calendars.packagedThrough(2026), madeUp2027());
        HolidayNotice replaced2025 = new HolidayNotice(
                2025,
                with2027.notice(2025).days().stream()
                        .map(d -> new CalendarDay(
                                d.date(),
                                d.kind(),
                                d.holiday(),
                                d.noticeYear(),
                                "https://www.gov.cn/example/corrected"))
                        .toList());

        OfficialCalendar merged = HolidayNoticeDiff.merged(with2027, replaced2025);

        assertThat(merged.notice(2025)).isEqualTo(replaced2025);
        for (int year : with2027.coveredYears()) {
            if (year != 2025) {
                assertThat(merged.notice(year)).as("notice year %d", year).isEqualTo(with2027.notice(year));
            }
        }
        assertThat(HolidayNoticeDiff.between(with2027, replaced2025).changed())
                .hasSize(replaced2025.days().size());
    }
}
