package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.SpecExamples;
import cn.wenzhou.renovation.testing.StaffUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Concurrent clients send every decision endpoint's spec example while the base is re-activated with a
 * changed table. Each answer must be exactly what a single request gives, alone, under the ruleset the
 * answer names: the old one (asked before the activation) or the new one (asked after).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MixedLoadDuringActivationTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "mixed load";
    private static final int CLIENTS = 4;
    /** Endpoints whose answers are JSON naming the ruleset that gave them. */
    private static final List<String> DECISIONS = List.of(
            "/api/v1/eligibility",
            "/api/v1/consent/tally",
            "/api/v1/funding/readiness",
            "/api/v1/approvals/plan",
            "/api/v1/procedure/status",
            "/api/v1/assessments",
            "/api/v1/catalog/classify",
            "/api/v1/plans/check",
            "/api/v1/surveys/consultation",
            "/api/v1/surveys/satisfaction");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> examples = SpecExamples.firstJsonRequestExamples();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void publisher(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    record Answer(String endpoint, int status, JsonNode body) {}

    @Test
    void everyAnswerDuringAnActivationIsTheSingleRequestAnswerOfTheRulesetItNames() throws Exception {
        Map<String, JsonNode> before = aloneForEach();

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean activated = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sent.add(clients.submit(() -> {
                int afterActivation = 0;
                while (afterActivation < 40) {
                    String endpoint = DECISIONS.get(ThreadLocalRandom.current().nextInt(DECISIONS.size()));
                    answers.add(send(endpoint));
                    if (activated.get()) {
                        afterActivation++;
                    }
                }
                return null;
            }));
        }
        // The activation starts while clients are under way: some answers have already come back.
        await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= CLIENTS);
        HttpResponse<String> activation = activateCutoff2005();
        activated.set(true);
        for (var client : sent) {
            client.get();
        }
        clients.shutdown();
        assertThat(activation.statusCode()).as(activation.body()).isEqualTo(200);

        Map<String, JsonNode> after = aloneForEach();
        String oldVersion =
                before.get("/api/v1/eligibility").get("rulesetVersion").asText();
        String newVersion =
                after.get("/api/v1/eligibility").get("rulesetVersion").asText();
        assertThat(newVersion).isNotEqualTo(oldVersion);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status())
                    .as("%s %s", answer.endpoint(), answer.body())
                    .isEqualTo(200);
            String version = answer.body().path("rulesetVersion").asText();
            assertThat(version).as(answer.endpoint()).isIn(oldVersion, newVersion);
            JsonNode alone = (version.equals(oldVersion) ? before : after).get(answer.endpoint());
            assertThat(answer.body())
                    .as("%s under %s", answer.endpoint(), version)
                    .isEqualTo(alone);
        });
        assertThat(answers)
                .extracting(answer -> answer.body().path("rulesetVersion").asText())
                .contains(oldVersion, newVersion);
        assertThat(answers).extracting(Answer::endpoint).containsAll(DECISIONS);
    }

    /** Each example sent alone, one after another. */
    private Map<String, JsonNode> aloneForEach() {
        Map<String, JsonNode> alone = new LinkedHashMap<>();
        for (String endpoint : DECISIONS) {
            Answer answer = send(endpoint);
            assertThat(answer.status())
                    .as("%s alone: %s", endpoint, answer.body())
                    .isEqualTo(200);
            assertThat(answer.body().path("rulesetVersion").asText())
                    .as(endpoint)
                    .isNotBlank();
            alone.put(endpoint, answer.body());
        }
        return alone;
    }

    private Answer send(String endpoint) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(examples.get(endpoint))))
                    .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(endpoint, response.statusCode(), json.readTree(response.body()));
        } catch (Exception e) {
            throw new IllegalStateException(endpoint, e);
        }
    }

    private HttpResponse<String> activateCutoff2005() throws Exception {
        Path copy = Files.createTempFile("eligibility", ".xlsx");
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(
                copy,
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(2005));
        String boundary = "----mixed-load-" + System.nanoTime();
        byte[] table = Files.readAllBytes(copy);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + RuleFolderCopy.ELIGIBILITY_TABLE_NAME + "\"\r\n"
                        + "Content-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(table);
        for (String[] field : new String[][] {{"comment", "混合负载下启用"}, {"acceptScenarioChanges", "true"}}) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                            + "\"\r\n\r\n" + field[1])
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((PUBLISHER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v1/admin/rulesets/wenzhou/activate"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Authorization", "Basic " + credentials)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
