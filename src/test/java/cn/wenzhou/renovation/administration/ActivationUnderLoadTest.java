package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;

/**
 * Activation while clients keep deciding, over real HTTP: no request is lost or fails, each answer
 * names the old or the new ruleset, and its decision is the one that ruleset gives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivationUnderLoadTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "under load";
    private static final int CLIENTS = 4;

    @LocalServerPort
    private int port;

    @Autowired
    private TestRestTemplate rest;

    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void publisherAndDataFolder(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    record Answer(int status, String rulesetVersion, String decision) {
    }

    @Test
    void requestsInFlightDuringAnActivationAllAnswerWithTheOldOrTheNewRuleset() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Answer before = decide(client);
        assertThat(before.decision()).isEqualTo("NOT_ELIGIBLE");

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean activated = new AtomicBoolean();
        CountDownLatch running = new CountDownLatch(CLIENTS);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            sent.add(clients.submit(() -> {
                int count = 0;
                running.countDown();
                // Keep deciding until well after the activation has returned.
                int afterActivation = 0;
                while (afterActivation < 50) {
                    answers.add(decide(client));
                    count++;
                    if (activated.get()) {
                        afterActivation++;
                    }
                }
                return count;
            }));
        }
        running.await();
        Thread.sleep(200);
        ResponseEntity<String> activation = activate();
        activated.set(true);
        int total = 0;
        for (Future<Integer> client1 : sent) {
            total += client1.get();
        }
        clients.shutdown();

        assertThat(activation.getStatusCode().value()).isEqualTo(200);
        Answer after = decide(client);
        assertThat(after.decision()).isEqualTo("PRIORITY_RENOVATION");
        assertThat(after.rulesetVersion()).isNotEqualTo(before.rulesetVersion());
        assertThat(answers).hasSize(total);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.rulesetVersion()).isIn(before.rulesetVersion(), after.rulesetVersion());
            assertThat(answer.decision()).isEqualTo(answer.rulesetVersion().equals(before.rulesetVersion())
                    ? before.decision() : after.decision());
        });
        assertThat(answers).extracting(Answer::rulesetVersion).contains(before.rulesetVersion(), after.rulesetVersion());
    }

    @Test
    void anUploadOverTheSizeLimitIsA413Problem() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(new byte[2_500_000]) {
            @Override
            public String getFilename() {
                return "eligibility.drl.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = rest.withBasicAuth(PUBLISHER, PASSWORD)
                .postForEntity("/api/v1/admin/rulesets/wenzhou/validate", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("PAYLOAD_TOO_LARGE", "files");
    }

    private Answer decide(HttpClient client) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/eligibility"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"completionYear": 2003, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                         "listedInShantyRenovationPlan": false,
                         "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                          "propertyManagementInadequate": false},
                         "strongRenovationWillingness": true, "evaluationDate": "2025-11-03"}
                        """)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body = json.readTree(response.body());
        return new Answer(response.statusCode(), body.path("rulesetVersion").asText(null), body.path("decision").asText(null));
    }

    private ResponseEntity<String> activate() throws IOException {
        Path copy = Files.createTempFile("eligibility", ".drl.xlsx");
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(copy, RuleFolderCopy.PARAMETER_SHEET, RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL, cell -> cell.setCellValue(2005));
        byte[] table = Files.readAllBytes(copy);
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(table) {
            @Override
            public String getFilename() {
                return "eligibility.drl.xlsx";
            }
        });
        form.add("comment", "负载下启用");
        form.add("acceptScenarioChanges", "true");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(PUBLISHER, PASSWORD).postForEntity("/api/v1/admin/rulesets/wenzhou/activate",
                new HttpEntity<>(form, headers), String.class);
    }

}
