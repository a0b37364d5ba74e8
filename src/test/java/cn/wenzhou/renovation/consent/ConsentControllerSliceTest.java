package cn.wenzhou.renovation.consent;

import static cn.wenzhou.renovation.testing.ProblemExpectations.dateNotInCalendar;
import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static cn.wenzhou.renovation.testing.ProblemExpectations.withoutInternals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.api.model.ConsentTallyRequest;
import cn.wenzhou.renovation.api.model.ConsentTallyResponse;
import cn.wenzhou.renovation.api.model.VoteRound;
import cn.wenzhou.renovation.calendar.CalendarVersions;
import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.procedure.ProcedureService;
import cn.wenzhou.renovation.procedure.PublicityFinding;
import cn.wenzhou.renovation.procedure.PublicityPeriod;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.Calendars;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/consent/tally} and {@code /consent/notice}: mapping, validation and problems, with
 * the tallies, the publicity check and rulesets mocked (the holiday calendar is the packaged one, no rules).
 */
@DecisionControllerSlice(ConsentController.class)
class ConsentControllerSliceTest {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private ConsentTallies tallies;

    @MockitoBean
    private ProcedureService procedure;

    @MockitoBean
    private CalendarVersions calendars;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private ResultActions send(String url, ObjectNode body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Nested
    class Tally {

        private static final String URL = "/api/v1/consent/tally";

        private static ObjectNode vote() {
            return (ObjectNode) SpecExamples.named("ConsentRequestExactlyTwoThirds");
        }

        @Test
        void aValidVoteIsTalliedByTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
            when(rulesets.take("wenzhou")).thenReturn(ruleset);
            when(tallies.decide(same(ruleset), any()))
                    .thenReturn(new ConsentTallyResponse()
                            .jurisdiction("wenzhou")
                            .rulesetVersion("0123456789abcdef")
                            .sufficient(true)
                            .round(VoteRound.FIRST_CONSENT));

            send(URL, vote())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.sufficient").value(true))
                    .andExpect(jsonPath("$.round").value("FIRST_CONSENT"))
                    .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

            ArgumentCaptor<ConsentTallyRequest> request = ArgumentCaptor.forClass(ConsentTallyRequest.class);
            verify(tallies).decide(same(ruleset), request.capture());
            assertThat(request.getValue().getVoteDate()).isEqualTo(LocalDate.of(2020, 10, 15));
            assertThat(request.getValue().getTotalExclusiveArea()).isEqualByComparingTo("100.02");
            assertThat(request.getValue().getCounts().getAgreeingArea()).isEqualByComparingTo("66.68");
            assertThat(request.getValue().getCounts().getDisagreeingHouseholds())
                    .isEqualTo(1);
            assertThat(request.getValue().getRoster()).isNullOrEmpty();
        }

        @Test
        void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
            when(rulesets.take("yueqing")).thenReturn(ruleset);
            when(tallies.decide(same(ruleset), any())).thenReturn(new ConsentTallyResponse());

            send(URL + "?jurisdiction=yueqing", vote()).andExpect(status().isOk());

            verify(tallies).decide(same(ruleset), any());
        }

        @ParameterizedTest
        @ValueSource(strings = {"round", "voteDate", "totalExclusiveArea", "totalHouseholds"})
        void aMissingRequiredFieldIsNamedAndNothingIsTallied(String field) throws Exception {
            ObjectNode body = vote();
            body.remove(field);

            invalidFieldExactly(send(URL, body), field);
            verifyNoInteractions(rulesets, tallies);
        }

        @Test
        void aRoundOutsideTheEnumIsNamed() throws Exception {
            invalidFieldExactly(send(URL, vote().put("round", "THIRD_READING")), "round");
            verifyNoInteractions(tallies);
        }

        @Test
        void aNegativeCountIsNamedByItsPath() throws Exception {
            ObjectNode body = vote();
            ((ObjectNode) body.get("counts")).put("blankHouseholds", -1);

            invalidFieldExactly(send(URL, body), "counts.blankHouseholds");
            verifyNoInteractions(tallies);
        }

        @Test
        void aNullRoomOfTheRosterIsNamedByItsIndex() throws Exception {
            ObjectNode body = vote();
            body.remove("counts");
            body.putArray("roster")
                    .addObject()
                    .put("roomNumber", "1-101")
                    .put("exclusiveArea", 50.01)
                    .put("ballot", "AGREE");
            ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("roster")).addNull();

