package cn.wenzhou.renovation.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RequiredTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

/**
 * The npm-ready TypeScript client that {@code mvn verify} generates is installed and built as a portal
 * would ({@code npm install}), a small portal program written against it compiles under {@code tsc --strict},
 * and, run by Node against the service on a random port, gets real answers and a problem it can read.
 */
@DeployedService
class GeneratedTypeScriptClientTest {

    private static final Path CLIENT = Path.of("target", "clients", "typescript");
    private static final Path PORTAL_EXAMPLE = Path.of("src", "test", "typescript", "portal-example.ts");

    @LocalServerPort
    private int port;

    @Test
    void aPortalProgramBuiltOnTheClientGetsDecisionsAndProblems(@TempDir Path folder) throws Exception {
        RequiredTools.assumeAvailable(available("node") && available("npm"), "Node.js and npm");
        Path client = folder.resolve("client");
        FileSystemUtils.copyRecursively(CLIENT, client);
        Files.copy(PORTAL_EXAMPLE, client.resolve("src").resolve("portal-example.ts"));

        run(client, "npm", "install", "--no-audit", "--no-fund"); // its prepare script builds dist/
        run(client, "npx", "tsc", "--strict", "--noEmit", "-p", ".");
        JsonNode answered =
                new ObjectMapper().readTree(run(client, "node", "dist/portal-example.js", "http://localhost:" + port));

        assertThat(Files.exists(client.resolve("dist/index.d.ts"))).isTrue();
        assertThat(Files.exists(client.resolve("dist/esm/index.js"))).isTrue();
        assertThat(answered.path("decision").asText()).isEqualTo("PRIORITY_RENOVATION");
        assertThat(answered.path("clauses")).isNotEmpty();
        assertThat(answered.path("consentSufficient").asBoolean()).isTrue();
        assertThat(answered.path("categories").asInt()).isEqualTo(6);
        assertThat(answered.path("catalogueItems").asInt()).isGreaterThan(18);
        assertThat(answered.path("problem").path("status").asInt()).isEqualTo(400);
        assertThat(answered.path("problem").path("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(answered.path("problem").path("fields").toString()).contains("completionYear");
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the command in the folder and returns its standard output; fails with its output when it fails. */
    private static String run(Path folder, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(folder.getParent(), "out", ".txt");
        Process process = new ProcessBuilder(List.of(command))
                .directory(folder.toFile())
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0)
                .as("%s:%n%s", String.join(" ", command), text)
                .isTrue();
        List<String> lines = new ArrayList<>(text.lines().toList());
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
