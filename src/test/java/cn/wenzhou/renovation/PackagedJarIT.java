package cn.wenzhou.renovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar with {@code java -jar}, as an operator would, and talks to it over HTTP:
 * the embedded rules, an external rules folder, and a broken table that must stop startup.
 * Run by Failsafe after {@code package}.
 */
class PackagedJarIT {

    private static final String CUT_OFF_RULE = "ELIG-PARAM-PRIORITY-CUTOFF";
    private static final String CUT_OFF_HEADER = "计入“2000年前建成”的最后竣工年份";
    private static final String CUT_OFF_SHEET = "改造范围参数";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void servesEligibilityWithTheEmbeddedWenzhouRules() throws Exception {
        try (RunningJar app = RunningJar.start(temp.resolve("embedded.log"))) {
            HttpResponse<String> ok = post(app, community(1995, false));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"decision\":\"PRIORITY_RENOVATION\"", "\"jurisdiction\":\"wenzhou\"",
                    "ELIG-PRIORITY-BUILT-BEFORE-CUTOFF");

            HttpResponse<String> bad = post(app, "{\"completionYear\":\"soon\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(bad.body()).contains("completionYear").doesNotContain("Exception");

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(app.uri("/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    @Test
    void externalDecisionTablesFolderReplacesTheEmbeddedOne() throws Exception {
        Path tables = copyOfDecisionTables();
        setCutOffYear(tables.resolve("eligibility/eligibility.drl.xlsx"), 2005);
        try (RunningJar app = RunningJar.start(temp.resolve("external.log"),
                "--renovation.decision-tables-dir=" + tables)) {
            HttpResponse<String> response = post(app, community(2003, false));
            assertThat(response.body()).contains("\"decision\":\"PRIORITY_RENOVATION\"");
        }
    }

    @Test
    void brokenDecisionTableStopsStartupNamingFileSheetAndCell() throws Exception {
        Path tables = copyOfDecisionTables();
        String cell = setCutOffCell(tables.resolve("eligibility/eligibility.drl.xlsx"), "二千");
        Path log = temp.resolve("broken.log");
        Process process = RunningJar.launch(log, freePort(), "--renovation.decision-tables-dir=" + tables);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("startup must fail, not hang").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("eligibility.drl.xlsx", CUT_OFF_SHEET, "单元格 " + cell);
    }

    private HttpResponse<String> post(RunningJar app, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(app.uri("/api/v1/eligibility"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String community(int completionYear, boolean deficient) {
        return """
                {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false,
                 "deficiencies": {"functionsIncomplete": %b, "facilitiesIncomplete": %b, "propertyManagementInadequate": %b},
                 "strongRenovationWillingness": true, "evaluationDate": "2026-03-01"}
                """.formatted(completionYear, deficient, deficient, deficient);
    }

    private Path copyOfDecisionTables() throws IOException {
        Path source = Path.of("decision-tables");
        Path target = temp.resolve("decision-tables");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    private static void setCutOffYear(Path workbook, int year) throws IOException {
        editCutOffCell(workbook, cell -> cell.setCellValue(year));
    }

    private static String setCutOffCell(Path workbook, String text) throws IOException {
        return editCutOffCell(workbook, cell -> cell.setCellValue(text));
    }

    /** Finds the cut-off cell by its rule name and column header, never by fixed coordinates. */
    private static String editCutOffCell(Path workbook, java.util.function.Consumer<Cell> edit) throws IOException {
        DataFormatter text = new DataFormatter();
        try (InputStream in = Files.newInputStream(workbook); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheet(CUT_OFF_SHEET);
            int column = -1;
            Row ruleRow = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String value = text.formatCellValue(cell).strip();
                    if (value.equals(CUT_OFF_HEADER)) {
                        column = cell.getColumnIndex();
                    } else if (value.equals(CUT_OFF_RULE)) {
                        ruleRow = row;
                    }
                }
            }
            assertThat(column).as("column headed " + CUT_OFF_HEADER).isNotNegative();
            assertThat(ruleRow).as("row " + CUT_OFF_RULE).isNotNull();
            Cell cell = ruleRow.getCell(column);
            edit.accept(cell);
            try (OutputStream out = Files.newOutputStream(workbook)) {
                book.write(out);
            }
            return new org.apache.poi.ss.util.CellReference(cell.getRowIndex(), column).formatAsString(false);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged jar running in its own JVM on a free port. */
    private record RunningJar(Process process, int port) implements AutoCloseable {

        static RunningJar start(Path log, String... args) throws IOException, InterruptedException {
            int port = freePort();
            Process process = launch(log, port, args);
            RunningJar app = new RunningJar(process, port);
            app.awaitHealthy(log);
            return app;
        }

        static Process launch(Path log, int port, String... args) throws IOException {
            String jar = System.getProperty("packagedJar");
            assertThat(jar).as("system property packagedJar (set by Failsafe)").isNotBlank();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar, "--server.port=" + port));
            command.addAll(List.of(args));
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private void awaitHealthy(Path log) throws IOException, InterruptedException {
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The jar exited during startup:\n" + Files.readString(log));
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // still starting
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The jar did not become healthy in 120 s:\n" + Files.readString(log));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
