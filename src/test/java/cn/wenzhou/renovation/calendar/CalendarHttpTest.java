package cn.wenzhou.renovation.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.Calendars;
import cn.wenzhou.renovation.testing.FixedWenzhouClock;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/calendar/working-days} through the real Spring context, the packaged calendar and the real rules. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedWenzhouClock.class)
class CalendarHttpTest {

    @TempDir
    static Path folder;

    /** The notices through 2026, so the tests at the turn of 2027 hold whatever a later release packages. */
    @DynamicPropertySource
    static void calendarThrough2026(DynamicPropertyRegistry properties) {
        properties.add(
                "renovation.calendar.file",
                () -> Calendars.packagedThroughAsFile(2026, folder).toString());
    }

    private static final String URL = "/api/v1/calendar/working-days";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    private ResultActions postJson(String text) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions answered(String text) throws Exception {
        return postJson(text)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.calendarFirstYear").value(2020))
                .andExpect(jsonPath("$.calendarLastYear").value(2026));
    }

    private static String range(String from, String to) {
        return "\"range\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\"}";
    }

    private static String deadline(String start, int workingDays) {
        return "\"deadline\": {\"start\": \"" + start + "\", \"workingDays\": " + workingDays + "}";
    }

    private static String publicity(String postedOn, String lastDay) {
        return "\"publicity\": {\"postedOn\": \"" + postedOn + "\", \"lastDay\": \"" + lastDay + "\"}";
    }

    private static String body(String... parts) {
        return "{" + String.join(", ", parts) + "}";
    }

    @Nested
    class Range {

        @Test
        void acrossTheNationalDayBreakOf2025CountsSevenOfSeventeenDays() throws Exception {
            // Fri 09-26, Sun 09-28 (make-up), Mon 09-29, Tue 09-30, Thu 10-09, Fri 10-10, Sat 10-11 (make-up).
            answered(body(range("2025-09-26", "2025-10-12")))
                    .andExpect(jsonPath("$.range.from").value("2025-09-26"))
                    .andExpect(jsonPath("$.range.to").value("2025-10-12"))
                    .andExpect(jsonPath("$.range.workingDays").value(7))
                    .andExpect(jsonPath("$.range.calendarDays").value(17))
                    .andExpect(jsonPath("$.deadline").doesNotExist())
                    .andExpect(jsonPath("$.publicity").doesNotExist());
        }

        @Test
        void listsTheMakeUpDaysAndHolidaysOfTheRangeInDateOrder() throws Exception {
            answered(body(range("2025-09-26", "2025-10-12")))
                    .andExpect(jsonPath("$.range.listedDays", hasSize(10)))
                    .andExpect(jsonPath("$.range.listedDays[0].date").value("2025-09-28"))
                    .andExpect(jsonPath("$.range.listedDays[0].kind").value("MAKEUP_WORKDAY"))
                    .andExpect(jsonPath("$.range.listedDays[0].holiday").value("国庆节、中秋节"))
                    .andExpect(jsonPath("$.range.listedDays[1].date").value("2025-10-01"))
                    .andExpect(jsonPath("$.range.listedDays[1].kind").value("HOLIDAY"))
                    .andExpect(jsonPath("$.range.listedDays[8].date").value("2025-10-08"))
                    .andExpect(jsonPath("$.range.listedDays[9].date").value("2025-10-11"))
                    .andExpect(jsonPath("$.range.listedDays[9].kind").value("MAKEUP_WORKDAY"));
        }

        @Test
        void aRangeOfOneOrdinaryDayCountsThatDay() throws Exception {
            answered(body(range("2025-03-03", "2025-03-03")))
                    .andExpect(jsonPath("$.range.workingDays").value(1))
                    .andExpect(jsonPath("$.range.calendarDays").value(1))
                    .andExpect(jsonPath("$.range.listedDays").isEmpty());
        }

        @Test
        void theWholeSpringFestivalBreakOf2026HasNoWorkingDay() throws Exception {
            answered(body(range("2026-02-15", "2026-02-23")))
                    .andExpect(jsonPath("$.range.workingDays").value(0))
                    .andExpect(jsonPath("$.range.calendarDays").value(9));
        }

        @Test
        void aRangeAcrossNewYear2023CountsTheDayListedUnderThe2023Notice() throws Exception {
            // Fri 2022-12-30 works; 12-31 (listed under notice 2023), 01-01, 01-02 off; Tue 01-03 works.
            answered(body(range("2022-12-30", "2023-01-03")))
                    .andExpect(jsonPath("$.range.workingDays").value(2))
                    .andExpect(jsonPath("$.range.listedDays[0].date").value("2022-12-31"));
        }
    }

    @Nested
    class Deadline {

        @Test
        void theFifthWorkingDayAfterThursday12February2026IsAfterTheSpringFestival() throws Exception {
            // Fri 02-13 (1), Sat 02-14 make-up (2), break 02-15..02-23, Tue 02-24 (3), Wed (4), Thu 02-26 (5).
            answered(body(deadline("2026-02-12", 5)))
                    .andExpect(jsonPath("$.deadline.start").value("2026-02-12"))
                    .andExpect(jsonPath("$.deadline.workingDays").value(5))
                    .andExpect(jsonPath("$.deadline.date").value("2026-02-26"))
                    .andExpect(jsonPath("$.deadline.basis", containsString("民法典第二百零一条")))
                    .andExpect(jsonPath("$.range").doesNotExist());
        }

