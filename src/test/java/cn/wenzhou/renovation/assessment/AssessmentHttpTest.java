package cn.wenzhou.renovation.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/assessments} through the real Spring context and the real rules: one project, every
 * part, each answered exactly as its own endpoint answers it, and every input error named with its part.
 * The request is the spec's own example {@code AssessmentRequestWholeProject}, edited per test.
 */
@DeployedService
class AssessmentHttpTest {

    private static final String URL = "/api/v1/assessments";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode wholeProject;

    @Autowired
    private MockMvc mvc;

    @BeforeAll
    static void readTheSpecExample() throws IOException {
        wholeProject = new ObjectMapper(new YAMLFactory())
                .readTree(new File("openapi/renovation-api.yaml"))
                .at("/components/examples/AssessmentRequestWholeProject/value");
        assertThat(wholeProject.isObject())
                .as("example AssessmentRequestWholeProject in the spec")
                .isTrue();
    }

    /** A fresh, editable copy of the whole-project example. */
    private static ObjectNode project() {
        return wholeProject.deepCopy();
    }

    private ResultActions postJson(String url, String body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions assess(JsonNode body) throws Exception {
        return postJson(URL, body.toString());
    }

    private static String text(MvcResult result) throws IOException {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Nested
    class WholeProject {

        @Test
        void theSpecExampleAnswersEveryPart() throws Exception {
            assess(project())
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                    .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                    .andExpect(jsonPath("$.projectName").value("瑞安市安阳街道万松小区改造项目"))
                    .andExpect(jsonPath("$.eligibility.decision").value("PRIORITY_RENOVATION"))
                    .andExpect(jsonPath("$.consent.sufficient").value(true))
                    .andExpect(jsonPath("$.funding.decision").value("READY"))
                    .andExpect(jsonPath("$.funding.arrivalRate.fraction").value("9/10"))
                    .andExpect(jsonPath("$.approvals.optimizedScope").value(true))
                    .andExpect(jsonPath("$.approvals.steps", hasSize(15)))
                    .andExpect(jsonPath("$.procedure.currentStep.code").value("IMPLEMENTATION"))
                    .andExpect(jsonPath("$.procedure.publicity.satisfied").value(true));
        }

        @Test
        void everyPartCarriesTheSameRulesetVersionAsTheWhole() throws Exception {
            JsonNode response = JSON.readTree(
                    text(assess(project()).andExpect(status().isOk()).andReturn()));
            String version = response.path("rulesetVersion").asText();
            for (String part : new String[] {"eligibility", "consent", "funding", "approvals", "procedure"}) {
                assertThat(response.path(part).path("rulesetVersion").asText())
                        .as(part)
                        .isEqualTo(version);
                assertThat(response.path(part).path("jurisdiction").asText())
                        .as(part)
                        .isEqualTo("wenzhou");
            }
        }

        @Test
        void aPartLeftOutIsNotAnswered() throws Exception {
            ObjectNode onlyFunding = JSON.createObjectNode();
            onlyFunding.set("funding", wholeProject.get("funding"));
            assess(onlyFunding)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.funding.decision").value("READY"))
                    .andExpect(jsonPath("$.projectName").doesNotExist())
                    .andExpect(jsonPath("$.eligibility").doesNotExist())
                    .andExpect(jsonPath("$.consent").doesNotExist())
                    .andExpect(jsonPath("$.approvals").doesNotExist())
                    .andExpect(jsonPath("$.procedure").doesNotExist());
        }
    }

    /** Each part of the whole-project answer is, byte for byte in JSON terms, what the part's own endpoint answers. */
    @Nested
    class SameAnswerAsItsOwnEndpoint {

        private void samePartAs(String part, String ownUrl) throws Exception {
            JsonNode whole = JSON.readTree(
                    text(assess(project()).andExpect(status().isOk()).andReturn()));
            String alone = text(postJson(ownUrl, wholeProject.get(part).toString())
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(whole.has(part))
                    .as(part + " in the whole-project answer")
                    .isTrue();
            // STRICT: same fields, same values, arrays in the same order.
            JSONAssert.assertEquals(alone, whole.get(part).toString(), JSONCompareMode.STRICT);
        }

        @Test
        void eligibilityIsAnsweredAsByItsOwnEndpoint() throws Exception {
            samePartAs("eligibility", "/api/v1/eligibility");
        }

        @Test
        void consentIsAnsweredAsByItsOwnEndpoint() throws Exception {
            samePartAs("consent", "/api/v1/consent/tally");
        }

        @Test
        void fundingIsAnsweredAsByItsOwnEndpoint() throws Exception {
            samePartAs("funding", "/api/v1/funding/readiness");
        }

        @Test
        void approvalsAreAnsweredAsByTheirOwnEndpoint() throws Exception {
            samePartAs("approvals", "/api/v1/approvals/plan");
        }

        @Test
        void procedureIsAnsweredAsByItsOwnEndpoint() throws Exception {
            samePartAs("procedure", "/api/v1/procedure/status");
        }

        @Test
        void aNotReadyFundingPartIsAnsweredAsByItsOwnEndpoint() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("funding"))
                    .put("amountInPlace", new java.math.BigDecimal("1349999.99"))
                    .put("remainderCommitted", false);
            JsonNode whole = JSON.readTree(
                    text(assess(request).andExpect(status().isOk()).andReturn()));
            String alone = text(
                    postJson("/api/v1/funding/readiness", request.get("funding").toString())
                            .andExpect(status().isOk())
                            .andReturn());
            assertThat(whole.at("/funding/decision").asText()).isEqualTo("NOT_READY");
            JSONAssert.assertEquals(alone, whole.get("funding").toString(), JSONCompareMode.STRICT);
        }
    }

    @Nested
    class PersonalData {

        @Test
        void aRosterOwnersNameIdNumberAndPhoneAreNotReturned() throws Exception {
            ObjectNode request = project();
            ObjectNode consent = (ObjectNode) request.get("consent");
            consent.remove("counts");
            consent.put("totalExclusiveArea", new java.math.BigDecimal("180.00"))
                    .put("totalHouseholds", 2);
            ArrayNode roster = consent.putArray("roster");
            roster.addObject()
                    .put("roomNumber", "3-101")
                    .put("exclusiveArea", new java.math.BigDecimal("90.00"))
                    .put("ballot", "AGREE")
                    .put("ownerName", "欧阳明华")
                    .put("idNumber", "330302198001011234")
                    .put("phone", "13857712345");
            roster.addObject()
                    .put("roomNumber", "3-102")
                    .put("exclusiveArea", new java.math.BigDecimal("90.00"))
                    .put("ballot", "AGREE");
            String body = text(assess(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.consent.sufficient").value(true))
                    .andReturn());
            assertThat(body).doesNotContain("欧阳明华", "330302198001011234", "13857712345");
        }
    }

    @Nested
    class RequestErrors {

        private ResultActions invalid(JsonNode body, String field) throws Exception {
            return assess(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[*].field").value(field))
                    .andExpect(jsonPath("$.detail", containsString(field)));
        }

        @Test
        void anEmptyObjectIsRefusedNamingTheBody() throws Exception {
            invalid(JSON.createObjectNode(), "body")
                    .andExpect(jsonPath("$.errors[0].message", containsString("eligibility")));
        }

        @Test
        void onlyAProjectNameIsRefusedNamingTheBody() throws Exception {
            ObjectNode nameOnly = JSON.createObjectNode().put("projectName", "万松小区改造项目");
            invalid(nameOnly, "body");
        }

        @Test
        void aNegativeFundingTargetIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("funding")).put("targetAmount", -1);
            invalid(request, "funding.targetAmount");
        }

        @Test
        void anAmountInPlaceWithThreeDecimalsIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("funding")).put("amountInPlace", new java.math.BigDecimal("1350000.001"));
            invalid(request, "funding.amountInPlace")
                    .andExpect(jsonPath("$.errors[0].message", containsString("两位小数")));
        }

