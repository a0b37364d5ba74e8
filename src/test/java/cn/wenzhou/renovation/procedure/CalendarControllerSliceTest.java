package cn.wenzhou.renovation.procedure;

import static cn.wenzhou.renovation.testing.ProblemExpectations.dateNotInCalendar;
import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static cn.wenzhou.renovation.testing.ProblemExpectations.withoutInternals;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.calendar.CalendarVersions;
import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.Calendars;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/calendar/working-days} and {@code GET /calendar/notices/{fileName}}: mapping, validation
 * and problems, with the packaged holiday calendar (through 2026) and the publicity rule and rulesets mocked.
 */
@DecisionControllerSlice(CalendarController.class)
class CalendarControllerSliceTest {

    private static final String URL = "/api/v1/calendar/working-days";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private CalendarVersions calendars;

    @MockitoBean
    private ProcedureService procedure;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);
    private final OfficialCalendar calendar = Calendars.packagedThrough(2026);

    @BeforeEach
    void theCalendarAndARuleset() {
        when(calendars.current()).thenReturn(calendar);
        when(ruleset.jurisdiction()).thenReturn("wenzhou");
        when(ruleset.version()).thenReturn("0123456789abcdef");
        when(ruleset.clauseOf(anyString())).thenReturn(Optional.of(new RuleClause("三、4", "摘录", null, null)));
    }

    private ResultActions send(String query, String body) throws Exception {
        return mvc.perform(
                post(URL + query).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aRangeIsCountedOnTheCalendarInForceAndLabelledWithTheRequestsRuleset() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);

        send("", "{\"range\": {\"from\": \"2026-03-02\", \"to\": \"2026-03-15\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"))
                .andExpect(jsonPath("$.calendarFirstYear")
                        .value(calendar.coveredYears().first()))
                .andExpect(jsonPath("$.calendarLastYear").value(2026))
                .andExpect(jsonPath("$.range.calendarDays").value(14))
                .andExpect(jsonPath("$.range.workingDays")
                        .value(calendar.countWorkingDays(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15))));
        verifyNoInteractions(procedure);
    }

    @Test
    void aPublicityPeriodIsCheckedByTheRequestsRulesetAndTheFindingReturned() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        PublicityPeriod period = new PublicityPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
        when(procedure.checkPublicity(same(ruleset), same(calendar), eq(period)))
                .thenReturn(new ProcedureService.PublicityOutcome(
                        ruleset,
                        new PublicityFinding(
                                "PROC-TEST",
                                FindingEffect.CONDITION_MET,
                                "公示期足够",
                                period,
                                5,
                                5,
                                false,
                                LocalDate.of(2026, 3, 9),
                                null)));

        send("?jurisdiction=yueqing", "{\"publicity\": {\"postedOn\": \"2026-03-02\", \"lastDay\": \"2026-03-09\"}}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.publicity.satisfied").value(true))
                .andExpect(jsonPath("$.publicity.countedWorkingDays").value(5))
                .andExpect(jsonPath("$.publicity.reason.ruleId").value("PROC-TEST"))
                .andExpect(jsonPath("$.publicity.reason.clause.section").value("三、4"));
        verify(procedure).checkPublicity(same(ruleset), same(calendar), eq(period));
    }

    @Test
    void aBodyAskingNothingIsNamed() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);

        invalidFieldExactly(send("", "{}"), "body");
        verifyNoInteractions(procedure);
    }

    @Test
    void aRangeEndingBeforeItStartsIsNamed() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);

        invalidFieldExactly(send("", "{\"range\": {\"from\": \"2026-03-15\", \"to\": \"2026-03-02\"}}"), "range.to");
    }

    @Test
    void aRangeWithoutItsEndIsNamed() throws Exception {
        invalidFieldExactly(send("", "{\"range\": {\"from\": \"2026-03-15\"}}"), "range.to");
        verifyNoInteractions(rulesets);
    }

    @Test
    void aDeadlineOfNoWorkingDaysIsNamed() throws Exception {
        invalidFieldExactly(
                send("", "{\"deadline\": {\"start\": \"2026-03-02\", \"workingDays\": 0}}"), "deadline.workingDays");
        verifyNoInteractions(rulesets);
    }

    @Test
    void aPublicityEndingBeforeItIsPostedIsNamed() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);

        invalidFieldExactly(
                send("", "{\"publicity\": {\"postedOn\": \"2026-03-09\", \"lastDay\": \"2026-03-02\"}}"),
                "publicity.lastDay");
        verifyNoInteractions(procedure);
    }

    @Test
    void aDateTheCalendarDoesNotCoverIsNamed() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);

        withoutInternals(dateNotInCalendar(
                send("", "{\"deadline\": {\"start\": \"2027-01-04\", \"workingDays\": 5}}"), "deadline.start"));
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(
                        send(
                                "?jurisdiction=atlantis",
                                "{\"range\": {\"from\": \"2026-03-02\", \"to\": \"2026-03-15\"}}"),
                        "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(procedure);
    }

    @Test
    void aYearsNoticeDownloadsAsTheCalendarHoldsIt() throws Exception {
        mvc.perform(get("/api/v1/calendar/notices/2026.csv"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("2026-01-01")));
        verifyNoInteractions(rulesets);
    }

    @Test
    void aNoticeFileNameOutsideItsPatternIsNamed() throws Exception {
        invalidFieldExactly(mvc.perform(get("/api/v1/calendar/notices/2026.pdf")), "fileName");
    }

    @Test
    void aYearTheCalendarDoesNotCoverIsNotFoundNamingTheFile() throws Exception {
        withoutInternals(mvc.perform(get("/api/v1/calendar/notices/2031.xlsx"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"))
                .andExpect(jsonPath("$.errors[0].field").value("fileName")));
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
