package cn.wenzhou.renovation.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The request log's lines in captured output. A worker thread writes them (logback-spring.xml), in the
 * order the requests finished, so a test waits for its last request's line before it reads any: every
 * earlier line is there by then, and an assertion that something is absent is not made too early.
 */
public final class RequestLogLines {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private RequestLogLines() {}

    /** Waits for a line holding every part, written after {@code offset} characters of the output. */
    public static void awaitLine(CapturedOutput output, int offset, String... parts) {
        await("a request log line with " + Arrays.toString(parts))
                .atMost(PATIENCE)
                .until(() -> !lines(output.getOut().substring(offset), parts).isEmpty());
    }

    /** Waits for a line holding every part; returns every such line. */
    public static List<String> awaitLines(CapturedOutput output, String... parts) {
        awaitLine(output, 0, parts);
        return lines(output.getOut(), parts);
    }

    private static List<String> lines(String text, String... parts) {
        return text.lines()
                .filter(line -> Arrays.stream(parts).allMatch(line::contains))
                .toList();
    }
}
