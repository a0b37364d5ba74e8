package cn.wenzhou.renovation.eligibility;

import static cn.wenzhou.renovation.testing.ProblemExpectations.invalidFieldExactly;
import static cn.wenzhou.renovation.testing.ProblemExpectations.unknownJurisdiction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.api.model.EligibilityRequest;
import cn.wenzhou.renovation.api.model.EligibilityResponse;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.SliceContexts;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.web.DecisionControllerSlice;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
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

/** {@code POST /api/v1/eligibility}: mapping, validation and problems, with the decider and rulesets mocked. */
@DecisionControllerSlice(EligibilityController.class)
class EligibilityControllerSliceTest {

    private static final String URL = "/api/v1/eligibility";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private EligibilityDecider decider;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private static ObjectNode community() {
        return (ObjectNode) SpecExamples.named("EligibilityRequestBuiltIn1995");
    }

    private ResultActions post(String query, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(URL + query)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.toString()));
    }

    @Test
    void aValidBodyIsDecidedByTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any()))
                .thenReturn(new EligibilityResponse(
                        "wenzhou",
                        "0123456789abcdef",
                        List.of(),
                        List.of(),
                        LocalDate.of(2026, 3, 1),
                        cn.wenzhou.renovation.api.model.EligibilityDecision.PRIORITY_RENOVATION,
                        "重点改造"));

        post("", community())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"))
                .andExpect(jsonPath("$.evaluationDate").value("2026-03-01"));

        ArgumentCaptor<EligibilityRequest> request = ArgumentCaptor.forClass(EligibilityRequest.class);
        verify(decider).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getCompletionYear()).isEqualTo(1995);
        assertThat(request.getValue().getHousingKind())
                .isEqualTo(cn.wenzhou.renovation.api.model.HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        assertThat(request.getValue().getDeficiencies().getPropertyManagementInadequate())
                .isFalse();
        assertThat(request.getValue().getEvaluationDate()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @Test
    void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any())).thenReturn(new EligibilityResponse());

        post("?jurisdiction=yueqing", community()).andExpect(status().isOk());

        verify(decider).decide(same(ruleset), any());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "completionYear",
                "housingKind",
                "listedInShantyRenovationPlan",
                "deficiencies",
                "strongRenovationWillingness"
            })
    void aMissingRequiredFieldIsNamedAndNothingIsDecided(String field) throws Exception {
        ObjectNode body = community();
        body.remove(field);

        invalidFieldExactly(post("", body), field);
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aMissingNestedFieldIsNamedByItsPath() throws Exception {
        ObjectNode body = community();
        ((ObjectNode) body.get("deficiencies")).remove("facilitiesIncomplete");

        invalidFieldExactly(post("", body), "deficiencies.facilitiesIncomplete");
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aYearOutsideTheSpecsRangeIsNamed() throws Exception {
        invalidFieldExactly(post("", community().put("completionYear", 1899)), "completionYear");
        verifyNoInteractions(decider);
    }

    @Test
    void aYearWrittenAsTextIsNamed() throws Exception {
        invalidFieldExactly(post("", community().put("completionYear", "1995")), "completionYear");
        verifyNoInteractions(decider);
    }

    @Test
    void aHousingKindOutsideTheEnumIsNamed() throws Exception {
        invalidFieldExactly(post("", community().put("housingKind", "CASTLE")), "housingKind");
        verifyNoInteractions(decider);
    }

    @Test
    void aFieldTheSpecDoesNotHaveIsNamed() throws Exception {
        invalidFieldExactly(post("", community().put("colour", "red")), "colour");
        verifyNoInteractions(decider);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(post("?jurisdiction=atlantis", community()), "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(decider);
    }

    @Test
    void aJurisdictionCodeOutsideItsPatternIsNamed() throws Exception {
        invalidFieldExactly(post("?jurisdiction=Wenzhou", community()), "jurisdiction");
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
