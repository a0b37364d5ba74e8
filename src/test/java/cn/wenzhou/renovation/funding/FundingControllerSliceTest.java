package cn.wenzhou.renovation.funding;

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

import cn.wenzhou.renovation.api.model.FundsReadinessDecision;
import cn.wenzhou.renovation.api.model.FundsReadinessRequest;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/funding/readiness}: mapping, validation and problems, with the decider and rulesets mocked. */
@DecisionControllerSlice(FundingController.class)
class FundingControllerSliceTest {

    private static final String URL = "/api/v1/funding/readiness";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private RequestRulesets rulesets;

    @MockitoBean
    private FundingDecider decider;

    private final CompiledRuleset ruleset = mock(CompiledRuleset.class);

    private static ObjectNode funds() {
        return (ObjectNode) SpecExamples.named("FundsRequestExactlyNinetyPercent");
    }

    private ResultActions send(String query, ObjectNode body) throws Exception {
        return mvc.perform(
                post(URL + query).contentType(MediaType.APPLICATION_JSON).content(body.toString()));
    }

    @Test
    void aValidBodyIsDecidedByTheDefaultJurisdictionsRulesetAndItsAnswerReturned() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any()))
                .thenReturn(new FundsReadinessResponse()
                        .jurisdiction("wenzhou")
                        .rulesetVersion("0123456789abcdef")
                        .decision(FundsReadinessDecision.READY));

        send("", funds())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("READY"))
                .andExpect(jsonPath("$.rulesetVersion").value("0123456789abcdef"));

        ArgumentCaptor<FundsReadinessRequest> request = ArgumentCaptor.forClass(FundsReadinessRequest.class);
        verify(decider).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getTargetAmount()).isEqualByComparingTo(new BigDecimal("1000000.00"));
        assertThat(request.getValue().getAmountInPlace()).isEqualByComparingTo(new BigDecimal("900000.00"));
        assertThat(request.getValue().getRemainderCommitted()).isTrue();
    }

    @Test
    void anAmountReachesTheDeciderWithEveryDecimalWritten() throws Exception {
        when(rulesets.take("wenzhou")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any())).thenReturn(new FundsReadinessResponse());

        mvc.perform(
                        post(URL)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"targetAmount\": 1000000.00, \"amountInPlace\": 900000.005, \"remainderCommitted\": true}"))
                .andExpect(status().isOk());

        // The decider refuses a third decimal of a yuan: mapping must neither round nor drop it.
        ArgumentCaptor<FundsReadinessRequest> request = ArgumentCaptor.forClass(FundsReadinessRequest.class);
        verify(decider).decide(same(ruleset), request.capture());
        assertThat(request.getValue().getAmountInPlace()).isEqualTo(new BigDecimal("900000.005"));
        assertThat(request.getValue().getTargetAmount().scale()).isEqualTo(2);
    }

    @Test
    void theJurisdictionAskedForChoosesTheRuleset() throws Exception {
        when(rulesets.take("yueqing")).thenReturn(ruleset);
        when(decider.decide(same(ruleset), any())).thenReturn(new FundsReadinessResponse());

        send("?jurisdiction=yueqing", funds()).andExpect(status().isOk());

        verify(decider).decide(same(ruleset), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"targetAmount", "amountInPlace", "remainderCommitted"})
    void aMissingRequiredFieldIsNamedAndNothingIsDecided(String field) throws Exception {
        ObjectNode body = funds();
        body.remove(field);

        invalidFieldExactly(send("", body), field);
        verifyNoInteractions(rulesets, decider);
    }

    @Test
    void aTargetOfZeroIsNamed() throws Exception {
        invalidFieldExactly(send("", funds().put("targetAmount", 0)), "targetAmount");
        verifyNoInteractions(decider);
    }

    @Test
    void aNegativeAmountInPlaceIsNamed() throws Exception {
        invalidFieldExactly(send("", funds().put("amountInPlace", -1)), "amountInPlace");
        verifyNoInteractions(decider);
    }

    @Test
    void anAmountWrittenAsTextIsNamed() throws Exception {
        invalidFieldExactly(send("", funds().put("amountInPlace", "900000")), "amountInPlace");
        verifyNoInteractions(decider);
    }

    @Test
    void aCommitmentWrittenAsANumberIsNamed() throws Exception {
        invalidFieldExactly(send("", funds().put("remainderCommitted", 1)), "remainderCommitted");
        verifyNoInteractions(decider);
    }

    @Test
    void anUnknownJurisdictionIsTheDocumentedProblem() throws Exception {
        when(rulesets.take("atlantis")).thenThrow(new UnknownJurisdictionException("atlantis"));

        unknownJurisdiction(send("?jurisdiction=atlantis", funds()), "atlantis")
                .andExpect(jsonPath("$.instance").value(URL));
        verifyNoInteractions(decider);
    }

    @Test
    void compilesNoRules(@Autowired ApplicationContext context) {
        SliceContexts.assertNoRulesEngine(context);
    }
}
