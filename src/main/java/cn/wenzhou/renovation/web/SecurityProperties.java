package cn.wenzhou.renovation.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use {@code /api/v1/admin}: users with a BCrypt password hash and their roles
 * ({@code rules-editor} validates, {@code rules-publisher} also activates and rolls back). None by
 * default: until users are configured, every admin call is refused.
 *
 * <pre>
 * renovation:
 *   security:
 *     users:
 *       - name: zhang.wei
 *         password-hash: "{bcrypt}$2a$10$..."
 *         roles: [rules-editor]
 *     api-keys:                      # optional: when any is set, decision endpoints need one
 *       - client: zheliban-portal
 *         sha256: 9f86d081884c7d65...  # printf %s "$KEY" | sha256sum
 * </pre>
 */
@ConfigurationProperties("renovation.security")
record SecurityProperties(
        @DefaultValue List<User> users, @DefaultValue List<ApiKey> apiKeys) {

    public record User(String name, String passwordHash, List<String> roles) {}

    /**
     * A portal's key, kept as its SHA-256 (keys are long random strings, so a fast hash is enough,
     * and a decision must not wait for a deliberately slow one).
     */
    public record ApiKey(String client, String sha256) {}
}
