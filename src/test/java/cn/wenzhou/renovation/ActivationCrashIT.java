package cn.wenzhou.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.RunningJar;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The packaged jar killed in the middle of an activation, at each step of its writes, and started
 * again on the same data folder: the version it serves has its audit entry, made by the publisher who
 * activated it, and the versions list answers. The jar halts itself ({@code Runtime.halt}, which runs
 * no shutdown hook and flushes nothing, as kill -9) where the test-only system property
 * {@code renovation.fault-test.halt-at} names a step; each start halts at the next step, so four
 * activations need six starts. A step before the pointer moves must leave the old version served; a step after it,
 * the new one.
 */
class ActivationCrashIT {

    private static final String PUBLISHER = "li.ming";
    private static final String PASSWORD = "publisher-password";
    /** {@code ActivationStep}, in the order an activation reaches them. */
    private static final List<String> STEPS =
            List.of("VERSION_FILES_WRITTEN", "VERSION_KEPT", "POINTER_WRITTEN", "AUDIT_WRITTEN");
    /** {@code ActivationStep.HALT_STATUS}: the exit status that says the process halted at the step, not otherwise. */
    private static final int HALT_STATUS = 86;

    @TempDir
    Path temp;

    /** What a restart must serve: the active version number, the answer for a 2003 community, and who activated it. */
    private record Expected(
            int activeVersion, String decisionFor2003, String activatedBy, List<Integer> keptVersions) {}

    @Test
    void aKillAtEachStepOfAnActivationLeavesTheServedVersionAuditedAndTheListAnswering() throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        Expected expected = new Expected(1, "NOT_ELIGIBLE", "部署 (deployment)", List.of(1));
        // The first start keeps the deployed version 1 (a start with a halt step would halt writing it).
        RunningJar app = start("first", null, hash);
        try {
            assertServes(app, expected);
            for (String step : STEPS) {
                app.close();
                app = start(step, step, hash);
                assertServes(app, expected);

                // Alternate the cut-off so that every activation changes the answer for a community built in 2003.
                boolean to2005 = expected.decisionFor2003().equals("NOT_ELIGIBLE");
                Process process = app.process();
                RunningJar crashing = app;
                assertThatThrownBy(() -> activate(crashing, to2005 ? 2005 : 2000))
                        .as("the jar halts during the activation at " + step)
                        .isInstanceOf(ResourceAccessException.class);
                assertThat(process.waitFor(60, TimeUnit.SECONDS))
                        .as("halted at " + step)
                        .isTrue();
                assertThat(process.exitValue())
                        .as("halted at " + step + ", not otherwise:\n" + Files.readString(app.log()))
                        .isEqualTo(HALT_STATUS);

                int number = expected.keptVersions().get(expected.keptVersions().size() - 1) + 1;
                boolean kept = !step.equals("VERSION_FILES_WRITTEN");
                boolean pointerMoved = step.equals("POINTER_WRITTEN") || step.equals("AUDIT_WRITTEN");
                List<Integer> keptVersions = new ArrayList<>(expected.keptVersions());
                if (kept) {
                    keptVersions.add(number);
                }
                expected = pointerMoved
                        ? new Expected(number, to2005 ? "PRIORITY_RENOVATION" : "NOT_ELIGIBLE", PUBLISHER, keptVersions)
                        : new Expected(
                                expected.activeVersion(),
                                expected.decisionFor2003(),
                                expected.activatedBy(),
                                keptVersions);
            }
            app = start("last", null, hash);
            assertServes(app, expected);
            assertThat(expected.activeVersion())
                    .as("versions 3 and 4 were activated by crashing starts")
                    .isEqualTo(4);
        } finally {
            app.close();
        }
    }

    /** The served version, its audit entry (the last, by whom it was made) and the list of kept versions. */
    private void assertServes(RunningJar app, Expected expected) throws Exception {
        JsonNode listing = admin(app)
                .get()
                .uri("/api/v1/admin/rulesets/wenzhou/versions")
                .retrieve()
                .body(JsonNode.class);
        assertThat(listing.get("activeVersion").asInt()).as(listing.toString()).isEqualTo(expected.activeVersion());
        JsonNode activations = listing.get("activations");
        JsonNode last = activations.get(activations.size() - 1);
        assertThat(last.get("version").asInt())
                .as("the served version's audit entry: " + activations)
                .isEqualTo(expected.activeVersion());
        assertThat(last.get("by").asText()).isEqualTo(expected.activatedBy());
        List<Integer> kept = new ArrayList<>();
        listing.get("versions").forEach(v -> kept.add(v.get("number").asInt()));
        assertThat(kept).isEqualTo(expected.keptVersions());
        assertThat(listing.path("storeProblems").size())
                .as("nothing unreadable: " + listing)
                .isZero();

        JsonNode decision = RestClient.create(app.uri("").toString())
                .post()
                .uri("/api/v1/eligibility")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"completionYear": 2003, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                         "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
                         "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                          "propertyManagementInadequate": false},
                         "evaluationDate": "2026-03-01"}""")
                .retrieve()
                .body(JsonNode.class);
        assertThat(decision.get("decision").asText()).isEqualTo(expected.decisionFor2003());
    }

    /** The jar on the shared data folder, halting at the step when one is given. */
    private RunningJar start(String name, String haltAt, String hash) throws Exception {
        int port = RunningJar.freePort();
        ProcessBuilder command = RunningJar.command(
                haltAt == null ? List.of() : List.of("-Drenovation.fault-test.halt-at=" + haltAt),
                "--server.port=" + port,
                "--renovation.data-dir=" + temp.resolve("rulesets"),
                "--renovation.receipts.folder=" + temp,
                "--renovation.security.users[0].name=" + PUBLISHER,
                "--renovation.security.users[0].password-hash=" + hash,
                "--renovation.security.users[0].roles[0]=rules-publisher");
        Path log = temp.resolve(name + ".log");
        Process process = command.directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RunningJar app = new RunningJar(process, port, log);
        app.awaitHealthy();
        return app;
    }

    private void activate(RunningJar app, int cutoffYear) throws Exception {
        Path table = temp.resolve("upload").resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.createDirectories(table.getParent());
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), table, StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(
                table,
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(cutoffYear));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("files", new ByteArrayResource(Files.readAllBytes(table)) {
            @Override
            public String getFilename() {
                return RuleFolderCopy.ELIGIBILITY_TABLE_NAME;
            }
        });
        parts.add("comment", "试行：" + cutoffYear + "年前建成的小区纳入");
        parts.add("acceptScenarioChanges", "true");
        admin(app)
                .post()
                .uri("/api/v1/admin/rulesets/wenzhou/activate")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toBodilessEntity();
    }

    private static RestClient admin(RunningJar app) {
        return RestClient.builder()
                .baseUrl(app.uri("").toString())
                .defaultHeaders(headers -> headers.setBasicAuth(PUBLISHER, PASSWORD))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw new AssertionError("HTTP " + response.getStatusCode() + ": "
                            + new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                })
                .build();
    }
}
