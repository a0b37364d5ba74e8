package cn.wenzhou.renovation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** {@code hash-password}: the printed hash is one the service accepts for that password, and the password is not printed. */
class PasswordHashCommandTest {

    @Test
    void printsABcryptHashThatMatchesThePasswordAndNotThePassword() {
        String password = "长城 long wall 2026";
        String printed = runWithInput(password + "\n");
        // System.out is the JVM's: a cached test context's background thread may log into it meanwhile.
        List<String> hashes =
                printed.lines().filter(line -> line.startsWith("{bcrypt}")).toList();

        assertThat(printed).doesNotContain(password);
        assertThat(hashes).singleElement().satisfies(hash -> {
            assertThat(hash).startsWith("{bcrypt}$2a$");
            assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder()
                            .matches(password, hash.strip()))
                    .isTrue();
        });
    }

    @Test
    void noPasswordIsExitCodeTwo() {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            assertThat(PasswordHashCommand.run()).isEqualTo(2);
        } finally {
            System.setIn(in);
        }
    }

    private static String runWithInput(String input) {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(PasswordHashCommand.run()).isZero();
        } finally {
            System.setIn(in);
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
