package cn.wenzhou.renovation.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The streamed batch over real HTTP on the embedded Tomcat, where the servlet container's limits apply
 * (MockMvc has none): the answer must arrive whole, however long the batch takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentBatchServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private static JsonNode example(String name) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(new File("openapi/renovation-api.yaml"))
                .at("/components/examples/" + name + "/value");
    }

    private HttpResponse<String> postBatch(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assessments/batch"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSpecExampleStreamsCompleteOverHttp() throws Exception {
        HttpResponse<String> response = postBatch(example("AssessmentBatchRequestTwoCommunities").toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("itemCount").asInt()).isEqualTo(2);
        assertThat(body.path("invalidCount").asInt()).isEqualTo(1);
        assertThat(body.at("/results/0/status").asText()).isEqualTo("ASSESSED");
        assertThat(body.at("/results/1/problem/errors/0/field").asText()).isEqualTo("items[1].eligibility.completionYear");
    }

    /**
     * The documented maximum, 10,000 items, each the spec's whole-project example. No async request timeout
     * is configured, so Tomcat's default (30 s) applies to the streamed answer: on a two-core machine the
     * stream is cut after ~35 s with status 200, ~10.7 MB of the ~21 MB, no itemCount, and the server logs
     * "Response already committed. Ignoring: AsyncRequestTimeoutException". A client cannot tell it got half.
     */
    @Test
    @Disabled("BUG: a batch outlasting Tomcat's default 30 s async timeout is cut off mid-JSON with status 200 (10,000 whole-project items: ~10.7 of ~21 MB)")
    void theLargestAllowedBatchArrivesWhole() throws Exception {
        String item = example("AssessmentRequestWholeProject").toString();
        String body = "{\"items\": [" + String.join(",", Collections.nCopies(10_000, item)) + "]}";
        HttpResponse<String> response = postBatch(body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("itemCount").asInt()).isEqualTo(10_000);
        assertThat(answer.path("invalidCount").asInt()).isZero();
        assertThat(answer.path("results")).hasSize(10_000);
    }
}
