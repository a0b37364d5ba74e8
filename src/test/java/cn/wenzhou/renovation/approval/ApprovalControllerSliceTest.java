package cn.wenzhou.renovation.approval;

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

import cn.wenzhou.renovation.api.model.ApprovalPlanRequest;
import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
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

/** {@code POST /api/v1/approvals/plan}: mapping, validation and problems, with the decider and rulesets mocked. */
@DecisionControllerSlice(ApprovalController.class)
class ApprovalControllerSliceTest {

    private static final String URL = "/api/v1/approvals/plan";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private ApprovalDecider decider;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private static ObjectNode project() {
        return (ObjectNode) SpecExamples.named("ApprovalRequestExactlyTenMillion");
    }

    private ResultActions send(String query, ObjectNode body) throws Exception {
        return mvc.perform(
                post(URL + query).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Test
    void aValidBodyIsDecidedByTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any()))
                .thenReturn(new ApprovalPlanResponse()
                        .jurisdiction("wenzhou")
                        .rulesetVersion("0123456789abcdef")
                        .optimizedScope(true)
                        .projectName("鹿城区松台街道雪山小区改造项目"));

        send("", project())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.optimizedScope").value(true))
                .andExpect(jsonPath("$.projectName").value("鹿城区松台街道雪山小区改造项目"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

        ArgumentCaptor<ApprovalPlanRequest> request = ArgumentCaptor.forClass(ApprovalPlanRequest.class);
        verify(decider).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getTotalInvestment()).isEqualByComparingTo(new BigDecimal("10000000.00"));
        assertThat(request.getValue().getGovernmentInvested()).isTrue();
        assertThat(request.getValue().getInvolvesFireSafety()).isTrue();
        assertThat(request.getValue().getFacadeAlongImportantStreet()).isFalse();
    }

    @Test
    void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any())).thenReturn(new ApprovalPlanResponse());

        send("?jurisdiction=yueqing", project()).andExpect(status().isOk());

        verify(decider).decide(same(ruleset), any());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "governmentInvested",
                "totalInvestment",
                "changesLandOwnership",
                "changesLandUse",
                "changesHousingUse",
                "addsFloorArea",
                "majorStructuralChange",
                "planningConditionAdjustment",
                "facadeAlongImportantStreet",
                "involvesFireSafety",
                "involvesStructureOrSeismic",
                "meetsCurrentStandards"
            })
    void aMissingRequiredFieldIsNamedAndNothingIsDecided(String field) throws Exception {
        ObjectNode body = project();
        body.remove(field);

        invalidFieldExactly(send("", body), field);
        verifyNoInteractions(rulesets, decider);
    }

    /** The spec's own error example, ApprovalRequestNegativeInvestment. */
    @Test
    void aNegativeInvestmentIsNamed() throws Exception {
        invalidFieldExactly(
                send("", (ObjectNode) SpecExamples.named("ApprovalRequestNegativeInvestment")), "totalInvestment");
        verifyNoInteractions(decider);
    }

    @Test
    void aFlagWrittenAsTextIsNamed() throws Exception {
        invalidFieldExactly(send("", project().put("addsFloorArea", "false")), "addsFloorArea");
        verifyNoInteractions(decider);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(send("?jurisdiction=atlantis", project()), "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(decider);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
