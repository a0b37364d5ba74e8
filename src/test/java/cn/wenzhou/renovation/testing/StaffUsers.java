package cn.wenzhou.renovation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Admin users for a test context, configured as operators configure them, and a data folder of its own. */
public final class StaffUsers {

    private StaffUsers() {}

    /** Registers users {@code name → role} sharing one password, as BCrypt hashes, and a fresh versions folder. */
    public static void register(DynamicPropertyRegistry registry, String password, String... nameRolePairs) {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(password);
        for (int i = 0; i < nameRolePairs.length / 2; i++) {
            String name = nameRolePairs[2 * i];
            String role = nameRolePairs[2 * i + 1];
            registry.add("renovation.security.users[" + i + "].name", () -> name);
            registry.add("renovation.security.users[" + i + "].password-hash", () -> hash);
            registry.add("renovation.security.users[" + i + "].roles[0]", () -> role);
        }
        try {
            String data = Files.createTempDirectory("ruleset-versions").toString();
            registry.add("renovation.data-dir", () -> data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
