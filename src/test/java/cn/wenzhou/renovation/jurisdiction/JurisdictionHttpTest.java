package cn.wenzhou.renovation.jurisdiction;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The jurisdictions over HTTP: the listing, and decisions asked of the Yueqing variant or the Wenzhou base. */
@DeployedService
class JurisdictionHttpTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void theListingShowsWenzhouThenYueqingWithTheFilesYueqingAdds() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdictions[*].code", contains("wenzhou", "yueqing")))
                .andExpect(jsonPath("$.jurisdictions[1].name").value("乐清市"))
                .andExpect(jsonPath("$.jurisdictions[1].parent").value("wenzhou"))
                .andExpect(jsonPath("$.jurisdictions[1].demonstration").value(false))
                .andExpect(jsonPath(
                        "$.jurisdictions[1].additions", hasItem("decision-tables/eligibility/subdistricts.xlsx")))
                .andExpect(jsonPath("$.jurisdictions[1].rulesetVersion").isString());
    }

    @Test
    void bothRepositoryJurisdictionsAreServedWithoutFindings() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions"))
                .andExpect(jsonPath("$.jurisdictions[*].served", contains(true, true)))
                .andExpect(jsonPath("$.jurisdictions[0].findings").isEmpty())
                .andExpect(jsonPath("$.jurisdictions[1].findings").isEmpty());
    }

    private static final String TABLE = "$.tables[?(@.file == 'decision-tables/eligibility/subdistricts.xlsx')]";
    private static final String CASES = "$.tables[?(@.file == 'decision-tables/eligibility/subdistricts.cases.xlsx')]";

    @Test
    void yueqingsDiffListsItsSubdistrictRowsAndRulesAsAdditions() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/yueqing/diff"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.base").value("wenzhou"))
                .andExpect(jsonPath("$.served").value(true))
                .andExpect(jsonPath(
                        "$.tables[*].file",
                        containsInAnyOrder(
                                "decision-tables/eligibility/subdistricts.xlsx",
                                "decision-tables/eligibility/subdistricts.cases.xlsx")))
                .andExpect(jsonPath(TABLE + ".countyFile")
                        .value("decision-tables/counties/yueqing/eligibility/subdistricts.xlsx"))
                .andExpect(jsonPath(TABLE + ".rows[*].change", everyItem(is("ADDED"))))
                .andExpect(jsonPath(TABLE + ".rows[*].cells[*].after", hasItems("乐成街道", "城东街道", "城南街道")))
                // Yueqing's own golden cases are new beside its table.
                .andExpect(jsonPath(CASES + ".rows[*].change", everyItem(is("ADDED"))))
                .andExpect(jsonPath(
                        "$.rules[*].ruleId",
                        containsInAnyOrder(
                                "ELIG-YUEQING-WITHIN-RENOVATION-AREAS",
                                "ELIG-YUEQING-OUTSIDE-RENOVATION-AREAS",
                                "ELIG-YUEQING-SUBDISTRICT-MISSING")))
                .andExpect(jsonPath("$.rules[*].change", everyItem(is("ADDED"))))
                .andExpect(jsonPath("$.summary", hasItem(containsString("新增规则 ELIG-YUEQING-OUTSIDE-RENOVATION-AREAS"))))
                .andExpect(jsonPath("$.statutoryViolations").isEmpty())
                .andExpect(jsonPath("$.problems").isEmpty());
    }

    @Test
    void wenzhouAgainstItselfHasNoDifferences() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/wenzhou/diff"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").isEmpty())
                .andExpect(jsonPath("$.tables").isEmpty())
                .andExpect(jsonPath("$.rules").isEmpty());
    }

    @Test
    void theDiffOfAnUnknownCodeIsA404NamingIt() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/atlantis/diff"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_JURISDICTION"))
                .andExpect(jsonPath("$.detail", containsString("atlantis")));
    }

    @Test
    void theDiffOfAMalformedCodeIsA400NamingTheCode() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/Not_A_Code/diff"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("code"));
    }

    @Test
    void aMalformedJurisdictionParameterIsA400NamingIt() throws Exception {
        eligibility("Yue Qing", "柳市镇")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"));
    }

    @Test
    void aCommunityInLiushiTownIsNotEligibleUnderYueqing() throws Exception {
        eligibility("yueqing", "柳市镇")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.whyNot[0].ruleId").value("ELIG-YUEQING-OUTSIDE-RENOVATION-AREAS"))
                .andExpect(jsonPath("$.whyNot[0].clause.source").value("乐清市城镇老旧小区改造三年行动方案"));
    }

    @Test
    void theSameCommunityIsEligibleUnderWenzhou() throws Exception {
        eligibility("wenzhou", "柳市镇")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
    }

    @Test
    void aCommunityInLechengSubdistrictIsEligibleUnderYueqing() throws Exception {
        eligibility("yueqing", "乐成街道")
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"))
                .andExpect(jsonPath("$.reasons[*].ruleId", hasItem("ELIG-YUEQING-WITHIN-RENOVATION-AREAS")));
    }

    @Test
    void anUnknownJurisdictionIsA404ProblemNamingIt() throws Exception {
        eligibility("atlantis", "柳市镇")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_JURISDICTION"))
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"))
                .andExpect(jsonPath("$.detail", containsString("atlantis")));
    }

    @Test
    void everyDecisionEndpointAnswersWithTheJurisdictionAsked() throws Exception {
        mvc.perform(post("/api/v1/funding/readiness")
                        .param("jurisdiction", "yueqing")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"targetAmount\": 1000000, \"amountInPlace\": 900000, \"remainderCommitted\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.decision").value("READY"));
        mvc.perform(get("/api/v1/catalog").param("jurisdiction", "yueqing"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"));
        mvc.perform(post("/api/v1/calendar/working-days")
                        .param("jurisdiction", "atlantis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"range\": {\"from\": \"2025-10-01\", \"to\": \"2025-10-10\"}}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_JURISDICTION"));
    }

    @Test
    void aWholeProjectAssessmentUnderYueqingUsesYueqingsEligibilityRules() throws Exception {
        mvc.perform(post("/api/v1/assessments")
                        .param("jurisdiction", "yueqing")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eligibility\": " + COMMUNITY.formatted("柳市镇") + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.eligibility.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.eligibility.decision").value("NOT_ELIGIBLE"));
    }

    private static final String COMMUNITY = """
            {"completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
             "listedInShantyRenovationPlan": false,
             "deficiencies": {"functionsIncomplete": true, "facilitiesIncomplete": true, "propertyManagementInadequate": true},
             "strongRenovationWillingness": true, "evaluationDate": "2025-11-03", "subdistrict": "%s"}
            """;

    private ResultActions eligibility(String jurisdiction, String subdistrict) throws Exception {
        return mvc.perform(post("/api/v1/eligibility")
                .param("jurisdiction", jurisdiction)
                .contentType(MediaType.APPLICATION_JSON)
                .content(COMMUNITY.formatted(subdistrict)));
    }
}
