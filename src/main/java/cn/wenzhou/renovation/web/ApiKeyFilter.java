package cn.wenzhou.renovation.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a portal by its {@code X-API-Key}: a key whose SHA-256 is configured makes the
 * request a {@code decision-client}'s. A missing or unknown key authenticates nobody; the
 * authorization rules then decide (decision endpoints need a client only when keys are configured).
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    static final String CLIENT_ROLE = "decision-client";

    private final Map<String, String> clientByHash;

    ApiKeyFilter(List<SecurityProperties.ApiKey> keys) {
        this.clientByHash = keys.stream()
                .collect(Collectors.toUnmodifiableMap(
                        key -> key.sha256().strip().toLowerCase(Locale.ROOT), SecurityProperties.ApiKey::client));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank() && SecurityContextHolder.getContext().getAuthentication() == null) {
            String client = clientByHash.get(sha256(key.strip()));
            if (client != null) {
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                client, null, AuthorityUtils.createAuthorityList("ROLE_" + CLIENT_ROLE)));
            }
        }
        chain.doFilter(request, response);
    }

    /** Hex SHA-256; the map lookup compares digests, never the key itself. */
    static String sha256(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
