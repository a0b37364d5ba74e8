package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A JSON body above {@code renovation.limits.max-json-body} (64 KB here) is a 413 problem naming the
 * body, whether its length is declared or it arrives chunked; one below the limit is read as usual.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "renovation.limits.max-json-body=64KB")
class RequestBodyLimitHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void aDeclaredLengthAboveTheLimitIsRefusedBeforeReading() throws Exception {
        HttpResponse<String> response =
                post(HttpRequest.BodyPublishers.ofString(community(100_000), StandardCharsets.UTF_8));
        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() throws Exception {
        byte[] body = community(100_000).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertTooLarge(response);
    }

    /** The ceiling falling inside a value (a huge community name) once made Jackson blame that field with a 400. */
    @Test
    void aChunkedBodyIsCutAtTheLimitInsideAField() throws Exception {
        byte[] body = """
                {"communityName": "%s", "completionYear": 1995}""".formatted("江".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response =
                post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertTooLarge(response);
    }

    @Test
    void aBodyBelowTheLimitIsDecided() throws Exception {
        HttpResponse<String> response =
                post(HttpRequest.BodyPublishers.ofString(community(10_000), StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("decision").asText()).isEqualTo("PRIORITY_RENOVATION");
    }

    private void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(problem.get("type").asText())
                .isEqualTo("https://wenzhou-renovation.example/problems/payload-too-large");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(problem.get("detail").asText()).contains("64 KB", "renovation.limits.max-json-body");
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/eligibility"))
                        .header("Content-Type", "application/json")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A valid community, padded with whitespace (valid JSON) to about the given size. */
    private static String community(int bytes) {
        return """
                {"communityName": "鹿城区江滨小区"%s, "completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false, "propertyManagementInadequate": false},
                 "evaluationDate": "2026-03-01"}""".formatted(" ".repeat(bytes));
    }
}
