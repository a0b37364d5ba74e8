package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RequestLogLines;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code X-Request-Id}: a caller's sane id is kept, anything else replaced by a UUID, absent ones
 * generated; it comes back on every response, problems included, and every log line of the request
 * carries it, and no line after it.
 */
@DeployedService
@ExtendWith(OutputCaptureExtension.class)
class RequestIdHttpTest {

    private static final String TICKET = "zlb-2026.03:ticket_4711";

    @Autowired
    private MockMvc mvc;

    @Test
    void anAbsentIdIsGeneratedAsAUuid() throws Exception {
        String id = requestId(mvc.perform(get("/api/v1/jurisdictions")).andExpect(status().isOk()));

        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(requestId(mvc.perform(get("/api/v1/jurisdictions"))))
                .as("one id per request")
                .isNotEqualTo(id);
    }

    @Test
    void aSaneIdFromTheCallerIsEchoed() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions").header(RequestIdFilter.HEADER, TICKET))
                .andExpect(status().isOk())
                .andExpect(header().string(RequestIdFilter.HEADER, TICKET));
        String longest = "a".repeat(64);
        mvc.perform(get("/api/v1/jurisdictions").header(RequestIdFilter.HEADER, longest))
                .andExpect(header().string(RequestIdFilter.HEADER, longest));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "two words",
                "forged\nINJECTED-LOG-LINE",
                "陈美华",
                "330302197805160021 x",
                "<script>",
                "id;drop",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 65 */
            })
    void anyOtherIdIsReplacedByAUuidAndNeverReachesTheLog(String offered, CapturedOutput output) throws Exception {
        String id = requestId(mvc.perform(get("/api/v1/jurisdictions").header(RequestIdFilter.HEADER, offered))
                .andExpect(status().isOk()));

        assertThat(UUID.fromString(id)).hasToString(id);
        RequestLogLines.awaitLines(output, "[" + id + "]", "endpoint=/api/v1/jurisdictions");
        for (String part : offered.split("\n")) {
            if (!part.isEmpty()) {
                assertThat(output.getAll()).doesNotContain(part);
            }
        }
    }

    @Test
    void problemsAndRefusalsCarryTheIdToo() throws Exception {
        expectTicket(mvc.perform(with(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST")));
        expectTicket(mvc.perform(with(get("/api/v1/no-such-endpoint")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND")));
        expectTicket(mvc.perform(with(get("/api/v1/eligibility")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED")));
        // Refused by Spring Security, which runs after the request id.
        expectTicket(mvc.perform(with(get("/api/v1/admin/rulesets/wenzhou/versions")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED")));
    }

    @Test
    void everyLogLineOfTheRequestCarriesTheIdAndNoneAfterIt(CapturedOutput output) throws Exception {
        mvc.perform(with(get("/api/v1/catalog").param("jurisdiction", "yueqing")))
                .andExpect(status().isOk());

        assertThat(MDC.get(RequestIdFilter.MDC_KEY))
                .as("cleared after the request")
                .isNull();
        assertThat(RequestLogLines.awaitLines(output, "[" + TICKET + "]", "endpoint=/api/v1/catalog "))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("[" + TICKET + "]", "renovation.requests"));
        int before = output.getOut().length();
        mvc.perform(get("/api/v1/catalog")).andExpect(status().isOk());
        RequestLogLines.awaitLine(output, before, "endpoint=/api/v1/catalog ");
        assertThat(output.getOut().substring(before))
                .as("the next request's lines")
                .doesNotContain(TICKET);
    }

    private static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder request) {
        return request.header(RequestIdFilter.HEADER, TICKET);
    }

    private static void expectTicket(ResultActions response) throws Exception {
        response.andExpect(header().string(RequestIdFilter.HEADER, TICKET));
    }

    private static String requestId(ResultActions response) {
        String id = response.andReturn().getResponse().getHeader(RequestIdFilter.HEADER);
        assertThat(id).as(RequestIdFilter.HEADER).isNotNull();
        return id;
    }
}
