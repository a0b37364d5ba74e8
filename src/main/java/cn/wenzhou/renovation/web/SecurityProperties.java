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
 * </pre>
 */
@ConfigurationProperties("renovation.security")
public record SecurityProperties(@DefaultValue List<User> users) {

    public record User(String name, String passwordHash, List<String> roles) {
    }
}