            invalidFieldExactly(send(URL, body), "roster[1]");
            verifyNoInteractions(tallies);
        }

        @Test
        void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
            when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

            unknownJurisdiction(send(URL + "?jurisdiction=atlantis", vote()), "atlantis")
                    .andExpect(jsonPath("$.instance").value(URL));
            verifyNoInteractions(tallies);
        }
    }

    @Nested
    class Notice {

        private static final String URL = "/api/v1/consent/notice";

        private static ObjectNode notice() {
            return (ObjectNode) SpecExamples.named("ConsentNoticeRequestPassedRosterVote");
        }

        private static ObjectNode details(ObjectNode body) {
            return (ObjectNode) body.get("notice");
        }

        private ConsentOutcome outcome(boolean sufficient) {
            return new ConsentOutcome(
                    ruleset,
                    new ConsentTally(),
                    null,
                    null,
                    List.of(),
                    new ConsentDecision("CONSENT-DECISION", sufficient, sufficient ? "同意" : "不同意"));
        }

        @BeforeEach
        void aTallyAndTheCalendar() {
            when(rulesets.take("wenzhou")).thenReturn(ruleset);
            when(calendars.current()).thenReturn(Calendars.packagedThrough(2026));
        }

        private void tallied(boolean sufficient) {
            when(tallies.read(same(ruleset), any(), eq("tally."), eq("roster")))
                    .thenReturn(new ConsentTallies.Tallied(
                            new VoteIntake.Vote(new ConsentTally(), null), outcome(sufficient)));
        }

        @Test
        void theVoteIsReadUnderTheRequestsRulesetWithFieldsNamedFromTally() throws Exception {
            tallied(false);

            withoutInternals(send(URL, notice())
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("CONSENT_INSUFFICIENT")));

            ArgumentCaptor<ConsentTallyRequest> tally = ArgumentCaptor.forClass(ConsentTallyRequest.class);
            verify(tallies).read(same(ruleset), tally.capture(), eq("tally."), eq("roster"));
            assertThat(tally.getValue().getRoster()).hasSize(6);
            assertThat(tally.getValue().getRoster().get(4).getRoomNumber()).isEqualTo("3-301");
            verifyNoInteractions(procedure);
        }

        @Test
        void aPassedVoteHasItsPublicityCheckedByTheSameRulesetAndAShortOneIsNamed() throws Exception {
            tallied(true);
            PublicityPeriod period = new PublicityPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
            when(procedure.checkPublicity(same(ruleset), any(), eq(period)))
                    .thenReturn(new ProcedureService.PublicityOutcome(
                            ruleset,
                            new PublicityFinding(
                                    "PROC-PUBLICITY-TOO-SHORT",
                                    FindingEffect.CONDITION_FAILED,
                                    "公示期不足 5 个工作日",
                                    period,
                                    4,
                                    5,
                                    false,
                                    LocalDate.of(2026, 3, 10),
                                    null)));

            invalidFieldExactly(send(URL, notice()), "notice.publicityEndDate")
                    .andExpect(jsonPath("$.errors[0].message").value("公示期不足 5 个工作日"));
            verify(procedure).checkPublicity(same(ruleset), any(), eq(period));
        }

        @Test
        void aNoticeWithoutTheCommunitysNameIsNamed() throws Exception {
            tallied(true);
            ObjectNode body = notice();
            ((ObjectNode) body.get("tally")).put("communityName", " ");

            invalidFieldExactly(send(URL, body), "tally.communityName");
            verifyNoInteractions(procedure);
        }

        @Test
        void aPublicityEndingBeforeItStartsIsNamed() throws Exception {
            tallied(true);
            ObjectNode body = notice();
            details(body).put("publicityEndDate", "2026-03-01");

            invalidFieldExactly(send(URL, body), "notice.publicityEndDate");
            verifyNoInteractions(procedure);
        }

        @Test
        void aPublicityDateOutsideTheHolidayCalendarIsNamed() throws Exception {
            tallied(true);
            ObjectNode body = notice();
            details(body).put("publicityStartDate", "2027-01-04").put("publicityEndDate", "2027-01-11");

            withoutInternals(dateNotInCalendar(send(URL, body), "notice.publicityStartDate"));
            verifyNoInteractions(procedure);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "contactPerson",
                    "contactPhone",
                    "subdistrictOfficeAddress",
                    "subdistrictOfficePhone",
                    "publicityStartDate",
                    "publicityEndDate",
                    "issuedBy",
                    "issueDate"
                })
        void aMissingDetailIsNamedByItsPath(String field) throws Exception {
            ObjectNode body = notice();
            details(body).remove(field);

            invalidFieldExactly(send(URL, body), "notice." + field);
            verifyNoInteractions(tallies, procedure);
        }

        @Test
        void aMissingTallyIsNamed() throws Exception {
            ObjectNode body = notice();
            body.remove("tally");

            invalidFieldExactly(send(URL, body), "tally");
            verifyNoInteractions(tallies, procedure);
        }

        @Test
        void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
            when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

            unknownJurisdiction(send(URL + "?jurisdiction=atlantis", notice()), "atlantis")
                    .andExpect(jsonPath("$.instance").value(URL));
            verifyNoInteractions(tallies, procedure);
        }
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
