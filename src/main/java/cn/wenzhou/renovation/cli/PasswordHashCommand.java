package cn.wenzhou.renovation.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar <jar> hash-password}: reads a password (without echo on a terminal, or one line
 * from standard input) and prints the {@code {bcrypt}...} hash to put in
 * {@code renovation.security.users[n].password-hash}. The password itself is never printed or kept.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {}

    public static int run() {
        char[] password = read();
        if (password == null || password.length == 0) {
            System.err.println("没有读到密码 (no password given)");
            return 2;
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(new String(password)));
        java.util.Arrays.fill(password, ' ');
        return 0;
    }

    private static char[] read() {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("密码 (password): ");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            return null;
        }
    }
}
