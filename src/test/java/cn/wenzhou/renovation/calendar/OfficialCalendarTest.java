package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Working days on the real State Council calendar ({@code calendar/cn-public-holidays.csv}).
 * Every figure below is counted by hand in the comment next to it: which dates count, which do not.
 */
class OfficialCalendarTest {

    private static OfficialCalendar calendar;

    @BeforeAll
    static void readTheRepositoryCalendar() throws IOException {
        // The notices through 2026: the tests of a year without its notice mean 2027, whatever is packaged later.
        calendar = cn.wenzhou.renovation.testing.Calendars.packagedThrough(2026);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void coversTheYears2020To2026() {
        assertThat(calendar.coveredYears()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    // --- 2025: National Day and Mid-Autumn, 10-01..10-08 off, Sun 09-28 and Sat 10-11 worked -----------------

    @Nested
    class NationalDay2025 {

        @Test
        void sundayTheTwentyEighthOfSeptemberIsAMakeUpWorkday() {
            assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
            assertThat(calendar.listed(d("2025-09-28"))).hasValueSatisfying(day -> {
                assertThat(day.kind()).isEqualTo(CalendarDay.Kind.MAKEUP_WORKDAY);
                assertThat(day.holiday()).isEqualTo("国庆节、中秋节");
            });
        }

        @Test
        void saturdayTheEleventhOfOctoberIsAMakeUpWorkday() {
            assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
        }

        @Test
        void theWeekdaysOfTheBreakAreHolidays() {
            // Wed 10-01, Thu 10-02, Fri 10-03, Mon 10-06, Tue 10-07, Wed 10-08 would be weekdays.
            for (String day :
                    new String[] {"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"}) {
                assertThat(calendar.isWorkingDay(d(day))).as(day).isFalse();
            }
        }

        @Test
        void theEightDaysOfTheBreakCountNoWorkingDay() {
            assertThat(calendar.countWorkingDays(d("2025-10-01"), d("2025-10-08")))
                    .isZero();
        }

        @Test
        void friday26SeptemberToSunday12OctoberHasSevenWorkingDays() {
            // Fri 09-26, Sun 09-28 (make-up), Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10, Sat 10-11 (make-up) = 7;
            // not Sat 09-27, 10-01..10-08 (holidays), Sun 10-12.
            assertThat(calendar.countWorkingDays(d("2025-09-26"), d("2025-10-12")))
                    .isEqualTo(7);
        }

        @Test
        void theWeekendAroundTheSundayMakeUpDayHasOneWorkingDay() {
            // Sat 09-27 rests, Sun 09-28 works.
            assertThat(calendar.countWorkingDays(d("2025-09-27"), d("2025-09-28")))
                    .isEqualTo(1);
        }

        @Test
        void octoberHasEighteenWorkingDays() {
            // 23 weekdays (Wed 10-01 .. Fri 10-31) minus the 6 weekday holidays 10-01/02/03/06/07/08 = 17,
            // plus Sat 10-11 (make-up) = 18.
            assertThat(calendar.countWorkingDays(d("2025-10-01"), d("2025-10-31")))
                    .isEqualTo(18);
        }

        @Test
        void theWholeYearHas248WorkingDays() {
            // 261 weekdays; 18 weekday holidays (01-01; 01-28..31, 02-03, 02-04; 04-04; 05-01, 05-02, 05-05;
            // 06-02; 10-01..03, 10-06..08); 5 make-up days (01-26, 02-08, 04-27, 09-28, 10-11): 261 - 18 + 5.
            assertThat(calendar.countWorkingDays(d("2025-01-01"), d("2025-12-31")))
                    .isEqualTo(248);
        }
    }

    // --- 2026: Spring Festival, 02-15..02-23 off, Sat 02-14 and Sat 02-28 worked ---------------------------

    @Nested
    class SpringFestival2026 {

        @Test
        void bothSaturdaysAroundTheBreakAreMakeUpWorkdays() {
            assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
            assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
        }

        @Test
        void theNineDaysOfTheBreakCountNoWorkingDay() {
            assertThat(calendar.countWorkingDays(d("2026-02-15"), d("2026-02-23")))
                    .isZero();
        }

        @Test
        void monday9FebruaryToSunday1MarchHasElevenWorkingDays() {
            // Mon 02-09..Fri 02-13 = 5, Sat 02-14 (make-up) = 6, 02-15..02-23 none, Tue 02-24..Fri 02-27 = 10,
            // Sat 02-28 (make-up) = 11; Sun 03-01 rests.
            assertThat(calendar.countWorkingDays(d("2026-02-09"), d("2026-03-01")))
                    .isEqualTo(11);
        }

        @Test
        void februaryHasSixteenWorkingDays() {
            // 20 weekdays; 6 weekday holidays (Mon 02-16 .. Fri 02-20, Mon 02-23); 2 make-up Saturdays: 20 - 6 + 2.
            assertThat(calendar.countWorkingDays(d("2026-02-01"), d("2026-02-28")))
                    .isEqualTo(16);
        }

        @Test
        void theFifthWorkingDayAfterThursday12FebruaryIsThursday26February() {
            // Fri 02-13 (1), Sat 02-14 make-up (2), break, Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5).
            assertThat(calendar.workingDayAfter(d("2026-02-12"), 5)).isEqualTo(d("2026-02-26"));
        }

        @Test
        void theFirstWorkingDayAfterFriday13FebruaryIsTheMakeUpSaturday() {
            assertThat(calendar.workingDayAfter(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        }

        @Test
        void theWholeYearHas248WorkingDays() {
            // 261 weekdays; 19 weekday holidays (01-01, 01-02; 02-16..20, 02-23; 04-06; 05-01, 05-04, 05-05;
            // 06-19; 09-25; 10-01, 10-02, 10-05..07); 6 make-up days (01-04, 02-14, 02-28, 05-09, 09-20, 10-10).
            assertThat(calendar.countWorkingDays(d("2026-01-01"), d("2026-12-31")))
                    .isEqualTo(248);
        }
    }

    // --- 2024 and 2020 ----------------------------------------------------------------------------------

    @Nested
    class EarlierYears {

        @Test
        void nationalDay2024FromSaturday28SeptemberToSunday13OctoberHasSevenWorkingDays() {
            // Sun 09-29 (make-up), Mon 09-30, Tue 10-08 .. Fri 10-11 (4), Sat 10-12 (make-up) = 7;
            // 10-01..10-07 are the break.
            assertThat(calendar.countWorkingDays(d("2024-09-28"), d("2024-10-13")))
                    .isEqualTo(7);
        }

        @Test
        void springFestival2024BetweenItsTwoMakeUpSundaysHasSevenWorkingDays() {
            // Sun 02-04 (make-up), Mon 02-05 .. Fri 02-09 (5), break 02-10..02-17, Sun 02-18 (make-up) = 7.
            assertThat(calendar.countWorkingDays(d("2024-02-04"), d("2024-02-18")))
                    .isEqualTo(7);
        }

        @Test
        void theLeapDayOf2024IsAnOrdinaryThursday() {
            // Mon 02-26 .. Fri 03-01, Thu 02-29 included = 5.
            assertThat(calendar.countWorkingDays(d("2024-02-26"), d("2024-03-01")))
                    .isEqualTo(5);
        }

        @Test
        void theWholeYear2024Has251WorkingDays() {
            assertThat(calendar.countWorkingDays(d("2024-01-01"), d("2024-12-31")))
                    .isEqualTo(251);
        }

        @Test
        void theExtendedSpringFestivalOf2020MadeSaturday1FebruaryADayOff() {
            // The notice of 2019-11-21 had Sat 02-01 as a make-up day; the extension to 02-02 cancelled it.
            assertThat(calendar.isWorkingDay(d("2020-02-01"))).isFalse();
            assertThat(calendar.isWorkingDay(d("2020-01-19"))).isTrue();
        }

        @Test
        void springFestival2020FromMonday20JanuaryToFriday7FebruaryHasNineWorkingDays() {
            // Mon 01-20 .. Thu 01-23 (4), break 01-24..02-02, Mon 02-03 .. Fri 02-07 (5) = 9.
            assertThat(calendar.countWorkingDays(d("2020-01-20"), d("2020-02-07")))
                    .isEqualTo(9);
        }

        @Test
        void theFirstWorkingDayAfterThursday23January2020IsMonday3February() {
            assertThat(calendar.workingDayAfter(d("2020-01-23"), 1)).isEqualTo(d("2020-02-03"));
        }

        @Test
        void nationalDay2020FromSaturday26SeptemberToSunday11OctoberHasSixWorkingDays() {
            // Sun 09-27 (make-up), Mon 09-28, Tue 09-29, Wed 09-30, Fri 10-09, Sat 10-10 (make-up) = 6;
            // 10-01..10-08 are the break.
            assertThat(calendar.countWorkingDays(d("2020-09-26"), d("2020-10-11")))
                    .isEqualTo(6);
        }

        @Test
        void theWholeYear2020Has249WorkingDays() {
            // 262 weekdays (leap year starting on Wednesday); 19 weekday holidays; 6 make-up days.
            assertThat(calendar.countWorkingDays(d("2020-01-01"), d("2020-12-31")))
                    .isEqualTo(249);
        }

        @Test
        void newYearsEve2022IsListedUnderThe2023Notice() {
            assertThat(calendar.listed(d("2022-12-31"))).hasValueSatisfying(day -> {
                assertThat(day.kind()).isEqualTo(CalendarDay.Kind.HOLIDAY);
                assertThat(day.noticeYear()).isEqualTo(2023);
            });
            // Fri 12-30 works, 12-31..01-02 off, Tue 01-03 works.
            assertThat(calendar.countWorkingDays(d("2022-12-30"), d("2023-01-03")))
                    .isEqualTo(2);
        }
    }

    // --- the N-th working day after a date (the start day itself is not counted) ----------------------------

    @Nested
    class WorkingDayAfter {

        @Test
        void anOrdinaryWeekNeedsNoListedDay() {
            // Mon 2025-03-03: Tue (1), Wed (2), Thu (3), Fri (4), next Mon 03-10 (5).
            assertThat(calendar.workingDayAfter(d("2025-03-03"), 5)).isEqualTo(d("2025-03-10"));
        }

        @Test
        void theStartDayIsNotCountedEvenWhenItIsAWorkingDay() {
            assertThat(calendar.workingDayAfter(d("2025-03-03"), 1)).isEqualTo(d("2025-03-04"));
        }

        @Test
        void fromAHolidayTheFirstWorkingDayIsTheFirstDayBackAfterTheBreak() {
            // Fri 2025-10-03 is a holiday; 10-04..10-08 too; Thu 10-09 is the first working day.
            assertThat(calendar.workingDayAfter(d("2025-10-03"), 1)).isEqualTo(d("2025-10-09"));
        }

        @Test
        void fromAHolidayTheThirdWorkingDayIsTheMakeUpSaturday() {
            // Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 make-up (3).
            assertThat(calendar.workingDayAfter(d("2025-10-03"), 3)).isEqualTo(d("2025-10-11"));
        }

        @Test
        void fromAMakeUpSaturdayTheFirstWorkingDayIsTheFollowingMonday() {
            // Sat 2025-10-11 is worked but not counted as it is the start; Sun 10-12 rests; Mon 10-13.
            assertThat(calendar.workingDayAfter(d("2025-10-11"), 1)).isEqualTo(d("2025-10-13"));
        }

        @Test
        void fromTheSpringFestivalMakeUpSaturdayTheFirstWorkingDayIsAfterTheBreak() {
            // Sat 2026-02-14 (start, not counted), 02-15..02-23 off, Tue 02-24.
            assertThat(calendar.workingDayAfter(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        }

        @Test
        void fiveWorkingDaysAfterASurveyTheThursdayBeforeTheBreakRunPastNationalDay() {
            // Thu 2025-09-25: Fri 09-26 (1), Sun 09-28 (2), Mon 09-29 (3), Tue 09-30 (4), Thu 10-09 (5).
            assertThat(calendar.workingDayAfter(d("2025-09-25"), 5)).isEqualTo(d("2025-10-09"));
        }

        @Test
        void zeroWorkingDaysIsRefused() {
            IllegalArgumentException refused = catchThrowableOfType(
                    IllegalArgumentException.class, () -> calendar.workingDayAfter(d("2025-03-03"), 0));

            assertThat(refused).isNotNull();
        }
    }

    // --- a period whose start day may or may not count ---------------------------------------------------

    @Nested
    class PeriodEnd {

        @Test
        void postedMonday22September2025FiveWorkingDaysEndOnTheMakeUpSunday() {
            // Start not counted: Tue 09-23 (1), Wed (2), Thu (3), Fri 09-26 (4), Sun 09-28 make-up (5).
            assertThat(calendar.periodEnd(d("2025-09-22"), 5, false)).isEqualTo(d("2025-09-28"));
        }

        @Test
        void postedMonday22September2025CountingThePostingDayFiveWorkingDaysEndOnFriday() {
            // Start counted: Mon 09-22 (1), Tue (2), Wed (3), Thu (4), Fri 09-26 (5).
            assertThat(calendar.periodEnd(d("2025-09-22"), 5, true)).isEqualTo(d("2025-09-26"));
        }

        @Test
        void postedFriday26September2025FiveWorkingDaysRunAcrossTheBreakToFriday10October() {
            // Sun 09-28 (1), Mon 09-29 (2), Tue 09-30 (3), Thu 10-09 (4), Fri 10-10 (5).
            assertThat(calendar.periodEnd(d("2025-09-26"), 5, false)).isEqualTo(d("2025-10-10"));
        }

        @Test
        void postedOnTheMakeUpSundayNotCountingItFiveWorkingDaysEndOnTheMakeUpSaturday() {
            // Mon 09-29 (1), Tue 09-30 (2), Thu 10-09 (3), Fri 10-10 (4), Sat 10-11 make-up (5).
            assertThat(calendar.periodEnd(d("2025-09-28"), 5, false)).isEqualTo(d("2025-10-11"));
        }

        @Test
        void postedOnTheMakeUpSundayCountingItTheSundayIsTheFirstWorkingDay() {
            // Sun 09-28 (1), Mon 09-29 (2), Tue 09-30 (3), Thu 10-09 (4), Fri 10-10 (5).
            assertThat(calendar.periodEnd(d("2025-09-28"), 5, true)).isEqualTo(d("2025-10-10"));
        }

        @Test
        void postedOnARestingSaturdayCountingTheStartDayChangesNothing() {
            // Sat 09-27 is no working day, so counting it adds nothing: Sun 09-28 (1) .. Fri 10-10 (5).
            assertThat(calendar.periodEnd(d("2025-09-27"), 5, true)).isEqualTo(d("2025-10-10"));
            assertThat(calendar.periodEnd(d("2025-09-27"), 5, false)).isEqualTo(d("2025-10-10"));
        }

        @Test
        void postedOnAHolidayCountingTheStartDayChangesNothing() {
            // Wed 10-01 is a holiday: Thu 10-09 (1), Fri 10-10 (2), Sat 10-11 (3), Mon 10-13 (4), Tue 10-14 (5).
            assertThat(calendar.periodEnd(d("2025-10-01"), 5, true)).isEqualTo(d("2025-10-14"));
            assertThat(calendar.periodEnd(d("2025-10-01"), 5, false)).isEqualTo(d("2025-10-14"));
        }

        @Test
        void aOneDayPeriodCountingTheStartDayEndsOnTheStartDay() {
            assertThat(calendar.periodEnd(d("2025-09-22"), 1, true)).isEqualTo(d("2025-09-22"));
        }

        @Test
        void aOneDayPeriodNotCountingTheStartDayEndsOnTheNextWorkingDay() {
            assertThat(calendar.periodEnd(d("2025-09-26"), 1, false)).isEqualTo(d("2025-09-28"));
        }

        @Test
        void countingAPeriodWithoutItsStartDaySkipsThePostingDay() {
            // Posted Fri 09-26, last day Thu 10-09: Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09 = 4 (not 09-26).
            assertThat(calendar.countPeriod(d("2025-09-26"), d("2025-10-09"), false))
                    .isEqualTo(4);
        }

        @Test
        void countingAPeriodWithItsStartDayIncludesThePostingDay() {
            // Fri 09-26 as well: 5.
            assertThat(calendar.countPeriod(d("2025-09-26"), d("2025-10-09"), true))
                    .isEqualTo(5);
        }

        @Test
        void aPeriodEndingOnItsStartDayCountsNothingWithoutTheStartDay() {
            assertThat(calendar.countPeriod(d("2025-09-26"), d("2025-09-26"), false))
                    .isZero();
        }
    }

    // --- years the calendar does not hold ---------------------------------------------------------------

    @Nested
    class UncoveredYears {

        @Test
        void aDateIn2019IsRefusedNotGuessedFromItsWeekday() {
            DateNotCoveredException refused =
                    catchThrowableOfType(DateNotCoveredException.class, () -> calendar.isWorkingDay(d("2019-12-31")));

            assertThat(refused).isNotNull();
            assertThat(refused.field()).isEqualTo("date");
            assertThat(refused.date()).isEqualTo(d("2019-12-31"));
            assertThat(refused.getMessage()).contains("2019-12-31", "2019", "2020–2026");
        }

        @Test
        void aDateIn2027IsRefusedNamingTheFieldThatCarriedIt() {
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.requireCovered("siteSurveyOn", d("2027-01-04")));

            assertThat(refused).isNotNull();
            assertThat(refused.field()).isEqualTo("siteSurveyOn");
            assertThat(refused.date()).isEqualTo(d("2027-01-04"));
            assertThat(refused.countedFrom()).isEmpty();
            assertThat(refused.getMessage()).contains("2027", "国务院办公厅关于2027年部分节假日安排的通知");
        }

        @Test
        void aDateInACoveredYearIsReturnedAsIs() {
            assertThat(calendar.requireCovered("siteSurveyOn", d("2026-12-31"))).isEqualTo(d("2026-12-31"));
        }

        @Test
        void aRangeRunningInto2027IsRefusedAtNewYearsDay() {
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.countWorkingDays(d("2026-12-28"), d("2027-01-05")));

            assertThat(refused).isNotNull();
            assertThat(refused.date()).isEqualTo(d("2027-01-01"));
        }

        @Test
        void aRangeStartingIn2019IsRefused() {
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.countWorkingDays(d("2019-12-30"), d("2020-01-03")));

            assertThat(refused).isNotNull();
            assertThat(refused.date()).isEqualTo(d("2019-12-30"));
        }

        @Test
        void countingForwardPast31December2026IsRefusedNamingTheStart() {
            // Wed 2026-12-30: Thu 12-31 (1), then 2027-01-01 is not in the calendar.
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.workingDayAfter(d("2026-12-30"), 5));

            assertThat(refused).isNotNull();
            assertThat(refused.date()).isEqualTo(d("2027-01-01"));
            assertThat(refused.countedFrom()).contains(d("2026-12-30"));
            assertThat(refused.getMessage()).contains("从 2026-12-30 起计算工作日时到达", "2027-01-01");
        }

        @Test
        void countingForwardThatEndsOn31December2026IsAnswered() {
            // Thu 12-24: Fri 12-25 (1), Mon 12-28 (2), Tue (3), Wed (4), Thu 12-31 (5).
            assertThat(calendar.workingDayAfter(d("2026-12-24"), 5)).isEqualTo(d("2026-12-31"));
        }

        @Test
        void aPeriodEndPast31December2026IsRefused() {
            // Fri 12-25 not counted: Mon 12-28 .. Thu 12-31 are only 4.
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.periodEnd(d("2026-12-25"), 5, false));

            assertThat(refused).isNotNull();
            assertThat(refused.countedFrom()).contains(d("2026-12-25"));
        }

        @Test
        void blamingTheRefusalOnARequestFieldKeepsTheDateAndTheStart() {
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.workingDayAfter(d("2026-12-31"), 1));

            DateNotCoveredException blamed = refused.blame("deadline.start");

            assertThat(blamed.field()).isEqualTo("deadline.start");
            assertThat(blamed.date()).isEqualTo(d("2027-01-01"));
            assertThat(blamed.countedFrom()).contains(d("2026-12-31"));
            assertThat(blamed.getMessage()).isEqualTo(refused.getMessage());
        }

        @Test
        void theNewYearsEveOf2019IsAStartFromWhichOnly2020IsCounted() {
            // The start day is not counted, so nothing of 2019 is needed: 2020-01-01 is a holiday, Thu 01-02 (1).
            assertThat(calendar.workingDayAfter(d("2019-12-31"), 1)).isEqualTo(d("2020-01-02"));
        }

        @Test
        void theNewYearsEveOf2019CannotBeAStartDayThatCounts() {
            DateNotCoveredException refused = catchThrowableOfType(
                    DateNotCoveredException.class, () -> calendar.periodEnd(d("2019-12-31"), 5, true));

            assertThat(refused).isNotNull();
            assertThat(refused.date()).isEqualTo(d("2019-12-31"));
        }
    }
}
