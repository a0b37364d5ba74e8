package cn.wenzhou.renovation.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * {@code POST /api/v1/assessments/batch} through the real Spring context: one streamed result per item, in
 * order; a bad item is INVALID with its problem named {@code items[i]...} and never fails the others; a bad
 * batch as a whole is a 400 before anything is streamed. The 413 limit is in {@link AssessmentBatchLimitHttpTest}.
 */
@DeployedService
class AssessmentBatchHttpTest {

    private static final String URL = "/api/v1/assessments/batch";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    /** Exact decimals, so an amount is sent exactly as written here. */
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode specBatch;
    private static JsonNode wholeProject;

    @Autowired
    private MockMvc mvc;

    @BeforeAll
    static void readTheSpecExamples() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/renovation-api.yaml"));
        specBatch = spec.at("/components/examples/AssessmentBatchRequestTwoCommunities/value");
        wholeProject = spec.at("/components/examples/AssessmentRequestWholeProject/value");
        assertThat(specBatch.isObject()).isTrue();
        assertThat(wholeProject.isObject()).isTrue();
    }

    /**
     * Posts the body and, when the answer is streamed, waits for the stream to complete: as long as it takes
     * (MockMvc would give up after 10 s), since this is no test of speed.
     */
    private ResultActions batch(String body) throws Exception {
        ResultActions posted =
                mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(body));
        MvcResult result = posted.andReturn();
        if (!result.getRequest().isAsyncStarted()) {
            return posted;
        }
        result.getAsyncResult(TimeUnit.MINUTES.toMillis(10));
        return mvc.perform(asyncDispatch(result));
    }

    private ResultActions batch(JsonNode... items) throws Exception {
        ObjectNode body = NODES.objectNode();
        body.putArray("items").addAll(List.of(items));
        return batch(body.toString());
    }

    private static JsonNode read(ResultActions result) throws IOException {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A community built in {@code completionYear}, evaluated on 2025-11-03, every other fact given. */
    private static ObjectNode community(String projectName, int completionYear) {
        ObjectNode item = NODES.objectNode().put("projectName", projectName);
        ObjectNode eligibility = item.putObject("eligibility")
                .put("completionYear", completionYear)
                .put("housingKind", "ORDINARY_RESIDENTIAL_COMMUNITY")
                .put("listedInShantyRenovationPlan", false)
                .put("strongRenovationWillingness", true)
                .put("evaluationDate", "2025-11-03");
        eligibility
                .putObject("deficiencies")
                .put("functionsIncomplete", true)
                .put("facilitiesIncomplete", true)
                .put("propertyManagementInadequate", true);
        return item;
    }

    private static ObjectNode funding(String target, String inPlace, boolean committed) {
        ObjectNode item = NODES.objectNode();
        item.putObject("funding")
                .put("targetAmount", new BigDecimal(target))
                .put("amountInPlace", new BigDecimal(inPlace))
                .put("remainderCommitted", committed);
        return item;
    }

    private static ObjectNode eligibilityOf(ObjectNode item) {
        return (ObjectNode) item.get("eligibility");
    }

    @Nested
    class Results {

        @Test
        void theSpecExampleAssessesOneCommunityAndRefusesTheOneNotYetBuilt() throws Exception {
            batch(specBatch.toString())
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                    .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                    .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                    .andExpect(jsonPath("$.itemCount").value(2))
                    .andExpect(jsonPath("$.invalidCount").value(1))
                    .andExpect(jsonPath("$.results", hasSize(2)))
                    .andExpect(jsonPath("$.results[0].index").value(0))
                    .andExpect(jsonPath("$.results[0].status").value("ASSESSED"))
                    .andExpect(jsonPath("$.results[0].assessment.projectName").value("永嘉县上塘镇城西小区"))
                    .andExpect(jsonPath("$.results[0].assessment.eligibility.decision")
                            .value("PRIORITY_RENOVATION"))
                    .andExpect(jsonPath("$.results[0].problem").doesNotExist())
                    .andExpect(jsonPath("$.results[1].index").value(1))
                    .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                    .andExpect(jsonPath("$.results[1].assessment").doesNotExist())
                    .andExpect(jsonPath("$.results[1].problem.status").value(400))
                    .andExpect(jsonPath("$.results[1].problem.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.results[1].problem.errors[0].field")
                            .value("items[1].eligibility.completionYear"));
        }

        @Test
        void resultsComeInTheOrderOfTheItemsWithTheirIndex() throws Exception {
            JsonNode response = read(batch(
                            community("甲小区", 1990),
                            community("乙小区", 2005),
                            community("丙小区", 1998),
                            community("丁小区", 2012),
                            community("戊小区", 2000))
                    .andExpect(status().isOk()));
            List<String> names = List.of("甲小区", "乙小区", "丙小区", "丁小区", "戊小区");
            for (int i = 0; i < names.size(); i++) {
                JsonNode result = response.at("/results/" + i);
                assertThat(result.path("index").asInt()).isEqualTo(i);
                assertThat(result.path("status").asText()).isEqualTo("ASSESSED");
                assertThat(result.at("/assessment/projectName").asText()).isEqualTo(names.get(i));
            }
            assertThat(response.at("/results/0/assessment/eligibility/decision").asText())
                    .isEqualTo("PRIORITY_RENOVATION");
            assertThat(response.at("/results/1/assessment/eligibility/decision").asText())
                    .isNotEqualTo("PRIORITY_RENOVATION");
            assertThat(response.path("itemCount").asInt()).isEqualTo(5);
            assertThat(response.path("invalidCount").asInt()).isZero();
        }

        @Test
        void anAssessedItemIsExactlyWhatTheSingleAssessmentAnswers() throws Exception {
            String single = mvc.perform(post("/api/v1/assessments")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(wholeProject.toString()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            JsonNode response = read(batch(wholeProject).andExpect(status().isOk()));
            assertThat(response.at("/results/0/status").asText()).isEqualTo("ASSESSED");
            JSONAssert.assertEquals(single, response.at("/results/0/assessment").toString(), JSONCompareMode.STRICT);
        }

        @Test
        void theBatchCarriesTheRulesetVersionOfItsAssessments() throws Exception {
            JsonNode response = read(batch(community("甲小区", 1990)).andExpect(status().isOk()));
            assertThat(response.at("/results/0/assessment/rulesetVersion").asText())
                    .isEqualTo(response.path("rulesetVersion").asText());
        }

        @Test
        void twoThousandCommunitiesAreAllAssessed() throws Exception {
            ObjectNode body = NODES.objectNode();
            ArrayNode items = body.putArray("items");
            for (int i = 0; i < 2000; i++) {
                items.add(community("小区" + i, 1950 + i % 75));
            }
            JsonNode response = read(batch(body.toString()).andExpect(status().isOk()));
            assertThat(response.path("itemCount").asInt()).isEqualTo(2000);
            assertThat(response.path("invalidCount").asInt()).isZero();
            assertThat(response.path("results")).hasSize(2000);
            for (int i = 0; i < 2000; i++) {
                JsonNode result = response.path("results").get(i);
                assertThat(result.path("index").asInt()).isEqualTo(i);
                assertThat(result.path("status").asText()).as("item %d", i).isEqualTo("ASSESSED");
                assertThat(result.at("/assessment/projectName").asText()).isEqualTo("小区" + i);
            }
        }
    }

    /** Each kind of bad item, alone between two good ones: only it is INVALID, named items[1]. */
    @Nested
    class InvalidItems {

        private ResultActions onlyTheMiddleOneInvalid(JsonNode bad) throws Exception {
            return batch(community("前一个小区", 1995), bad, community("后一个小区", 1996))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.itemCount").value(3))
                    .andExpect(jsonPath("$.invalidCount").value(1))
                    .andExpect(jsonPath("$.results[0].status").value("ASSESSED"))
                    .andExpect(jsonPath("$.results[0].assessment.projectName").value("前一个小区"))
                    .andExpect(jsonPath("$.results[1].index").value(1))
                    .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                    .andExpect(jsonPath("$.results[1].assessment").doesNotExist())
                    .andExpect(jsonPath("$.results[2].status").value("ASSESSED"))
                    .andExpect(jsonPath("$.results[2].assessment.projectName").value("后一个小区"));
        }

        private ResultActions invalidAt(JsonNode bad, String field) throws Exception {
            return onlyTheMiddleOneInvalid(bad)
                    .andExpect(jsonPath("$.results[1].problem.status").value(400))
                    .andExpect(jsonPath("$.results[1].problem.type")
                            .value("https://wenzhou-renovation.example/problems/invalid-request"))
                    .andExpect(jsonPath("$.results[1].problem.title").value("Invalid request"))
                    .andExpect(jsonPath("$.results[1].problem.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.results[1].problem.errors[*].field").value(field))
                    .andExpect(jsonPath("$.results[1].problem.detail", containsString(field)));
        }

        @Test
        void aCompletionYearWrittenAsTextIsAWrongType() throws Exception {
            ObjectNode bad = community("中间小区", 1998);
            eligibilityOf(bad).put("completionYear", "1998");
            invalidAt(bad, "items[1].eligibility.completionYear")
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("数字")));
        }

        @Test
        void aMissingHousingKindIsNamed() throws Exception {
            ObjectNode bad = community("中间小区", 1998);
            eligibilityOf(bad).remove("housingKind");
            invalidAt(bad, "items[1].eligibility.housingKind");
        }

        @Test
        void aMissingDeficiencyIsNamedWithItsFullPath() throws Exception {
            ObjectNode bad = community("中间小区", 1998);
            ((ObjectNode) eligibilityOf(bad).get("deficiencies")).remove("facilitiesIncomplete");
            invalidAt(bad, "items[1].eligibility.deficiencies.facilitiesIncomplete");
        }

        @Test
        void anUnknownFieldInAPartIsNamed() throws Exception {
            ObjectNode bad = community("中间小区", 1998);
            eligibilityOf(bad).put("buildingCount", 12);
            invalidAt(bad, "items[1].eligibility.buildingCount")
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("未知字段")));
        }

        @Test
        void anUnknownPartIsNamed() throws Exception {
            ObjectNode bad = community("中间小区", 1998);
            bad.putObject("survey");
            invalidAt(bad, "items[1].survey");
        }

        @Test
        void aNumberInsteadOfAnObjectIsNamedByItsPosition() throws Exception {
            invalidAt(NODES.numberNode(42), "items[1]")
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("对象")));
        }

        @Test
        void aNullItemIsNamedByItsPosition() throws Exception {
            invalidAt(NODES.nullNode(), "items[1]");
        }

        @Test
        void anArrayItemIsNamedByItsPosition() throws Exception {
            invalidAt(NODES.arrayNode().add(community("中间小区", 1998)), "items[1]");
        }

        @Test
        void anEmptyObjectIsInvalidAndAsksForAPart() throws Exception {
            onlyTheMiddleOneInvalid(NODES.objectNode())
                    .andExpect(jsonPath("$.results[1].problem.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.results[1].problem.errors[0].field", startsWith("items[1]")))
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("eligibility")));
        }

        @Test
        void anEmptyObjectIsNamedByItsPosition() throws Exception {
            invalidAt(NODES.objectNode(), "items[1]");
        }

        @Test
        void aCompletionYearAfterTheEvaluationDateIsNamed() throws Exception {
            invalidAt(community("中间小区", 2026), "items[1].eligibility.completionYear");
        }

        @Test
        void anAmountWithThreeDecimalsIsNamed() throws Exception {
            invalidAt(funding("1000000.00", "900000.001", true), "items[1].funding.amountInPlace")
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("两位小数")));
        }

        @Test
        void anAmountWithEighteenDecimalDigitsIsRefusedAsTheSingleEndpointRefusesIt() throws Exception {
            invalidAt(funding("1000000.00", "899999.999999999999", true), "items[1].funding.amountInPlace")
                    .andExpect(jsonPath("$.results[1].problem.errors[0].message", containsString("两位小数")));
        }

        @Test
        void anUnknownDocumentCodeIsNamedWithItsPosition() throws Exception {
            ObjectNode bad = NODES.objectNode();
            bad.putObject("procedure")
                    .put("evaluationDate", "2025-11-03")
                    .putArray("documents")
                    .add("ANNEX_9_NO_SUCH_FORM");
            invalidAt(bad, "items[1].procedure.documents[0]");
        }

        @Test
        void aDocumentCodeInLowerCaseIsNamedWithItsPosition() throws Exception {
            ObjectNode bad = NODES.objectNode();
            bad.putObject("procedure")
                    .put("evaluationDate", "2025-11-03")
                    .putArray("documents")
                    .add("design_scheme");
            invalidAt(bad, "items[1].procedure.documents[0]");
        }

        @Test
        void aVoteDatedAfterTodayIsNamed() throws Exception {
            ObjectNode bad = NODES.objectNode();
            ObjectNode consent = ((ObjectNode) wholeProject.get("consent")).deepCopy();
            bad.set("consent", consent.put("voteDate", "2026-03-02"));
            invalidAt(bad, "items[1].consent.voteDate");
        }

        @Test
        void aSiteSurveyInAYearWithoutItsNoticeIsAssessedWithThatDeadlineUncounted() throws Exception {
            ObjectNode item = NODES.objectNode();
            item.putObject("procedure")
                    .put("evaluationDate", "2025-11-03")
                    .put("siteSurveyOn", "2019-08-05")
                    .put("intentConsentReached", true)
                    .put("planningSchemeDrafted", true)
                    .putArray("documents")
                    .add("ANNEX_1_CONSULTATION_FORM")
                    .add("PLANNING_SCHEME");
            batch(community("前一个小区", 1995), item)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.invalidCount").value(0))
                    .andExpect(jsonPath("$.results[1].status").value("ASSESSED"))
                    .andExpect(jsonPath("$.results[1].assessment.procedure.currentStep.number")
                            .value(3))
                    .andExpect(jsonPath("$.results[1].assessment.procedure.uncountedPeriods[0].field")
                            .value("siteSurveyOn"))
                    .andExpect(jsonPath("$.results[1].assessment.procedure.uncountedPeriods[0].missingYear")
                            .value(2019));
        }

        @Test
        void aMixOfGoodAndBadItemsMarksOnlyTheBadOnesInvalid() throws Exception {
            ObjectNode wrongType = community("类型错", 1998);
            eligibilityOf(wrongType).put("listedInShantyRenovationPlan", "否");
            ObjectNode missing = community("缺字段", 1998);
            eligibilityOf(missing).remove("strongRenovationWillingness");
            ObjectNode unknown = community("多字段", 1998);
            unknown.put("district", "鹿城区");
            JsonNode response = read(batch(
                            community("好一", 1990),
                            wrongType,
                            missing,
                            community("好二", 2003),
                            unknown,
                            NODES.numberNode(7),
                            NODES.nullNode(),
                            NODES.objectNode(),
                            community("好三", 1999))
                    .andExpect(status().isOk()));

            assertThat(response.path("itemCount").asInt()).isEqualTo(9);
            assertThat(response.path("invalidCount").asInt()).isEqualTo(6);
            String[] expected = {
                "ASSESSED", "INVALID", "INVALID", "ASSESSED", "INVALID", "INVALID", "INVALID", "INVALID", "ASSESSED"
            };
            for (int i = 0; i < expected.length; i++) {
                JsonNode result = response.path("results").get(i);
                assertThat(result.path("index").asInt()).isEqualTo(i);
                assertThat(result.path("status").asText()).as("item %d", i).isEqualTo(expected[i]);
                if ("INVALID".equals(expected[i])) {
                    for (JsonNode error : result.at("/problem/errors")) {
                        assertThat(error.path("field").asText())
                                .as("item %d", i)
                                .startsWith("items[" + i + "]");
                    }
                }
            }
            assertThat(response.at("/results/1/problem/errors/0/field").asText())
                    .isEqualTo("items[1].eligibility.listedInShantyRenovationPlan");
            assertThat(response.at("/results/2/problem/errors/0/field").asText())
                    .isEqualTo("items[2].eligibility.strongRenovationWillingness");
            assertThat(response.at("/results/4/problem/errors/0/field").asText())
                    .isEqualTo("items[4].district");
        }

        @Test
        void aRosterOwnersPersonalDataIsNotEchoedInAnInvalidItem() throws Exception {
            ObjectNode bad = NODES.objectNode();
            ObjectNode consent = bad.putObject("consent")
                    .put("round", "FIRST_CONSENT")
                    .put("voteDate", "2026-02-27")
                    .put("totalExclusiveArea", new BigDecimal("180.00"))
                    .put("totalHouseholds", 2);
            ArrayNode roster = consent.putArray("roster");
            roster.addObject()
                    .put("roomNumber", "3-101")
                    .put("exclusiveArea", new BigDecimal("90.00"))
                    .put("ballot", "AGREE")
                    .put("ownerName", "欧阳明华")
                    .put("idNumber", "330302198001011234")
                    .put("phone", "13857712345");
            roster.addObject()
                    .put("roomNumber", "3-101")
                    .put("exclusiveArea", new BigDecimal("90.00"))
                    .put("ballot", "AGREE")
                    .put("ownerName", "欧阳明华")
                    .put("idNumber", "330302198001011234")
                    .put("phone", "13857712345");
            String body = invalidAt(bad, "items[1].consent.roster[1].roomNumber")
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).doesNotContain("欧阳明华", "330302198001011234", "13857712345");
        }
    }

    /** A batch that is wrong as a whole is refused before anything is streamed. */
    @Nested
    class BadBatches {

        private ResultActions refused(String body, String code, String field) throws Exception {
            return batch(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value(code))
                    .andExpect(jsonPath("$.errors[*].field").value(field));
        }

        @Test
        void malformedJsonIsAMalformedRequest() throws Exception {
            refused("{\"items\": [{\"projectName\": \"甲小区\", }]}", "MALFORMED_REQUEST", "body");
        }

        @Test
        void aBodyCutOffAfterTheFirstItemIsAMalformedRequest() throws Exception {
            refused("{\"items\": [" + community("甲小区", 1990) + ",", "MALFORMED_REQUEST", "body");
        }

        @Test
        void anEmptyBodyIsRefused() throws Exception {
            batch("")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors[0].field").value("body"));
        }

        @Test
        void noItemsAtAllIsRefused() throws Exception {
            refused("{\"items\": []}", "INVALID_FIELD", "items");
        }

        @Test
        void anEmptyObjectIsRefused() throws Exception {
            refused("{}", "INVALID_FIELD", "items");
        }

        @Test
        void itemsThatAreNotAnArrayAreRefused() throws Exception {
            refused("{\"items\": " + community("甲小区", 1990) + "}", "INVALID_FIELD", "items");
        }

        @Test
        void aBareArrayOfItemsIsRefused() throws Exception {
            refused("[" + community("甲小区", 1990) + "]", "INVALID_FIELD", "body");
        }

        @Test
        void anUnknownTopLevelFieldIsRefusedByName() throws Exception {
            refused("{\"items\": [" + community("甲小区", 1990) + "], \"district\": \"鹿城区\"}", "INVALID_FIELD", "district")
                    .andExpect(jsonPath("$.errors[0].message", containsString("未知字段")));
        }

        @Test
        void anUnknownFieldBeforeTheItemsIsRefusedByName() throws Exception {
            refused("{\"dryRun\": true, \"items\": [" + community("甲小区", 1990) + "]}", "INVALID_FIELD", "dryRun");
        }

        @Test
        void itemsGivenTwiceAreRefusedRatherThanJoined() throws Exception {
            refused(
                            "{\"items\": [" + community("甲小区", 1990) + "], \"items\": [" + community("乙小区", 1991)
                                    + "]}",
                            "INVALID_FIELD",
                            "items")
                    .andExpect(jsonPath("$.errors[0].message", containsString("两次")));
        }

        @Test
        void contentAfterTheBatchIsRefused() throws Exception {
            batch("{\"items\": [" + community("甲小区", 1990) + "]} {\"items\": []}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.errors[0].field").value("body"));
        }

        @Test
        void aBatchSentAsTextIsAnUnsupportedMediaType() throws Exception {
            mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("{\"items\": []}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }
    }
}
