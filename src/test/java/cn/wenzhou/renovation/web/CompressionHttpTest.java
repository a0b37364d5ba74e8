package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * gzip is Tomcat's doing, so this runs on a real port with the JDK client, which does not decompress:
 * what is asserted is what went over the wire.
 */
@DeployedService
class CompressionHttpTest {

    private static final int MIN_RESPONSE_SIZE = 2048;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    private int port;

    @Test
    void theCatalogueComesGzippedToACallerThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> response = send(get("/api/v1/catalog").header("Accept-Encoding", "gzip"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
        byte[] body = gunzip(response.body());
        assertThat(response.body().length).as("compressed").isLessThan(body.length / 3);
        JsonNode catalogue = json.readTree(body);
        assertThat(catalogue.path("jurisdiction").asText()).isEqualTo("wenzhou");
        assertThat(catalogue.path("items").size()).isGreaterThan(10);
        // The listing keeps its (weak) ETag and request id when compressed.
        assertThat(response.headers().firstValue("ETag"))
                .hasValueSatisfying(etag -> assertThat(etag).startsWith("W/"));
        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).isPresent();
    }

    @Test
    void aCallerThatDoesNotAcceptGzipGetsPlainJson() throws Exception {
        HttpResponse<byte[]> response = send(get("/api/v1/catalog"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body().length).as("large enough to be compressed").isGreaterThan(MIN_RESPONSE_SIZE);
        assertThat(json.readTree(response.body()).path("items").size()).isGreaterThan(10);
    }

    /**
     * Tomcat applies {@code server.compression.min-response-size} only to a response of known length, such
     * as a listing (its ETag filter buffers it); JSON written as a stream has no length and is compressed
     * whenever the caller accepts gzip.
     */
    @Test
    void aSmallResponseOfKnownLengthIsNotCompressed() throws Exception {
        HttpResponse<byte[]> response = send(get("/api/v1/jurisdictions").header("Accept-Encoding", "gzip"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length"))
                .hasValueSatisfying(length -> assertThat(Long.parseLong(length)).isLessThan(MIN_RESPONSE_SIZE));
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(json.readTree(response.body()).path("jurisdictions").size()).isGreaterThan(1);
    }

    @Test
    void aLargeProblemIsCompressed() throws Exception {
        String roster = IntStream.range(0, 100)
                .mapToObj(i -> "{\"roomNumber\": \"1-" + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        HttpResponse<byte[]> large =
                send(post("/api/v1/consent/tally", """
                {"round": "FIRST_CONSENT", "voteDate": "2026-03-01", "totalExclusiveArea": 9000.00,
                 "totalHouseholds": 100, "roster": %s}""".formatted(roster)).header("Accept-Encoding", "gzip"));

        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(large.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(large.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] problem = gunzip(large.body());
        assertThat(problem.length).isGreaterThan(MIN_RESPONSE_SIZE);
        assertThat(json.readTree(problem).path("code").asText()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void theSpecIsCompressedToo() throws Exception {
        HttpResponse<byte[]> response = send(get("/openapi/renovation-api.yaml").header("Accept-Encoding", "gzip"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(response.body()), StandardCharsets.UTF_8)).startsWith("openapi: 3.0.3");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