        @Test
        void fromAHolidayTheFirstWorkingDayIsTheFirstDayBack() throws Exception {
            answered(body(deadline("2025-10-03", 1)))
                    .andExpect(jsonPath("$.deadline.date").value("2025-10-09"));
        }

        @Test
        void fromAMakeUpSaturdayTheStartIsNotCounted() throws Exception {
            answered(body(deadline("2025-10-11", 1)))
                    .andExpect(jsonPath("$.deadline.date").value("2025-10-13"));
        }

        @Test
        void twoHundredAndFiftyWorkingDaysIsTheLongestDeadlineAccepted() throws Exception {
            // All 248 working days of 2025 come after 01-01 (a holiday); 2026-01-01..03 are off,
            // Sun 01-04 (make-up) is the 249th and Mon 01-05 the 250th.
            answered(body(deadline("2025-01-01", 250)))
                    .andExpect(jsonPath("$.deadline.workingDays").value(250))
                    .andExpect(jsonPath("$.deadline.date").value("2026-01-05"));
        }
    }

    @Nested
    class Publicity {

        @Test
        void postedFriday26SeptemberAndTakenDownOnThursday9OctoberIsOneDayShort() throws Exception {
            // Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09 = 4 (the posting day 09-26 is not counted).
            answered(body(publicity("2025-09-26", "2025-10-09")))
                    .andExpect(jsonPath("$.publicity.postedOn").value("2025-09-26"))
                    .andExpect(jsonPath("$.publicity.lastDay").value("2025-10-09"))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(4))
                    .andExpect(jsonPath("$.publicity.minimumWorkingDays").value(5))
                    .andExpect(jsonPath("$.publicity.postingDayCounted").value(false))
                    .andExpect(jsonPath("$.publicity.satisfied").value(false))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-10-10"))
                    .andExpect(jsonPath("$.publicity.reason.ruleId").value("PUBLICITY-TOO-SHORT"))
                    .andExpect(jsonPath("$.publicity.reason.effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.publicity.reason.clause.section").value("三、建设程序 4.确认改造设计方案"))
                    .andExpect(jsonPath("$.publicity.reason.message", containsString("最早应持续到 2025-10-10（含）")));
        }

