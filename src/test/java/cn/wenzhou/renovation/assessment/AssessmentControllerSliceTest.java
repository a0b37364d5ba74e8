package cn.wenzhou.renovation.assessment;

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

import cn.wenzhou.renovation.api.model.AssessmentRequest;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.api.model.FundsReadinessResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/assessments}: mapping, validation and problems, with the assessor and rulesets mocked. */
@DecisionControllerSlice(AssessmentController.class)
class AssessmentControllerSliceTest {

    private static final String URL = "/api/v1/assessments";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private ProjectAssessor assessor;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private static ObjectNode project() {
        return (ObjectNode) SpecExamples.named("AssessmentRequestWholeProject");
    }

    private ResultActions send(String query, ObjectNode body) throws Exception {
        return mvc.perform(
                post(URL + query).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Test
    void aValidBodyIsAssessedUnderTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(assessor.decide(same(ruleset), any()))
                .thenReturn(new AssessmentResponse()
                        .jurisdiction("wenzhou")
                        .rulesetVersion("0123456789abcdef")
                        .funding(new FundsReadinessResponse()
                                .decision(cn.wenzhou.renovation.api.model.FundsReadinessDecision.READY)));

        send("", project())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.funding.decision").value("READY"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

        ArgumentCaptor<AssessmentRequest> request = ArgumentCaptor.forClass(AssessmentRequest.class);
        verify(assessor).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getEligibility().getCompletionYear()).isEqualTo(1998);
        assertThat(request.getValue().getConsent().getCounts().getAgreeingHouseholds())
                .isEqualTo(130);
        assertThat(request.getValue().getFunding().getAmountInPlace())
                .isEqualByComparingTo(new BigDecimal("1350000.00"));
        assertThat(request.getValue().getApprovals().getTotalInvestment())
                .isEqualByComparingTo(new BigDecimal("9600000.00"));
        assertThat(request.getValue().getProcedure().getDocuments()).contains("ANNEX_6_LONG_TERM_MANAGEMENT_PLAN");
    }

    @Test
    void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(assessor.decide(same(ruleset), any())).thenReturn(new AssessmentResponse());

        send("?jurisdiction=yueqing", project()).andExpect(status().isOk());

        verify(assessor).decide(same(ruleset), any());
    }

    @Test
    void aMissingFieldOfOnePartIsNamedByItsPath() throws Exception {
        ObjectNode body = project();
        ((ObjectNode) body.get("eligibility")).remove("completionYear");

        invalidFieldExactly(send("", body), "eligibility.completionYear");
        verifyNoInteractions(rulesets, assessor);
    }

    @Test
    void aBadValueDeepInAPartIsNamedByItsPath() throws Exception {
        ObjectNode body = project();
        ((ObjectNode) body.get("consent").get("counts")).put("agreeingHouseholds", -1);

        invalidFieldExactly(send("", body), "consent.counts.agreeingHouseholds");
        verifyNoInteractions(rulesets, assessor);
    }

    @Test
    void aPartTheSpecDoesNotHaveIsNamed() throws Exception {
        ObjectNode body = project();
        body.putObject("demolition").put("planned", true);

        invalidFieldExactly(send("", body), "demolition");
        verifyNoInteractions(rulesets, assessor);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(send("?jurisdiction=atlantis", project()), "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(assessor);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
