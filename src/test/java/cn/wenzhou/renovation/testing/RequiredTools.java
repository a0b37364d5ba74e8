package cn.wenzhou.renovation.testing;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a program outside Maven (PostgreSQL, Chromium) skip on a developer's machine without
 * it, but fail in CI: {@code .ci/run} installs them and sets {@code RENOVATION_TEST_REQUIRE_TOOLS=true},
 * so a broken install cannot pass as a skipped test.
 */
public final class RequiredTools {

    private RequiredTools() {}

    public static void assumeAvailable(boolean available, String whatIsMissing) {
        if (!available && Boolean.parseBoolean(System.getenv("RENOVATION_TEST_REQUIRE_TOOLS"))) {
            throw new AssertionError(whatIsMissing + " (required: RENOVATION_TEST_REQUIRE_TOOLS=true)");
        }
        Assumptions.assumeTrue(available, whatIsMissing);
    }
}
