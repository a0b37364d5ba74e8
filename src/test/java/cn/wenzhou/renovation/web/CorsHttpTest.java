package cn.wenzhou.renovation.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import java.util.Arrays;
import java.util.List;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Browser pages of the configured portals ({@code renovation.cors.portals}) may call the API
 * cross-origin with the agreed methods and headers and read the agreed response headers; any other
 * origin, method or header is refused with a 403 that grants nothing.
 */
@DeployedService
class CorsHttpTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void aPreflightFromAConfiguredPortalIsAllowedWithTheAgreedMethodsAndHeaders() throws Exception {
        mvc.perform(preflight(DeployedService.PORTAL, "POST")
                        .header(
                                HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS,
                                "content-type,x-api-key,x-request-id,decision-receipt"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DeployedService.PORTAL))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET,POST"))
                .andExpect(header().string(
                                HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                                "content-type, x-api-key, x-request-id, decision-receipt"))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS))
                .andExpect(header().exists(RequestIdFilter.HEADER));
        mvc.perform(preflight(DeployedService.SECOND_PORTAL, "GET")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization"))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DeployedService.SECOND_PORTAL));
    }

    @Test
    void aPortalsCallIsAnsweredAndMayReadTheAgreedHeaders() throws Exception {
        mvc.perform(post("/api/v1/eligibility")
                        .header(HttpHeaders.ORIGIN, DeployedService.PORTAL)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EligibilityRequests.PRIORITY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, DeployedService.PORTAL))
                .andExpect(exposed(containsInAnyOrder(
                        "X-Request-Id", "ETag", "Deprecation", "Sunset", "Link", "Decision-Receipt")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example",
                "http://approval.zjzwfw.example",
                "https://approval.zjzwfw.example.evil.example",
                "https://m.wenzhou.example",
                "null"
            })
    void aPreflightFromAnyOtherOriginIsRefusedAndGrantedNothing(String origin) throws Exception {
        refused(mvc.perform(preflight(origin, "POST")));
    }

    @Test
    void aCallFromAnotherOriginIsRefusedToo() throws Exception {
        refused(mvc.perform(get("/api/v1/jurisdictions").header(HttpHeaders.ORIGIN, "https://evil.example")));
    }

    @Test
    void aPortalMayNotUseOtherMethodsOrHeaders() throws Exception {
        refused(mvc.perform(preflight(DeployedService.PORTAL, "DELETE")));
        refused(mvc.perform(preflight(DeployedService.PORTAL, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "x-forwarded-for")));
        // Spring answers a partly agreed list with the agreed part only; the browser then refuses the call.
        mvc.perform(preflight(DeployedService.PORTAL, "POST")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type,x-forwarded-for"))
                .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "content-type"));
    }

    static MockHttpServletRequestBuilder preflight(String origin, String method) {
        return options("/api/v1/eligibility")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
    }

    static void refused(ResultActions response) throws Exception {
        response.andExpect(status().isForbidden())
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN))
                .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS))
                .andExpect(header().exists(RequestIdFilter.HEADER))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
    }

    private static org.springframework.test.web.servlet.ResultMatcher exposed(
            Matcher<Iterable<? extends String>> names) {
        return result -> {
            String value = result.getResponse().getHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS);
            List<String> listed = value == null
                    ? List.of()
                    : Arrays.stream(value.split(",")).map(String::strip).toList();
            org.hamcrest.MatcherAssert.assertThat(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, listed, names);
        };
    }
}
