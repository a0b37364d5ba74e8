package cn.wenzhou.renovation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.HostileWorkbooks;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.RunningJar;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged service as its launcher does ({@link RunningJar}) and talks to it over HTTP:
 * the embedded rules, an external rules folder, and a broken table that must stop startup; and the
 * {@code assess} command line on an inventory workbook.
 * Run by Failsafe after {@code package}.
 */
class PackagedJarIT {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path temp;

    @Test
    void servesEligibilityWithTheEmbeddedWenzhouRules() throws Exception {
        try (RunningJar app = RunningJar.start(temp.resolve("embedded.log"))) {
            HttpResponse<String> ok = post(app, community(1995, false));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body())
                    .contains(
                            "\"decision\":\"PRIORITY_RENOVATION\"",
                            "\"jurisdiction\":\"wenzhou\"",
                            "ELIG-PRIORITY-BUILT-BEFORE-CUTOFF");

            HttpResponse<String> bad = post(app, "{\"completionYear\":\"soon\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(bad.body()).contains("completionYear").doesNotContain("Exception");

            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(app.uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    /**
     * Issue 17, finding 3: the 20 M-cell workbook, posted anonymously three times at once to a jar in a 512 MB heap
     * that exits on OutOfMemoryError. Every post is refused, and the service still decides and is healthy afterwards.
     */
    @Test
    void aTwentyMillionCellWorkbookLeavesA512MbServiceAnswering() throws Exception {
        try (RunningJar app = RunningJar.startWithJvmOptions(
                temp.resolve("heavy.log"), List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"))) {
            byte[] template = http.send(
                            HttpRequest.newBuilder(app.uri("/api/v1/assessments/template.xlsx"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            byte[] heavy = HostileWorkbooks.extraSheetsOfCells(template, 4, 5_000_000);
            String before = memory(app);
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                posts.add(http.sendAsync(
                        HttpRequest.newBuilder(app.uri("/api/v1/assessments/workbook"))
                                .header(
                                        "Content-Type",
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(heavy))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            }
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                HttpResponse<String> refused = post.get(2, TimeUnit.MINUTES);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
                assertThat(refused.body()).contains("PAYLOAD_TOO_LARGE", "工作簿的工作表超过 4 个的上限");
            }
            String after = memory(app);
            System.out.println("[20M-cell workbook, " + (heavy.length >> 10) + " KB, posted 3x] before: " + before
                    + "; after: " + after);

            assertThat(app.process().isAlive()).isTrue();
            HttpResponse<String> decision = post(app, community(1995, false));
            assertThat(decision.statusCode()).isEqualTo(200);
            assertThat(decision.body()).contains("\"decision\":\"PRIORITY_RENOVATION\"");
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(app.uri("/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"UP\"");
        }
    }

    /** Heap used (Micrometer's gauges) and resident and peak resident memory of the jar's process (Linux /proc). */
    private String memory(RunningJar app) throws IOException, InterruptedException {
        String scraped = http.send(
                        HttpRequest.newBuilder(app.uri("/actuator/prometheus")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double heap = scraped.lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        Path status = Path.of("/proc", Long.toString(app.process().pid()), "status");
        String rss = "";
        if (Files.exists(status)) {
            rss = Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " "))
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
        }
        return "heap used " + Math.round(heap / (1 << 20)) + " MB, " + rss;
    }

    @Test
    void externalDecisionTablesFolderReplacesTheEmbeddedOne() throws Exception {
        RuleFolderCopy.copyRepositoryRules(temp);
        RuleFolderCopy.editCutoffCell(temp, cell -> cell.setCellValue(2005));
        Path tables = temp.resolve("decision-tables");
        try (RunningJar app =
                RunningJar.start(temp.resolve("external.log"), "--renovation.decision-tables-dir=" + tables)) {
            HttpResponse<String> response = post(app, community(2003, false));
            assertThat(response.body()).contains("\"decision\":\"PRIORITY_RENOVATION\"");
        }
    }

    @Test
    void brokenDecisionTableStopsStartupNamingFileSheetAndCell() throws Exception {
        RuleFolderCopy.copyRepositoryRules(temp);
        String cell = RuleFolderCopy.editCutoffCell(temp, c -> c.setCellValue("二千"));
        Path tables = temp.resolve("decision-tables");
        Path log = temp.resolve("broken.log");
        Process process = RunningJar.launch(log, RunningJar.freePort(), "--renovation.decision-tables-dir=" + tables);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("startup must fail, not hang")
                .isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log))
                .contains(RuleFolderCopy.ELIGIBILITY_TABLE_NAME, RuleFolderCopy.PARAMETER_SHEET, "单元格 " + cell);
    }

    @Test
    void assessCommandFillsAnInventoryWorkbookWithoutAServer() throws Exception {
        Path inventory = temp.resolve("清单.xlsx");
        Path result = temp.resolve("结果.xlsx");
        writeInventory(inventory);
        Path log = temp.resolve("assess.log");
        Process process = RunningJar.command(List.of(), "assess", inventory.toString(), "-o", result.toString())
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("the command must finish")
                .isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).contains("评估", "已写入");
        assertThat(temp.resolve("data"))
                .as("assessing keeps no ruleset version")
                .doesNotExist();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(result))) {
            Sheet sheet = workbook.getSheet("小区清单");
            Row headings = sheet.getRow(0);
            int funds = -1;
            int problems = -1;
            for (int c = 0; c < headings.getLastCellNum(); c++) {
                String heading = headings.getCell(c).getStringCellValue();
                funds = "资金结论".equals(heading) ? c : funds;
                problems = "问题".equals(heading) ? c : problems;
            }
            assertThat(sheet.getRow(2).getCell(funds).getStringCellValue()).contains("可启动项目立项");
            assertThat(sheet.getRow(3).getCell(problems).getStringCellValue()).contains("funding.amountInPlace");
        }
    }

    /** Two rows in the template's layout: headings, the path row the service reads, then one community per row. */
    private static void writeInventory(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("小区清单");
            String[] paths = {
                "projectName", "funding.targetAmount", "funding.amountInPlace", "funding.remainderCommitted"
            };
            Object[][] rows = {
                {"项目（小区）名称", "应筹自筹资金（元）", "已到位自筹资金（元）", "业主已承诺剩余资金开工前到位"},
                paths,
                {"鹿城区江滨小区", 1_000_000, 900_000, "是"},
                {"鹿城区广化小区", 1_000_000, "九十万", "是"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer number) {
                        row.createCell(c).setCellValue(number);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
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
}
