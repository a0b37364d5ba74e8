package cn.wenzhou.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import cn.wenzhou.renovation.testing.RunningJar;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's launcher (target/app/run, which the build writes beside its class-data archive) starts the
 * service with the archive in use and Spring's ahead-of-time bean definitions. A JVM that cannot map the archive
 * would start without it and say nothing, so the test reads where Spring's own classes came from, and that the
 * rules came as the build compiled and validated them.
 * Run by Failsafe after {@code package}.
 */
class LauncherIT {

    @TempDir
    Path temp;

    @Test
    void theLauncherServesDecisionsWithSpringsClassesFromTheBuildsArchive() throws Exception {
        assumeFalse(Boolean.getBoolean("classDataSkipped"), "built with -Dclass-data.skip: no launcher to test");
        Path launcher = RunningJar.launcher();
        assertThat(launcher).as("written by the package phase").isExecutable();
        Path classLoading = temp.resolve("class-load.log");
        Path log = temp.resolve("launcher.log");
        int port = RunningJar.freePort();
        ProcessBuilder start = new ProcessBuilder(List.of(
                        launcher.toString(),
                        "--server.port=" + port,
                        "--renovation.data-dir=",
                        "--renovation.receipts.mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:launcher",
                        // a setting that adds a bean: read by the running service, not fixed by the build
                        "--renovation.watch-rules-folder=true"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        start.environment().put("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLoading);
        try (RunningJar app = new RunningJar(start.start(), port, log)) {
            app.awaitHealthy();
            HttpResponse<String> decided = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.uri("/api/v1/eligibility"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"communityName":"鹿城区江滨小区","completionYear":1995,
                                             "housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY","listedInShantyRenovationPlan":false,
                                             "deficiencies":{"functionsIncomplete":false,"facilitiesIncomplete":false,
                                             "propertyManagementInadequate":false},"strongRenovationWillingness":true,
                                             "evaluationDate":"2026-03-01"}"""))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(decided.statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(log))
                .doesNotContain("does not fit")
                .as("the bean definitions Spring's ahead-of-time processing wrote at package")
                .contains("Starting AOT-processed RenovationDecisionServiceApplication")
                .as("the folder watch switched on by this start's own setting")
                .contains("renovation.watch-rules-folder is on");
        assertThat(Files.readAllLines(log))
                .as("both jurisdictions loaded as the build compiled them, the build's checks trusted")
                .anySatisfy(
                        line -> assertThat(line).contains("Compiled ruleset wenzhou", "the build's executable model"))
                .anySatisfy(
                        line -> assertThat(line).contains("Compiled ruleset yueqing", "the build's executable model"))
                .anySatisfy(line -> assertThat(line).contains("Checks of wenzhou", "not run again"))
                .anySatisfy(line -> assertThat(line).contains("Checks of yueqing", "not run again"));
        assertThat(Files.readAllLines(classLoading))
                .as("Spring's and Drools' classes mapped from the build's archive, not read from their jars")
                .anySatisfy(line -> assertThat(line)
                        .contains("org.springframework.boot.SpringApplication source: shared objects file"))
                .anySatisfy(line ->
                        assertThat(line).contains("org.drools.core.impl.RuleBaseFactory source: shared objects file"));
    }

    /**
     * A command through the same launcher: {@code validate} builds a context without a web server, so it runs
     * without the web service's ahead-of-time definitions; and on the packaged rules (loaded prebuilt, no DRL
     * compiled in this process) every Test Scenario row still reads and passes.
     */
    @Test
    void theLaunchersValidateCommandPassesTheRepositoryRulesAndScenarios() throws Exception {
        assumeFalse(Boolean.getBoolean("classDataSkipped"), "built with -Dclass-data.skip: no launcher to test");
        Path launcher = RunningJar.launcher();
        Path log = temp.resolve("validate.log");
        Process validate = new ProcessBuilder(List.of(
                        launcher.toString(), "validate", "--jurisdiction", "wenzhou", "--scenarios-dir", "scenarios"))
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(validate.waitFor(3, TimeUnit.MINUTES))
                .as("validate must finish")
                .isTrue();
        String printed = Files.readString(log);
        assertThat(validate.exitValue()).as(printed).isZero();
        assertThat(printed).contains("通过 wenzhou", "全部通过").doesNotContain("[测试场景]");
    }
}