        @Test
        void aCompletionYearBefore1900IsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("eligibility")).put("completionYear", 1899);
            invalid(request, "eligibility.completionYear");
        }

        @Test
        void aCompletionYearAfterTheEvaluationDateIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("eligibility")).put("completionYear", 2026);
            invalid(request, "eligibility.completionYear")
                    .andExpect(jsonPath("$.errors[0].message", containsString("2025-11-03")));
        }

        @Test
        void aTotalInvestmentWithThreeDecimalsIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("approvals")).put("totalInvestment", new java.math.BigDecimal("9600000.005"));
            invalid(request, "approvals.totalInvestment");
        }

        @Test
        void aMissingApprovalFactIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("approvals")).remove("involvesFireSafety");
            invalid(request, "approvals.involvesFireSafety");
        }

        @Test
        void anUnknownDocumentCodeIsNamedWithItsPartAndPosition() throws Exception {
            ObjectNode request = project();
            ((ArrayNode) request.get("procedure").get("documents")).insert(0, "ANNEX_9_NO_SUCH_FORM");
            invalid(request, "procedure.documents[0]")
                    .andExpect(jsonPath("$.errors[0].message", containsString("ANNEX_1_CONSULTATION_FORM")));
        }

        @Test
        void aDocumentCodeInLowerCaseIsNamedWithItsPartAndPosition() throws Exception {
            ObjectNode request = project();
            ((ArrayNode) request.get("procedure").get("documents")).set(2, request.textNode("design_scheme"));
            invalid(request, "procedure.documents[2]");
        }

        @Test
        void aPublicityLastDayBeforeItsPostingIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("procedure")).put("publicityLastDay", "2025-09-21");
            invalid(request, "procedure.publicityLastDay");
        }

        @Test
        void consentCountsAboveTheTotalAreNamedWithTheirPart() throws Exception {
            ObjectNode request = project();
            // 151 agreeing households of 150: that count alone is impossible, and is named with its part.
            ((ObjectNode) request.get("consent").get("counts")).put("agreeingHouseholds", 151);
            assess(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].field").value("consent.counts.agreeingHouseholds"));
        }

        @Test
        void anUnknownHousingKindIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("eligibility")).put("housingKind", "VILLA");
            invalid(request, "eligibility.housingKind");
        }

        @Test
        void anUnknownFieldInsideAPartIsNamedWithItsPart() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("funding")).put("discount", 0);
            invalid(request, "funding.discount").andExpect(jsonPath("$.errors[0].message", containsString("未知字段")));
        }

        @Test
        void anUnknownPartIsRefusedByName() throws Exception {
            ObjectNode request = project();
            request.putObject("satisfaction");
            invalid(request, "satisfaction");
        }

        @Test
        void aPartGivenAsAnArrayIsRefusedByName() throws Exception {
            ObjectNode request = project();
            request.putArray("funding");
            invalid(request, "funding");
        }

        @Test
        void aBodyThatIsNotJsonIsMalformed() throws Exception {
            postJson(URL, "{\"projectName\": \"万松小区改造项目\",")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"));
        }

        @Test
        void aBodyCutOffInsideAPartIsMalformed() throws Exception {
            // Every fact of an assessment sits inside a part, so this is where a cut-off body usually ends.
            postJson(URL, "{\"funding\": {\"targetAmount\": 1500000.00,")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"));
        }
    }

    @Nested
    class CalendarCoverage {

        @Test
        void aSiteSurveyInAYearWithoutItsNoticeLeavesOnlyThatDeadlineUncounted() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("procedure"))
                    .put("siteSurveyOn", "2019-08-05")
                    .put("departmentRepliesReceived", false);
            assess(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.eligibility.decision").value("PRIORITY_RENOVATION"))
                    .andExpect(jsonPath("$.funding.decision").value("READY"))
                    .andExpect(jsonPath("$.procedure.currentStep.number").value(3))
                    .andExpect(jsonPath("$.procedure.uncountedPeriods[0].field").value("siteSurveyOn"))
                    .andExpect(jsonPath("$.procedure.uncountedPeriods[0].missingYear")
                            .value(2019));
        }

        @Test
        void aPublicityPostedInAYearWithoutItsNoticeLeavesOnlyThePublicityUncounted() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("procedure"))
                    .put("publicityPostedOn", "2019-12-20")
                    .put("publicityLastDay", "2020-01-10");
            assess(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.consent.sufficient").value(true))
                    .andExpect(jsonPath("$.procedure.publicity").doesNotExist())
                    .andExpect(jsonPath("$.procedure.uncountedPeriods[0].field").value("publicityPostedOn"))
                    .andExpect(jsonPath("$.procedure.uncountedPeriods[0].missingYear")
                            .value(2019));
        }

        @Test
        void anEvaluationDateInAYearWithoutItsNoticeIsAnswered() throws Exception {
            ObjectNode request = project();
            ((ObjectNode) request.get("procedure")).put("evaluationDate", "2031-01-06");
            assess(request)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.procedure.uncountedPeriods").isEmpty());
        }
    }
}
