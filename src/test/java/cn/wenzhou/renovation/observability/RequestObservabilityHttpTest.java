package cn.wenzhou.renovation.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RequestLogLines;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Each API request is one log line with its route, jurisdiction, ruleset version, status, outcome and
 * latency, and nothing a resident wrote; and a timer per endpoint and jurisdiction on /actuator/prometheus.
 */
@DeployedService
@ExtendWith(OutputCaptureExtension.class)
class RequestObservabilityHttpTest {

    private static final String NAME = "陈美华";
    private static final String ID_NUMBER = "330302197805160021";
    private static final String PHONE = "13957712345";

    @Autowired
    private MockMvc mvc;

    @Test
    void aRequestIsOneLineWithItsRouteJurisdictionVersionOutcomeAndLatencyButNoResidentsData(CapturedOutput output)
            throws Exception {
        String body = """
                {"communityName": "龙湾区河滨小区3幢", "round": "FIRST_CONSENT", "voteDate": "2026-03-01",
                 "totalExclusiveArea": 270.00, "totalHouseholds": 3, "roster": [
                   {"roomNumber": "3-101", "exclusiveArea": 90.00, "ballot": "AGREE",
                    "ownerName": "%s", "idNumber": "%s", "phone": "%s"},
                   {"roomNumber": "3-102", "exclusiveArea": 90.00, "ballot": "AGREE"},
                   {"roomNumber": "3-201", "exclusiveArea": 90.00, "ballot": "AGREE"}]}
                """.formatted(NAME, ID_NUMBER, PHONE);
        mvc.perform(post("/api/v1/consent/tally")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/consent/tally")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("\"totalHouseholds\": 3", "\"totalHouseholds\": -3")))
                .andExpect(status().isBadRequest());

        RequestLogLines.awaitLines(output, "endpoint=/api/v1/consent/tally", "status=400");
        assertThat(output.getOut().lines().filter(line -> line.contains("endpoint=/api/v1/consent/tally")))
                .anySatisfy(line -> assertThat(line)
                        .contains(
                                "renovation.requests",
                                "method=POST",
                                "jurisdiction=wenzhou",
                                "status=200",
                                "outcome=SUCCESS")
                        .containsPattern("rulesetVersion=[0-9a-f]{16} ")
                        .containsPattern("latencyMs=\\d+\\.\\d{3}"))
                .anySatisfy(line -> assertThat(line).contains("status=400", "outcome=CLIENT_ERROR"));
        assertThat(output.getAll()).doesNotContain(NAME, ID_NUMBER, PHONE, "3-101", "龙湾区河滨小区");
    }

    @Test
    void theLogTheMetricAndTheReceiptNameTheRulesetThatDecided(CapturedOutput output) throws Exception {
        // Each request's own id picks its line: the log is written by a worker thread, so a line of an earlier
        // test's request may still arrive while this one runs.
        String countyRequest = UUID.randomUUID().toString();
        String refusedRequest = UUID.randomUUID().toString();
        MvcResult county = mvc.perform(post("/api/v1/eligibility")
                        .param("jurisdiction", "yueqing")
                        .header("X-Request-Id", countyRequest)
                        .header("Decision-Receipt", "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community()))
                .andExpect(status().isOk())
                .andReturn();
        String answered =
                JsonPath.read(county.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.rulesetVersion");
        String wenzhou = JsonPath.read(
                mvc.perform(post("/api/v1/eligibility")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(community()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.rulesetVersion");
        assertThat(answered).as("the county serves rules of its own").isNotEqualTo(wenzhou);

        assertThat(RequestLogLines.awaitLines(output, "[" + countyRequest + "]", "endpoint=/api/v1/eligibility"))
                .singleElement()
                .asString()
                .contains("jurisdiction=yueqing", "rulesetVersion=" + answered + " ");
        String receipt = county.getResponse().getHeader("Decision-Receipt");
        mvc.perform(get("/api/v1/receipts/" + receipt))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("yueqing"))
                .andExpect(jsonPath("$.rulesetVersion").value(answered));
        // A request that took no ruleset names none, rather than whatever the default serves.
        mvc.perform(post("/api/v1/eligibility")
                        .param("jurisdiction", "yueqing")
                        .header("X-Request-Id", refusedRequest)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        assertThat(RequestLogLines.awaitLines(output, "[" + refusedRequest + "]", "endpoint=/api/v1/eligibility"))
                .singleElement()
                .asString()
                .contains("status=400", "jurisdiction=- rulesetVersion=- ");
    }

    @Test
    void timersPerEndpointAndJurisdictionArePublishedForPrometheus() throws Exception {
        String community = community();
        mvc.perform(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/eligibility")
                        .param("jurisdiction", "yueqing")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/eligibility")
                        .param("jurisdiction", "atlantis")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community))
                .andExpect(status().isNotFound());

        String scraped = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(scraped.lines()
                        .filter(line -> line.startsWith("http_server_requests_seconds_count{")
                                && line.contains("uri=\"/api/v1/eligibility\"")))
                .anySatisfy(line -> assertThat(line).contains("jurisdiction=\"wenzhou\"", "status=\"200\""))
                .anySatisfy(line -> assertThat(line).contains("jurisdiction=\"yueqing\"", "status=\"200\""))
                .anySatisfy(line -> assertThat(line).contains("jurisdiction=\"other\"", "status=\"404\""))
                .noneSatisfy(line -> assertThat(line).contains("atlantis"));
        // Monitoring can alert before the holiday calendar runs out.
        assertThat(scraped.lines()).anySatisfy(line -> assertThat(line).startsWith("renovation_calendar_days_left "));
        // Every rule-content cache shows its size and its hits and misses.
        assertThat(scraped.lines().filter(line -> line.startsWith("cache_size{")))
                .anySatisfy(line -> assertThat(line).contains("cache=\"compiled-rulesets\""))
                .anySatisfy(line -> assertThat(line).contains("cache=\"translated-tables\""))
                .anySatisfy(line -> assertThat(line).contains("cache=\"refused-cells-of-kept-versions\""));
        assertThat(scraped.lines())
                .anySatisfy(line -> assertThat(line).startsWith("cache_gets_total{cache=\"compiled-rulesets\""));
    }

    @Test
    void theRequestLogIsWrittenOffTheRequestThreadAndLosesNoLine() {
        var requests = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("renovation.requests");
        assertThat(requests.isAdditive())
                .as("written once, by its own appender")
                .isFalse();
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        requests.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(AsyncAppender.class, async -> {
            assertThat(async.getDiscardingThreshold())
                    .as("no level is dropped when the queue fills")
                    .isZero();
            assertThat(async.isNeverBlock())
                    .as("a full queue waits instead of dropping")
                    .isFalse();
            assertThat(async.getAppender("CONSOLE"))
                    .as("the same console as every other line")
                    .isNotNull();
        });
    }

    private static String community() {
        return """
                {"completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false, "propertyManagementInadequate": false},
                 "evaluationDate": "2026-03-01"}""";
    }
}
