package cn.wenzhou.renovation.procedure;

import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.api.model.ProcedureStatusRequest;
import cn.wenzhou.renovation.api.model.ProcedureStatusResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/procedure/status}: mapping, validation and problems, with the decider and rulesets mocked. */
@DecisionControllerSlice(ProcedureController.class)
class ProcedureControllerSliceTest {

    private static final String URL = "/api/v1/procedure/status";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private ProcedureDecider decider;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private static ObjectNode progress() {
        return (ObjectNode) SpecExamples.named("ProcedureRequestApplicationWithoutManagementPlan");
    }

    private ResultActions send(String query, ObjectNode body) throws Exception {
        return mvc.perform(
                post(URL + query).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Test
    void aValidBodyIsDecidedByTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any()))
                .thenReturn(new ProcedureStatusResponse()
                        .jurisdiction("wenzhou")
                        .rulesetVersion("0123456789abcdef")
                        .allStepsComplete(false));

        send("", progress())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allStepsComplete").value(false))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

        ArgumentCaptor<ProcedureStatusRequest> request = ArgumentCaptor.forClass(ProcedureStatusRequest.class);
        verify(decider).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getSiteSurveyOn()).isEqualTo(LocalDate.of(2025, 8, 4));
        assertThat(request.getValue().getPublicityLastDay()).isEqualTo(LocalDate.of(2025, 9, 29));
        assertThat(request.getValue().getPublicityObjections()).isFalse();
        assertThat(request.getValue().getStreetReviewPassed()).isNull();
        assertThat(request.getValue().getDocuments()).hasSize(8).contains("ANNEX_5_RESIDENT_COMMITMENT");
    }

    @Test
    void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any())).thenReturn(new ProcedureStatusResponse());

        send("?jurisdiction=yueqing", progress()).andExpect(status().isOk());

        verify(decider).decide(same(ruleset), any());
    }

    @Test
    void anImpossibleDateIsNamed() throws Exception {
        invalidFieldExactly(send("", progress().put("siteSurveyOn", "2025-02-30")), "siteSurveyOn");
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aDocumentCodeOutsideItsPatternIsNamedByItsIndex() throws Exception {
        ObjectNode body = progress();
        body.putArray("documents").add("PLANNING_SCHEME").add("annex 6");

        invalidFieldExactly(send("", body), "documents[1]");
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aNullDocumentIsNamedByItsIndex() throws Exception {
        ObjectNode body = progress();
        body.putArray("documents").add("PLANNING_SCHEME").addNull();

        invalidFieldExactly(send("", body), "documents[1]");
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aFlagWrittenAsTextIsNamed() throws Exception {
        invalidFieldExactly(send("", progress().put("designVotePassed", "yes")), "designVotePassed");
        verifyNoInteractions(decider);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(send("?jurisdiction=atlantis", progress()), "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(decider);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