        @Test
        void postedFriday26SeptemberAndTakenDownOnFriday10OctoberIsLongEnough() throws Exception {
            answered(body(publicity("2025-09-26", "2025-10-10")))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(5))
                    .andExpect(jsonPath("$.publicity.satisfied").value(true))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-10-10"))
                    .andExpect(jsonPath("$.publicity.reason.ruleId").value("PUBLICITY-LONG-ENOUGH"))
                    .andExpect(jsonPath("$.publicity.reason.effect").value("CONDITION_MET"))
                    .andExpect(jsonPath("$.publicity.reason.interpretation", containsString("公示时间不少于 5 个工作日（含本数）")))
                    .andExpect(jsonPath("$.publicity.reason.interpretation", containsString("张贴当日不计入")));
        }

        @Test
        void postedMonday22SeptemberMayEndOnTheMakeUpSunday() throws Exception {
            // Tue 09-23 .. Fri 09-26 (4), Sun 09-28 make-up (5).
            answered(body(publicity("2025-09-22", "2025-09-28")))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(5))
                    .andExpect(jsonPath("$.publicity.satisfied").value(true))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-09-28"));
        }

        @Test
        void aPublicityTakenDownOnItsPostingDayCountsNothing() throws Exception {
            answered(body(publicity("2025-09-22", "2025-09-22")))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(0))
                    .andExpect(jsonPath("$.publicity.satisfied").value(false))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-09-28"));
        }
    }

    @Test
    void rangeDeadlineAndPublicityAreAnsweredInOneCall() throws Exception {
        answered(body(
                        range("2025-09-26", "2025-10-12"),
                        deadline("2026-02-12", 5),
                        publicity("2025-09-26", "2025-10-09")))
                .andExpect(jsonPath("$.range.workingDays").value(7))
                .andExpect(jsonPath("$.deadline.date").value("2026-02-26"))
                .andExpect(jsonPath("$.publicity.countedWorkingDays").value(4))
                .andExpect(jsonPath("$.publicity.satisfied").value(false));
    }

    @Nested
    class YearsNotCovered {

        private ResultActions notCovered(String text, String field) throws Exception {
            return ProblemExpectations.dateNotInCalendar(postJson(text), field);
        }

        @Test
        void aDeadlineStartingIn2027NamesDeadlineStart() throws Exception {
            notCovered(body(deadline("2027-03-01", 5)), "deadline.start")
                    .andExpect(jsonPath("$.detail", containsString("2027-03-01")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("2027")));
        }

        @Test
        void aRangeStartingIn2019NamesRangeFrom() throws Exception {
            notCovered(body(range("2019-12-30", "2020-01-03")), "range.from");
        }

        @Test
        void aRangeEndingIn2027NamesRangeTo() throws Exception {
            notCovered(body(range("2026-12-28", "2027-01-04")), "range.to");
        }

        @Test
        void aPublicityEndingIn2027NamesPublicityLastDay() throws Exception {
            notCovered(body(publicity("2026-12-28", "2027-01-04")), "publicity.lastDay");
        }

        @Test
        void aPublicityPostedIn2019NamesPublicityPostedOn() throws Exception {
            notCovered(body(publicity("2019-12-30", "2020-01-08")), "publicity.postedOn");
        }

        @Test
        void aDeadlineThatCountsPast31December2026NamesTheNumberOfWorkingDays() throws Exception {
            // Wed 2026-12-30 is covered; Thu 12-31 is the 1st working day, the 2nd would be in 2027.
            notCovered(body(deadline("2026-12-30", 5)), "deadline.workingDays")
                    .andExpect(jsonPath("$.detail", containsString("从 2026-12-30 起计算工作日时到达")));
        }

        @Test
        void aTooShortPublicityWhoseEarliestLastDayWouldBeIn2027IsTooShortWithoutThatDay() throws Exception {
            // Posted Mon 2026-12-28, down Thu 12-31: 3 working days; the 5th would fall in 2027.
            postJson(body(publicity("2026-12-28", "2026-12-31")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.publicity.satisfied").value(false))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(3))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").doesNotExist())
                    .andExpect(jsonPath("$.publicity.reason.message", containsString("2027 年放假通知")));
        }

        @Test
        void aCoveredQueryIsNotAnsweredWhenAnotherPartOfTheSameCallIsNot() throws Exception {
            notCovered(body(range("2025-09-26", "2025-10-12"), deadline("2027-03-01", 5)), "deadline.start");
        }
    }

    @Nested
    class BadInput {

        private ResultActions rejected(String text, String field) throws Exception {
            return ProblemExpectations.badRequestNaming(postJson(text), field)
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }

        @Test
        void anEmptyObjectNamesTheBody() throws Exception {
            rejected("{}", "body")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("range、deadline、publicity")));
        }

        @Test
        void aBodyThatIsNotJsonIsMalformed() throws Exception {
            rejected("range: 2025-09-26", "body").andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }

        @Test
        void aPublicityWhoseLastDayIsBeforeItsPostingDayNamesLastDay() throws Exception {
            rejected(body(publicity("2025-10-10", "2025-09-26")), "publicity.lastDay")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("早于张贴日")));
        }

        @Test
        void aRangeEndingBeforeItStartsNamesRangeTo() throws Exception {
            rejected(body(range("2025-10-12", "2025-09-26")), "range.to")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @Test
        void anUnknownTopLevelFieldIsRejectedRatherThanIgnored() throws Exception {
            rejected(body(range("2025-09-26", "2025-10-12"), "\"holidays\": true"), "holidays")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("未知字段")));
        }

        @Test
        void anUnknownFieldInsideTheDeadlineIsNamedWithItsPath() throws Exception {
            rejected(
                            "{\"deadline\": {\"start\": \"2026-02-12\", \"workingDays\": 5, \"startDayCounted\": true}}",
                            "deadline.startDayCounted")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @ParameterizedTest(name = "range.from \"{0}\"")
        @ValueSource(strings = {"2025-02-30", "2025/09/26", "26.09.2025", "tomorrow"})
        void aDateThatIsNotAnIsoDateNamesItsField(String value) throws Exception {
            rejected(body(range(value, "2025-10-12")), "range.from")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("YYYY-MM-DD")));
        }

        @Test
        void anImpossibleLastDayNamesPublicityLastDay() throws Exception {
            rejected(body(publicity("2025-09-26", "2025-10-32")), "publicity.lastDay");
        }

        @ParameterizedTest(name = "workingDays {0}")
        @ValueSource(ints = {0, 251, -1})
        void aNumberOfWorkingDaysOutside1To250IsRejected(int workingDays) throws Exception {
            rejected(body(deadline("2026-02-12", workingDays)), "deadline.workingDays")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @Test
        void aDeadlineWithoutItsNumberOfWorkingDaysNamesIt() throws Exception {
            rejected("{\"deadline\": {\"start\": \"2026-02-12\"}}", "deadline.workingDays");
        }

        @Test
        void aRangeWithoutItsEndNamesIt() throws Exception {
            rejected("{\"range\": {\"from\": \"2025-09-26\"}}", "range.to");
        }

        @Test
        void aPublicityWithoutItsPostingDayNamesIt() throws Exception {
            rejected("{\"publicity\": {\"lastDay\": \"2025-10-10\"}}", "publicity.postedOn");
        }

        @Test
        void aFractionalNumberOfWorkingDaysIsRejected() throws Exception {
            rejected("{\"deadline\": {\"start\": \"2026-02-12\", \"workingDays\": 2.5}}", "deadline.workingDays");
        }
    }
}
