package cn.wenzhou.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wenzhou.renovation.testing.RequiredTools;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.RunningJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Two instances of the packaged jar share one PostgreSQL database, as replicas behind a load balancer:
 * an activation on one is served by the other within seconds, a rollback on the other comes back, and
 * a receipt kept by one can be read from the other. {@code .ci/start-postgres} starts the server and
 * {@code .ci/run} passes its URL in {@code RENOVATION_TEST_POSTGRES_URL} (see {@link RequiredTools}).
 */
class ReplicasSharingPostgresIT {

    private static final String PASSWORD = "publisher-password";
    /** A poll (1 s here) plus compiling and validating the followed version, on a busy two-core machine. */
    private static final Duration FOLLOW_DEADLINE = Duration.ofSeconds(60);

    private final ObjectMapper json = new ObjectMapper();
    private String postgresUrl;
    private String schema;

    @TempDir
    Path temp;

    @BeforeEach
    void freshSchema() throws Exception {
        postgresUrl = System.getenv("RENOVATION_TEST_POSTGRES_URL");
        RequiredTools.assumeAvailable(
                postgresUrl != null && !postgresUrl.isBlank(),
                "RENOVATION_TEST_POSTGRES_URL is not set: run .ci/start-postgres (as .ci/run does)");
        schema = "replicas_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(postgresUrl, user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (schema != null) {
            try (Connection connection = DriverManager.getConnection(postgresUrl, user(), password());
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void anActivationOnOneReplicaIsServedByTheOtherAndARollbackOnTheOtherComesBack() throws Exception {
        RunningJar first = RunningJar.launchOnFreePort(temp.resolve("first.log"), replicaArguments("first"));
        RunningJar second = RunningJar.launchOnFreePort(temp.resolve("second.log"), replicaArguments("second"));
        try (first;
                second) {
            first.awaitHealthy();
            second.awaitHealthy();
            assertThat(decision(second, 2003)).isEqualTo("NOT_ELIGIBLE");

            ResponseEntity<JsonNode> activated = admin(first)
                    .post()
                    .uri("/api/v1/admin/rulesets/wenzhou/activate")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(upload(cutoffTable(2005), "试行：2005年前建成的小区纳入"))
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(activated.getStatusCode().value())
                    .as(activated.toString())
                    .isEqualTo(200);
            assertThat(activated.getBody().at("/version/number").asInt()).isEqualTo(2);

            awaitFollowing(
                    "the other replica serves the activated version",
                    () -> assertThat(decision(second, 2003)).isEqualTo("PRIORITY_RENOVATION"));
            JsonNode versions = admin(second)
                    .get()
                    .uri("/api/v1/admin/rulesets/wenzhou/versions")
                    .retrieve()
                    .body(JsonNode.class);
            assertThat(versions.get("activeVersion").asInt()).isEqualTo(2);
            assertThat(versions.at("/versions/1/activatedBy").asText()).isEqualTo("li.ming");

            ResponseEntity<JsonNode> rolledBack = admin(second)
                    .post()
                    .uri("/api/v1/admin/rulesets/wenzhou/rollback/1")
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(rolledBack.getStatusCode().value()).isEqualTo(200);
            awaitFollowing(
                    "the rollback reaches the first replica",
                    () -> assertThat(decision(first, 2003)).isEqualTo("NOT_ELIGIBLE"));

            ResponseEntity<JsonNode> decided = eligibility(first, 1995, true);
            String receipt = decided.getHeaders().getFirst("Decision-Receipt");
            assertThat(receipt).as("receipt id").isNotBlank();
            JsonNode kept = RestClient.create(second.uri("").toString())
                    .get()
                    .uri("/api/v1/receipts/{id}", receipt)
                    .retrieve()
                    .body(JsonNode.class);
            assertThat(kept.get("versionNumber").asInt()).isEqualTo(1);
            assertThat(kept.at("/response/decision").asText()).isEqualTo("PRIORITY_RENOVATION");

            // The holiday calendar shares the store: a year's notice loaded on one replica is counted by the other.
            ResponseEntity<JsonNode> loaded = admin(first)
                    .post()
                    .uri("/api/v1/admin/calendar/activate")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(notice(MADE_UP_2027, "载入2027年放假安排（测试用，虚构）"))
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(loaded.getStatusCode().value()).as(loaded.toString()).isEqualTo(200);
            int version = loaded.getBody().at("/version/number").asInt();
            awaitFollowing(
                    "the other replica serves the loaded notice",
                    () -> assertThat(calendarVersion(second)).isEqualTo(version));
            // February 2027 of the made-up notice: 20 weekdays, 5 of them 春节, and 2 weekend make-up workdays.
            assertThat(februaryWorkingDays(second)).isEqualTo(17);
        }
    }

    /** A 2027 notice made up for tests: the real one is not in the repository. */
    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");

    private static int calendarVersion(RunningJar replica) {
        return admin(replica)
                .get()
                .uri("/api/v1/admin/calendar")
                .retrieve()
                .body(JsonNode.class)
                .get("activeVersion")
                .asInt();
    }

    private static int februaryWorkingDays(RunningJar replica) {
        return RestClient.create(replica.uri("").toString())
                .post()
                .uri("/api/v1/calendar/working-days")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"range\":{\"from\":\"2027-02-01\",\"to\":\"2027-02-28\"}}")
                .retrieve()
                .body(JsonNode.class)
                .at("/range/workingDays")
                .asInt();
    }

    private static MultiValueMap<String, Object> notice(Path file, String comment) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(Files.readAllBytes(file)) {
            @Override
            public String getFilename() {
                return "2027年放假安排.csv";
            }
        });
        parts.add("comment", comment);
        return parts;
    }

    private String[] replicaArguments(String name) throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
        String separator = postgresUrl.contains("?") ? "&" : "?";
        return new String[] {
            "--renovation.ruleset-store=database",
            "--renovation.ruleset-follow-interval=1s",
            "--spring.datasource.url=" + postgresUrl + separator + "currentSchema=" + schema,
            "--spring.datasource.username=" + user(),
            "--spring.datasource.password=" + password(),
            "--renovation.data-dir=" + Files.createDirectories(temp.resolve(name + "-data")),
            "--renovation.security.users[0].name=li.ming",
            "--renovation.security.users[0].password-hash=" + hash,
            "--renovation.security.users[0].roles[0]=rules-publisher",
        };
    }

    /** Polls a replica until the check holds; past the deadline it fails with the check's last failure. */
    private static void awaitFollowing(String what, ThrowingRunnable check) {
        await(what).atMost(FOLLOW_DEADLINE).pollInterval(Duration.ofMillis(200)).untilAsserted(check);
    }

    private String decision(RunningJar replica, int completionYear) throws Exception {
        return eligibility(replica, completionYear, false)
                .getBody()
                .get("decision")
                .asText();
    }

    private ResponseEntity<JsonNode> eligibility(RunningJar replica, int completionYear, boolean receipt)
            throws Exception {
        JsonNode community = json.readTree("""
                {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false, "propertyManagementInadequate": false},
                 "evaluationDate": "2026-03-01"}""".formatted(completionYear));
        return RestClient.create(replica.uri("").toString())
                .post()
                .uri("/api/v1/eligibility")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Decision-Receipt", Boolean.toString(receipt))
                .body(community)
                .retrieve()
                .toEntity(JsonNode.class);
    }

    private static RestClient admin(RunningJar replica) {
        return RestClient.builder()
                .baseUrl(replica.uri("").toString())
                .defaultHeaders(headers -> headers.setBasicAuth("li.ming", PASSWORD))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    private static MultiValueMap<String, Object> upload(Path table, String comment) throws Exception {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        byte[] content = Files.readAllBytes(table);
        parts.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return RuleFolderCopy.ELIGIBILITY_TABLE_NAME;
            }
        });
        parts.add("comment", comment);
        parts.add("acceptScenarioChanges", "true");
        return parts;
    }

    private Path cutoffTable(int year) throws Exception {
        RuleFolderCopy.copyRepositoryRules(temp.resolve("rules-copy"));
        Path table = temp.resolve("upload").resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.createDirectories(table.getParent());
        Files.copy(
                temp.resolve("rules-copy").resolve(RuleFolderCopy.ELIGIBILITY_TABLE),
                table,
                StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(
                table,
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(year));
        return table;
    }

    private static String user() {
        return System.getenv().getOrDefault("RENOVATION_TEST_POSTGRES_USER", "renovation");
    }

    private static String password() {
        return System.getenv().getOrDefault("RENOVATION_TEST_POSTGRES_PASSWORD", "renovation");
    }
}
