package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.SpecExamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A request means exactly what it says, over real HTTP: a blank, tab or NUL string in a number or flag is
 * refused (it once read as absent and turned NOT_ELIGIBLE into PRIORITY_RENOVATION), a key given twice and
 * anything after the closing brace are refused, no problem names a Java class, and requests refused outside
 * Spring MVC (a NUL in an upload's file name, a header over 8 KB, {@code /error} itself) are problems too.
 */
@DeployedService
class StrictInputHttpTest {

    /** A Java class named in a problem: a package path, or Jackson's back-quoted type. */
    static final java.util.regex.Pattern CLASS_NAME = java.util.regex.Pattern.compile(
            "\\b(java|javax|jakarta|com|org|cn)\\.[a-z]\\w*\\.|`|JsonToken|\\bclass\\b");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void anExpropriationPlannedWithinFiveYearsExcludesTheCommunity() throws Exception {
        HttpResponse<String> response =
                post("/api/v1/eligibility", expropriation2029().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("decision").asText()).isEqualTo("NOT_ELIGIBLE");
    }

    @ParameterizedTest(name = "plannedExpropriationYear {0}")
    @ValueSource(strings = {"\" \"", "\"\\t\"", "\"\\u0000\"", "\"\"", "\" 2029 \"", "\"\\n\\r\""})
    void aBlankStringIsNotAnAbsentYear(String year) throws Exception {
        String body = expropriation2029()
                .toString()
                .replace("\"plannedExpropriationYear\":2029", "\"plannedExpropriationYear\":" + year);
        assertThat(body).contains("\"plannedExpropriationYear\":" + year);

        refusedNaming(post("/api/v1/eligibility", body), "plannedExpropriationYear", "INVALID_FIELD");
    }

    @ParameterizedTest(name = "departmentRepliesReceived {0}")
    @ValueSource(strings = {"\" \"", "\"\\t\"", "\"\\u0000\"", "\"\"", "\"true\""})
    void aBlankStringIsNotAnAbsentFlag(String flag) throws Exception {
        String procedure = SpecExamples.firstJsonRequestExamples()
                .get("/api/v1/procedure/status")
                .toString();
        String body = procedure.replace("\"departmentRepliesReceived\":true", "\"departmentRepliesReceived\":" + flag);
        assertThat(body).contains("\"departmentRepliesReceived\":" + flag);

        refusedNaming(post("/api/v1/procedure/status", body), "departmentRepliesReceived", "INVALID_FIELD");
        refusedNaming(
                post("/api/v1/assessments", "{\"procedure\":" + body + "}"),
                "procedure.departmentRepliesReceived",
                "INVALID_FIELD");
    }

    @ParameterizedTest(name = "a date of {0}")
    @ValueSource(strings = {"\" \"", "\"\\t\"", "\"\\u0000\"", "\"\""})
    void aBlankStringIsNotADate(String date) throws Exception {
        String body = expropriation2029()
                .toString()
                .replace("\"evaluationDate\":\"2026-03-01\"", "\"evaluationDate\":" + date);
        refusedNaming(post("/api/v1/eligibility", body), "evaluationDate", "INVALID_FIELD");
    }

    @Test
    void aBlankStringIsNotAnEnumValue() throws Exception {
        String body = expropriation2029().toString().replace("\"ORDINARY_RESIDENTIAL_COMMUNITY\"", "\" \"");
        JsonNode problem = refusedNaming(post("/api/v1/eligibility", body), "housingKind", "INVALID_FIELD");
        assertThat(problem.at("/errors/0/message").asText()).contains("ORDINARY_RESIDENTIAL_COMMUNITY");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() throws Exception {
        String body = expropriation2029()
                .toString()
                .replace("\"completionYear\":1998", "\"completionYear\":1998,\"completionYear\":2008");
        refusedNaming(post("/api/v1/eligibility", body), "completionYear", "INVALID_FIELD");

        String nested = expropriation2029()
                .toString()
                .replace("\"functionsIncomplete\":true", "\"functionsIncomplete\":true,\"functionsIncomplete\":false");
        refusedNaming(post("/api/v1/eligibility", nested), "deficiencies.functionsIncomplete", "INVALID_FIELD");
    }

    @Test
    void aKeyGivenTwiceInABatchItemNamesTheItemsField() throws Exception {
        String item = "{\"eligibility\":"
                + expropriation2029()
                        .toString()
                        .replace("\"completionYear\":1998", "\"completionYear\":1998,\"completionYear\":1998")
                + "}";
        String batch = "{\"items\":[{\"eligibility\":" + expropriation2029() + "}," + item + "]}";
        refusedNaming(post("/api/v1/assessments/batch", batch), "items[1].eligibility.completionYear", "INVALID_FIELD");
    }

    @ParameterizedTest(name = "followed by {0}")
    @ValueSource(strings = {" {}", "[]", " 1", "\"x\"", " null", "{\"completionYear\":2008}"})
    void contentAfterTheClosingBraceIsRefused(String trailing) throws Exception {
        JsonNode problem =
                refusedNaming(post("/api/v1/eligibility", expropriation2029() + trailing), "body", "MALFORMED_REQUEST");
        assertThat(problem.at("/errors/0/message").asText()).contains("多余内容");
        refusedNaming(
                post(
                        "/api/v1/assessments/batch",
                        "{\"items\":[{\"eligibility\":" + expropriation2029() + "}]}" + trailing),
                "body",
                "INVALID_FIELD");
    }

    @ParameterizedTest(name = "the body {0}")
    @ValueSource(strings = {"[]", "\"text\"", "42", "true", "[{}]"})
    void aBodyThatIsNotAnObjectIsRefusedInWordsWithoutClassNames(String body) throws Exception {
        for (String path : SpecExamples.firstJsonRequestExamples().keySet()) {
            refusedNaming(post(path, body), "body", path.endsWith("/batch") ? "INVALID_FIELD" : "MALFORMED_REQUEST");
        }
    }

    @Test
    void aNulInAnUploadsFileNameIsAProblem() throws Exception {
        // An anonymous upload to an admin path is refused (401) before its body is parsed: only the public one is read.
        for (String path : new String[] {"/api/v1/assessments/workbook"}) {
            String field = path.contains("admin") ? "files" : "workbook";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(("--boundary\r\nContent-Disposition: form-data; name=\"" + field
                            + "\"; filename=\"清单\u0000.xlsx\"\r\n" + "Content-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(new byte[] {'P', 'K', 3, 4});
            body.write("\r\n--boundary--\r\n".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri(path))
                            .header("Content-Type", "multipart/form-data; boundary=boundary")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode problem = refusedNaming(response, "filename", "INVALID_FIELD");
            assertThat(problem.path("instance").asText()).isEqualTo(path);
        }
    }

    @Test
    void theErrorPathItselfIsANotFoundProblem() throws Exception {
        for (String method : new String[] {"GET", "POST"}) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(uri("/error"))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode problem = problem(response, 404);
            assertThat(problem.path("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(problem.path("type").asText())
                    .isEqualTo("https://wenzhou-renovation.example/problems/not-found");
            assertThat(response.body()).doesNotContain("999");
        }
    }

    @Test
    void aHeaderOverEightKilobytesIsAProblemNotTomcatsPage() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/jurisdictions"))
                        .header("X-Portal-Note", "a".repeat(9_000))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode problem = refusedNaming(response, "headers", "MALFORMED_REQUEST");
        assertThat(problem.path("detail").asText()).contains("8 KB");
        assertThat(response.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void aHeaderBelowTheLimitIsServed() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/v1/jurisdictions"))
                        .header("X-Portal-Note", "a".repeat(6_000))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private JsonNode refusedNaming(HttpResponse<String> response, String field, String code) throws Exception {
        JsonNode problem = problem(response, 400);
        assertThat(problem.path("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(problem.path("type").asText())
                .isEqualTo("https://wenzhou-renovation.example/problems/invalid-request");
        assertThat(problem.at("/errors/0/field").asText()).as(response.body()).isEqualTo(field);
        assertThat(problem.path("detail").asText()).contains(field);
        return problem;
    }

    private JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(CLASS_NAME.matcher(response.body()).find())
                .as("a Java class named in %s", response.body())
                .isFalse();
        return json.readTree(response.body());
    }

    private static ObjectNode expropriation2029() {
        return (ObjectNode) SpecExamples.named("EligibilityRequestExpropriationIn2029");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
