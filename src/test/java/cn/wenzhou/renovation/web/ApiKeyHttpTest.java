package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.StaffUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * With API keys configured, decision endpoints answer a portal that sends a configured key (or staff
 * signed in, as the console does) and refuse anyone else with a 401 problem; health, the spec and the
 * console page stay open. Without keys (every other HTTP test) they are open.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiKeyHttpTest {

    private static final String PORTAL_KEY = "wz-portal-7c1e9a0d5b2f4e8c9a6d3b1f0e7c5a2d";
    private static final String PASSWORD = "console password";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void keysAndStaff(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, "li.na", "rules-editor");
        registry.add("renovation.security.api-keys[0].client", () -> "zheliban-portal");
        registry.add(
                "renovation.security.api-keys[0].sha256",
                () -> ApiKeyFilter.sha256(PORTAL_KEY).toUpperCase());
    }

    @Test
    void aConfiguredKeyIsAnswered() throws Exception {
        mvc.perform(eligibility().header(ApiKeyFilter.HEADER, PORTAL_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
    }

    @Test
    void noKeyIsA401ProblemNamingTheHeaderWithoutABrowserLoginPrompt() throws Exception {
        mvc.perform(eligibility())
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("X-API-Key")))
                .andExpect(header().doesNotExist("WWW-Authenticate"));
        mvc.perform(get("/api/v1/jurisdictions")).andExpect(status().isUnauthorized());
    }

    @Test
    void anUnknownKeyIsRefusedAndNotEchoed() throws Exception {
        mvc.perform(eligibility().header(ApiKeyFilter.HEADER, PORTAL_KEY + "x"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(Matchers.not(Matchers.containsString(PORTAL_KEY))));
    }

    @Test
    void aReceiptIsReadWithAKeyToo() throws Exception {
        String receipt = mvc.perform(
                        eligibility().header(ApiKeyFilter.HEADER, PORTAL_KEY).header("Decision-Receipt", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader("Decision-Receipt");
        assertThat(receipt).isNotBlank();
        mvc.perform(get("/api/v1/receipts/" + receipt))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("X-API-Key")));
        mvc.perform(get("/api/v1/receipts/" + receipt).header(ApiKeyFilter.HEADER, PORTAL_KEY))
                .andExpect(status().isOk());
    }

    @Test
    void staffSignedInMayTryADecisionAsTheConsoleDoes() throws Exception {
        mvc.perform(eligibility().with(httpBasic("li.na", PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void healthTheSpecAndTheConsolePageNeedNoKey() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/openapi/renovation-api.yaml")).andExpect(status().isOk());
        mvc.perform(get("/console/")).andExpect(status().isOk());
    }

    private static MockHttpServletRequestBuilder eligibility() {
        return post("/api/v1/eligibility")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                {"completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false, "propertyManagementInadequate": false},
                 "evaluationDate": "2026-03-01"}""");
    }
}
