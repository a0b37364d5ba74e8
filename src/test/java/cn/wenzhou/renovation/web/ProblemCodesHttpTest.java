package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (Tomcat, Spring Security's firewall and Spring MVC alike), every refusal is an
 * {@code application/problem+json} with one of the service's codes and the request id.
 */
@DeployedService
class ProblemCodesHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @ParameterizedTest(name = "{0} {1} {2} -> {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            POST | /api/v1/eligibility                    | application/json | {"completionYear": "x"} | 400 | INVALID_FIELD
            POST | /api/v1/eligibility                    | application/json | {                       | 400 | MALFORMED_REQUEST
            POST | /api/v1/eligibility                    | text/plain       | hello                   | 415 | UNSUPPORTED_MEDIA_TYPE
            GET  | /api/v1/eligibility                    |                  |                         | 405 | METHOD_NOT_ALLOWED
            GET  | /api/v1/no-such-endpoint               |                  |                         | 404 | NOT_FOUND
            GET  | /api/v1/catalog?jurisdiction=atlantis  |                  |                         | 404 | UNKNOWN_JURISDICTION
            GET  | /api/v1/catalog?tier=GOLD              |                  |                         | 400 | INVALID_FIELD
            GET  | /api/v1/admin/rulesets/wenzhou/versions |                 |                         | 401 | UNAUTHENTICATED
            GET  | /api/v1/jurisdictions;jsessionid=1     |                  |                         | 400 | MALFORMED_REQUEST
            GET  | /api/v1//jurisdictions                 |                  |                         | 400 | MALFORMED_REQUEST
            GET  | /api/v1/%2e%2e/jurisdictions           |                  |                         | 400 | MALFORMED_REQUEST
            GET  | /api/v1/juris%0Adictions               |                  |                         | 400 | MALFORMED_REQUEST
            """)
    void everyRefusalIsAProblemWithACode(
            String method, String path, String contentType, String body, int status, String code) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("code").asText())
                .isEqualTo(code)
                .isIn(Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).isPresent();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
