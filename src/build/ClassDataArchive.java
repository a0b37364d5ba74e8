import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build step (package phase): the application class-data archive the launcher starts with. Extracts the
 * Spring Boot jar into {@code target/app} (a class-data archive holds classes from plain jars only), runs
 * it once as a training run (start, one decision of each kind a portal asks most, the catalogue, then a
 * normal stop) while the JVM lists every class it loads, and dumps those classes into
 * {@code target/app/renovation.jsa}.
 *
 * <p>A static archive, not {@code -XX:ArchiveClassesAtExit}: the dynamic dump crashed this JDK (17.0.15)
 * on Spring's lambda proxies, so the list leaves the lambda-proxy entries out. Run with a single-file
 * source launch: {@code java src/build/ClassDataArchive.java target/renovation-decision-service-<v>.jar
 * src/main/launcher/run}, which also puts the launcher beside the archive.
 */
public class ClassDataArchive {

    private static final String COMMUNITY = """
            {"communityName":"鹿城区江滨小区","completionYear":1995,"housingKind":"ORDINARY_RESIDENTIAL_COMMUNITY",
             "listedInShantyRenovationPlan":false,"deficiencies":{"functionsIncomplete":false,
             "facilitiesIncomplete":false,"propertyManagementInadequate":false},
             "strongRenovationWillingness":true,"evaluationDate":"2026-03-01"}""";

    public static void main(String[] args) throws Exception {
        // Absolute: the archive records the class path it was dumped with, and a launch from elsewhere must match it.
        Path bootJar = Path.of(args[0]).toAbsolutePath();
        Path app = bootJar.resolveSibling("app");
        deleteRecursively(app);
        run(List.of(java(), "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--destination", app.toString()),
                app.resolveSibling("class-data-extract.log"));
        Path jar = app.resolve(bootJar.getFileName());
        Path training = app.resolve("training");
        Files.createDirectories(training);
        Path classes = training.resolve("loaded-classes.txt");

        int port = freePort();
        Instant started = Instant.now();
        Process service = new ProcessBuilder(
                        java(),
                        "-XX:DumpLoadedClassList=" + classes,
                        "-Dspring.aot.enabled=true",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--renovation.data-dir=",
                        "--renovation.receipts.mode=off",
                        "--spring.datasource.url=jdbc:h2:mem:class-data-training")
                .redirectErrorStream(true)
                .redirectOutput(training.resolve("service.log").toFile())
                .start();
        try {
            train(port, service);
        } finally {
            service.destroy(); // SIGTERM: a normal stop, so the class list is complete
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
                throw new IllegalStateException("the training run did not stop; see target/app/training/service.log");
            }
        }
        // 143: stopped by the SIGTERM above, as a supervisor stops it.
        if (service.exitValue() != 143 && service.exitValue() != 0) {
            throw new IllegalStateException(
                    "the training run exited with " + service.exitValue() + "; see target/app/training/service.log");
        }
        Duration trainingRun = Duration.between(started, Instant.now());

        Path staticList = training.resolve("archived-classes.txt");
        List<String> kept = Files.readAllLines(classes).stream()
                .filter(line -> !line.startsWith("@lambda"))
                .toList();
        Files.write(staticList, kept);
        Path archive = app.resolve("renovation.jsa");
        run(List.of(
                        java(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + staticList,
                        "-XX:SharedArchiveFile=" + archive,
                        "-jar",
                        jar.toString()),
                training.resolve("dump.log"));
        Path launcher = app.resolve("run");
        Files.copy(Path.of(args[1]), launcher);
        launcher.toFile().setExecutable(true);
        System.out.printf(
                "Class-data archive %s: %d classes listed by a %d s training run, %d MB%n",
                archive,
                kept.size(),
                trainingRun.toSeconds(),
                Files.size(archive) / (1024 * 1024));
    }

    /** Waits for the first decision, then asks what a portal asks most, so their classes load too. */
    private static void train(int port, Process service) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port + "/api/v1/";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the training run stopped; see target/app/training/service.log");
            }
            try {
                if (post(http, base + "eligibility", COMMUNITY) == 200) {
                    break;
                }
            } catch (IOException notYetListening) {
                // the port opens once the rules are compiled
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no decision within 5 minutes; see target/app/training/service.log");
            }
            Thread.sleep(200);
        }
        for (int i = 0; i < 20; i++) {
            expectOk(post(http, base + "eligibility", COMMUNITY), "eligibility");
        }
        expectOk(post(http, base + "eligibility?jurisdiction=yueqing", COMMUNITY), "a county's eligibility");
        expectOk(post(http, base + "eligibility", "{}"), 400, "a refused request");
        expectOk(http.send(HttpRequest.newBuilder(URI.create(base + "catalog")).build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode(),
                "the catalogue");
    }

    private static int post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void expectOk(int status, String what) {
        expectOk(status, 200, what);
    }

    private static void expectOk(int status, int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status + " in the training run, not " + expected);
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
