package cn.wenzhou.renovation.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/** The packaged service running in its own JVM on a free port, as its launcher starts it (Failsafe sets {@code packagedJar}). */
public record RunningJar(Process process, int port, Path log) implements AutoCloseable {

    /** Starts the jar and waits until it is healthy. */
    public static RunningJar start(Path log, String... args) throws IOException, InterruptedException {
        RunningJar app = launchOnFreePort(log, args);
        app.awaitHealthy();
        return app;
    }

    /** Starts the jar with JVM options (e.g. {@code -Xmx512m}) and waits until it is healthy. */
    public static RunningJar startWithJvmOptions(Path log, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        int port = freePort();
        RunningJar app = new RunningJar(launch(log, port, jvmOptions, args), port, log);
        app.awaitHealthy();
        return app;
    }

    /** Starts the jar without waiting, so several can start at once; call {@link #awaitHealthy()} on each. */
    public static RunningJar launchOnFreePort(Path log, String... args) throws IOException {
        int port = freePort();
        return new RunningJar(launch(log, port, args), port, log);
    }

    public static Process launch(Path log, int port, String... args) throws IOException {
        return launch(log, port, List.of(), args);
    }

    private static Process launch(Path log, int port, List<String> jvmOptions, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--server.port=" + port));
        all.addAll(List.of(args));
        return command(jvmOptions, all.toArray(String[]::new))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * The packaged service as an operator starts it: the build's launcher, {@code target/app/run} (the class-data
     * archive, Spring's ahead-of-time bean definitions), run by the JDK running the tests, with the JVM options in
     * {@code JAVA_OPTS} as the launcher takes them. A build without the launcher ({@code -Dclass-data.skip}) runs
     * {@code java -jar} of the Spring Boot jar.
     */
    public static ProcessBuilder command(List<String> jvmOptions, String... args) {
        Path launcher = launcher();
        List<String> command = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (Files.isExecutable(launcher)) {
            command.add(launcher.toString());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS", String.join(" ", jvmOptions));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", packagedJar().toString()));
        }
        command.addAll(List.of(args));
        return builder;
    }

    /** Where the package phase writes the launcher, beside the jar it extracted. */
    public static Path launcher() {
        return packagedJar().resolveSibling("app").resolve("run");
    }

    private static Path packagedJar() {
        String jar = System.getProperty("packagedJar");
        assertThat(jar).as("system property packagedJar (set by Failsafe)").isNotBlank();
        return Path.of(jar).toAbsolutePath();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public void awaitHealthy() throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        try {
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> healthy(client));
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError("The jar did not become healthy in 180 s:\n" + Files.readString(log), timeout);
        }
    }

    /** Whether the jar answers its health check; a jar that exited fails the wait at once, with its log. */
    private boolean healthy(HttpClient client) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("The jar exited during startup:\n" + Files.readString(log));
        }
        try {
            return client.send(
                                    HttpRequest.newBuilder(uri("/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode()
                    == 200;
        } catch (IOException notYetListening) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
