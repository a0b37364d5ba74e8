package cn.wenzhou.renovation.eligibility;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/eligibility} through the real Spring context, real JSON and the real rules. */
@DeployedService
class EligibilityHttpTest {

    private static final String URL = "/api/v1/eligibility";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    /** A 1995 ordinary community with nothing against it; each test changes what it is about. */
    private static Map<String, Object> community() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "鹿城区翠微小区");
        body.put("completionYear", 1995);
        body.put("housingKind", "ORDINARY_RESIDENTIAL_COMMUNITY");
        body.put("listedInShantyRenovationPlan", false);
        body.put("deficiencies", deficiencies(true, true, true));
        body.put("strongRenovationWillingness", true);
        body.put("evaluationDate", "2026-03-01");
        return body;
    }

    private static Map<String, Object> deficiencies(boolean functions, boolean facilities, boolean management) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("functionsIncomplete", functions);
        d.put("facilitiesIncomplete", facilities);
        d.put("propertyManagementInadequate", management);
        return d;
    }

    private ResultActions postJson(Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions decided(Map<String, Object> body, String decision) throws Exception {
        return postJson(body)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.decision").value(decision))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")));
    }

    @Nested
    class CompletionYear {

        @Test
        void communityBuiltIn2001WithoutAllThreeDeficienciesIsNotEligibleAndSaysWhy() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2001);
            body.put("deficiencies", deficiencies(true, true, false));
            decided(body, "NOT_ELIGIBLE")
                    .andExpect(jsonPath("$.whyNot[*].ruleId", hasItem("ELIG-UNMET-DEFICIENCIES")))
                    .andExpect(jsonPath("$.whyNot[0].clause.section").value("一、改造范围"))
                    .andExpect(jsonPath("$.whyNot[0].message", containsString("仅具备2项")));
        }

        @Test
        void communityBuiltIn2001WithoutStrongWillingnessIsNotEligible() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2001);
            body.put("strongRenovationWillingness", false);
            decided(body, "NOT_ELIGIBLE").andExpect(jsonPath("$.whyNot[*].ruleId", hasItem("ELIG-UNMET-WILLINGNESS")));
        }

        @Test
        void priorityAnswerCitesTheClauseAndHasNoWhyNot() throws Exception {
            decided(community(), "PRIORITY_RENOVATION")
                    .andExpect(jsonPath("$.decisionLabel").value("重点改造"))
                    .andExpect(jsonPath("$.reasons[0].ruleId").value("ELIG-DECIDE-PRIORITY"))
                    .andExpect(jsonPath("$.reasons[0].effect").value("DECISION"))
                    .andExpect(jsonPath(
                            "$.reasons[*].ruleId",
                            hasItems(
                                    "ELIG-PRIORITY-BUILT-BEFORE-CUTOFF",
                                    "ELIG-NOT-IN-SHANTY-PLAN",
                                    "ELIG-NO-EXPROPRIATION-WITHIN-WINDOW")))
                    .andExpect(jsonPath("$.reasons[1].clause.quote", containsString("2000年前建成")))
                    .andExpect(jsonPath("$.whyNot").isEmpty());
        }
    }

    /** Each interpretation that applies a parameter shows the value in force, not only the parameter's name. */
    @Nested
    class InterpretationsShowTheValuesInForce {

        @Test
        void theExpropriationWindowIsFiveYearsIncludingTheFifth() throws Exception {
            Map<String, Object> body = community();
            body.put("plannedExpropriationYear", 2031);
            decided(body, "NOT_ELIGIBLE")
                    .andExpect(jsonPath(
                            "$.whyNot[?(@.ruleId == 'ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW')].interpretation",
                            contains("计划征收年份减评估年份不超过 5 年（含本数）的，属“5年内列入征收计划”（参数 ELIG-PARAM-EXPROPRIATION-WINDOW）")));
        }

        @Test
        void theRequiredDeficienciesAreThree() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2001);
            body.put("deficiencies", deficiencies(true, true, false));
            decided(body, "NOT_ELIGIBLE")
                    .andExpect(jsonPath(
                            "$.whyNot[?(@.ruleId == 'ELIG-UNMET-DEFICIENCIES')].interpretation",
                            contains("竣工年份晚于 2000 年的小区，须具备上述不足中的 3 项（含本数）方可纳入（参数 ELIG-PARAM-REQUIRED-DEFICIENCIES）")));
        }

        @Test
        void theCutOffYearIs2000Inclusive() throws Exception {
            decided(community(), "PRIORITY_RENOVATION")
                    .andExpect(jsonPath(
                            "$.reasons[?(@.ruleId == 'ELIG-PRIORITY-BUILT-BEFORE-CUTOFF')].interpretation",
                            contains("竣工年份不晚于 2000 年（含本数）的小区属“2000年前建成”（参数 ELIG-PARAM-PRIORITY-CUTOFF）")));
        }

        @Test
        void noInterpretationOnlyPointsAtAParameter() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2001);
            body.put("deficiencies", deficiencies(true, false, false));
            body.put("plannedExpropriationYear", 2030);
            decided(body, "NOT_ELIGIBLE")
                    .andExpect(jsonPath("$..interpretation", everyItem(not(containsString("见参数")))));
        }
    }

    @Nested
    class Exclusions {

        @ParameterizedTest(name = "expropriation in {0}: {1}")
        @CsvSource({"2030, NOT_ELIGIBLE", "2031, NOT_ELIGIBLE", "2032, PRIORITY_RENOVATION"})
        void expropriationWithinFiveYearsIncludingTheFifthExcludes(int plannedYear, String decision) throws Exception {
            Map<String, Object> body = community();
            body.put("plannedExpropriationYear", plannedYear);
            ResultActions result = decided(body, decision);
            if (decision.equals("NOT_ELIGIBLE")) {
                result.andExpect(jsonPath("$.whyNot[*].ruleId", hasItem("ELIG-EXCL-EXPROPRIATION-WITHIN-WINDOW")));
            } else {
                result.andExpect(jsonPath("$.reasons[*].ruleId", hasItem("ELIG-NO-EXPROPRIATION-WITHIN-WINDOW")));
            }
        }

        @Test
        void communityInShantyRenovationPlanIsNotEligible() throws Exception {
            Map<String, Object> body = community();
            body.put("listedInShantyRenovationPlan", true);
            decided(body, "NOT_ELIGIBLE")
                    .andExpect(jsonPath("$.whyNot[*].ruleId", hasItem("ELIG-EXCL-IN-SHANTY-PLAN")));
        }

        @ParameterizedTest(name = "{0} is out of scope")
        @CsvSource({
            "URBAN_VILLAGE, ELIG-OUT-URBAN-VILLAGE",
            "MAINLY_SELF_BUILT_HOUSING_AREA, ELIG-OUT-SELF-BUILT",
            "SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD, ELIG-OUT-SHANTY-DEMOLITION"
        })
        void housingKindsTheGuideLeavesOutAreOutOfScope(String kind, String ruleId) throws Exception {
            Map<String, Object> body = community();
            body.put("housingKind", kind);
            decided(body, "OUT_OF_SCOPE")
                    .andExpect(jsonPath("$.whyNot[*].ruleId", hasItem(ruleId)))
                    .andExpect(jsonPath("$.reasons[*].effect", not(hasItem("QUALIFIES_FOR_PRIORITY"))));
        }
    }

    @Nested
    class Defaults {

        @Test
        void evaluationDateDefaultsToTodayInWenzhou() throws Exception {
            Map<String, Object> body = community();
            body.remove("evaluationDate");
            body.put("plannedExpropriationYear", 2031);
            decided(body, "NOT_ELIGIBLE").andExpect(jsonPath("$.evaluationDate").value("2026-03-01"));
        }

        @Test
        void omittedExpropriationYearMeansNoneIsPlanned() throws Exception {
            decided(community(), "PRIORITY_RENOVATION");
        }
    }

    @Nested
    class BadInput {

        private void rejected(Object body, String field, String code) throws Exception {
            postJson(body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.status").value(400))
                    .andExpect(jsonPath("$.code").value(code))
                    .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                    .andExpect(jsonPath("$.detail", containsString(field)))
                    .andExpect(content().string(not(containsString("Exception"))))
                    .andExpect(content().string(not(containsString("\tat "))));
        }

        @ParameterizedTest(name = "missing {0}")
        @ValueSource(
                strings = {
                    "completionYear",
                    "housingKind",
                    "listedInShantyRenovationPlan",
                    "deficiencies",
                    "strongRenovationWillingness"
                })
        void missingRequiredFieldIsNamed(String field) throws Exception {
            Map<String, Object> body = community();
            body.remove(field);
            rejected(body, field, "INVALID_FIELD");
            postJson(body).andExpect(jsonPath("$.errors[0].message").value("须填写 (must not be null)"));
        }

        @Test
        void missingNestedFieldIsNamedWithItsPath() throws Exception {
            Map<String, Object> body = community();
            @SuppressWarnings("unchecked")
            Map<String, Object> d = (Map<String, Object>) body.get("deficiencies");
            d.remove("propertyManagementInadequate");
            rejected(body, "deficiencies.propertyManagementInadequate", "INVALID_FIELD");
        }

        @Test
        void completionYearInTheFutureIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2027);
            rejected(body, "completionYear", "INVALID_FIELD");
        }

        @Test
        void completionYearAfterAnExplicitPastEvaluationDateIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 2022);
            body.put("evaluationDate", "2021-06-30");
            rejected(body, "completionYear", "INVALID_FIELD");
        }

        @ParameterizedTest(name = "completionYear {0}")
        @ValueSource(ints = {-1995, 0, 1899})
        void impossibleCompletionYearIsRejected(int year) throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", year);
            rejected(body, "completionYear", "INVALID_FIELD");
            postJson(body).andExpect(jsonPath("$.errors[0].message", startsWith("不能小于 ")));
        }

        @Test
        void negativeExpropriationYearIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("plannedExpropriationYear", -5);
            rejected(body, "plannedExpropriationYear", "INVALID_FIELD");
        }

        @Test
        void textWhereANumberBelongsIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", "1995");
            rejected(body, "completionYear", "INVALID_FIELD");
        }

        @Test
        void fractionalYearIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("completionYear", 1995.5);
            rejected(body, "completionYear", "INVALID_FIELD");
        }

        @Test
        void textWhereABooleanBelongsIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("listedInShantyRenovationPlan", "no");
            rejected(body, "listedInShantyRenovationPlan", "INVALID_FIELD");
        }

        @Test
        void unknownHousingKindIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("housingKind", "VILLA");
            rejected(body, "housingKind", "INVALID_FIELD");
        }

        @Test
        void malformedDateIsRejected() throws Exception {
            Map<String, Object> body = community();
            body.put("evaluationDate", "2026-13-45");
            rejected(body, "evaluationDate", "INVALID_FIELD");
        }

        @Test
        void unknownFieldIsRejectedRatherThanIgnored() throws Exception {
            Map<String, Object> body = community();
            body.put("completionyear", 1995);
            rejected(body, "completionyear", "INVALID_FIELD");
        }

        @Test
        void malformedJsonIsRejectedNamingTheBody() throws Exception {
            rejected("{\"completionYear\": 1995,", "body", "MALFORMED_REQUEST");
        }

        @Test
        void emptyBodyIsRejectedNamingTheBody() throws Exception {
            rejected("", "body", "MALFORMED_REQUEST");
        }

        @Test
        void wrongContentTypeIsAProblem() throws Exception {
            mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("1995"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }

        @Test
        void wrongMethodIsAProblem() throws Exception {
            mvc.perform(get(URL))
                    .andExpect(status().isMethodNotAllowed())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
        }
    }

    @Test
    void healthIsUpWithTheCalendarsHorizonAsAComponent() throws Exception {
        // The calendar component is UP or, near the end of its last year, WARN: either way the instance stays UP.
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.calendar.status").value(org.hamcrest.Matchers.oneOf("UP", "WARN")));
    }

    @Test
    void swaggerUiShowsTheSpecFileTheServerIsGeneratedFrom() throws Exception {
        mvc.perform(get("/v3/api-docs/swagger-config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/openapi/renovation-api.yaml"));
        mvc.perform(get("/openapi/renovation-api.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("operationId: decideEligibility")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isNotFound());
    }
}
