package cn.wenzhou.renovation.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser protections for every answer: a Content-Security-Policy, {@code X-Content-Type-Options:
 * nosniff}, and no framing ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}, for
 * browsers that ignore the first). The console loads only its own files, with no inline script, style
 * or handler, so its policy allows only 'self'. Swagger UI's bundle sets inline styles and its CSS
 * draws icons from {@code data:} images, so its pages allow those two and nothing more; its scripts are
 * files. Everything else is JSON or a document, which needs nothing at all.
 */
final class SecurityHeaders {

    static final String CONSOLE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final RequestMatcher SWAGGER_UI =
            new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"));
    private static final RequestMatcher CONSOLE = path("/console/**");

    private SecurityHeaders() {}

    static void configure(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .addHeaderWriter(policy(SWAGGER_UI, SWAGGER_UI_POLICY))
                .addHeaderWriter(policy(CONSOLE, CONSOLE_POLICY))
                .addHeaderWriter(
                        policy(new NegatedRequestMatcher(new OrRequestMatcher(SWAGGER_UI, CONSOLE)), API_POLICY));
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static DelegatingRequestMatcherHeaderWriter policy(RequestMatcher where, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(where, new ContentSecurityPolicyHeaderWriter(policy));
    }
}
