package cn.wenzhou.renovation.web;

import cn.wenzhou.renovation.kernel.ProblemCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * Two chains. The staff area ({@code /api/v1/admin}, receipts) needs a user with a role, by HTTP Basic.
 * Everything else is open to the portals, or needs a portal's API key once keys are configured. Both are
 * stateless (no session, so no CSRF token to carry) and send the same security headers. A missing or
 * wrong login is a 401 problem, a user without the role a 403 problem, a login past the failure limit a
 * 429 ({@link ThrottledLogins}).
 */
@Configuration
@ConditionalOnWebApplication(
        type = ConditionalOnWebApplication.Type.SERVLET) // the assess command runs without a server
class SecurityConfiguration {

    static final String EDITOR = "rules-editor";
    static final String PUBLISHER = "rules-publisher";

    /**
     * Paths of the staff area's chain (where a missing login means a staff login is narrower: {@link #isStaffArea}).
     * Path patterns, not Spring MVC's matcher, which would look up the handler of every request to choose a chain.
     */
    private static final RequestMatcher STAFF_AREA = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/v1/admin/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/v1/receipts/**"));

    /**
     * The staff area: rules administration and receipts (a replay compiles a kept ruleset). Staff sign in by
     * HTTP Basic; with API keys configured a portal reads a receipt with its key. Every other path goes
     * through {@link #portalsAndFiles}, which carries only what those paths need.
     */
    @Bean
    @Order(1)
    SecurityFilterChain staffArea(
            HttpSecurity http,
            ObjectMapper json,
            SecurityProperties properties,
            @Qualifier("corsConfigurationSource") CorsConfigurationSource portals,
            ThrottledLogins logins)
            throws Exception {
        http.securityMatcher(STAFF_AREA);
        signedIn(answeringWithHeadersAndCors(http, json, portals), json, properties, logins)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/v1/admin/rulesets/*/activate",
                                "/api/v1/admin/rulesets/*/rollback/**",
                                "/api/v1/admin/rulesets/*/submissions/*/approve",
                                "/api/v1/admin/rulesets/*/submissions/*/return",
                                "/api/v1/admin/calendar/activate",
                                "/api/v1/admin/calendar/rollback/**")
                        .hasRole(PUBLISHER)
                        .requestMatchers("/api/v1/admin/**")
                        .hasAnyRole(EDITOR, PUBLISHER)
                        // A replay compiles a kept ruleset: staff only. Reading a receipt needs its unguessable id.
                        .requestMatchers("/api/v1/receipts/*/replay")
                        .hasAnyRole(EDITOR, PUBLISHER)
                        .anyRequest()
                        .access(portalsAllowed(properties)));
        return http.build();
    }

    /**
     * Decisions, listings, the console's files, the spec and health. Without API keys they need no
     * authentication at all, so the chain is the security headers and CORS only (a tenth of a small
     * request's CPU was the filters a login needs). With keys configured a decision needs a portal's
     * key, or a signed-in member of staff (the console), as before.
     */
    @Bean
    @Order(2)
    SecurityFilterChain portalsAndFiles(
            HttpSecurity http,
            ObjectMapper json,
            SecurityProperties properties,
            @Qualifier("corsConfigurationSource") CorsConfigurationSource portals,
            ThrottledLogins logins)
            throws Exception {
        answeringWithHeadersAndCors(http, json, portals);
        if (properties.apiKeys().isEmpty()) {
            http.securityContext(context -> context.disable())
                    .sessionManagement(session -> session.disable())
                    .anonymous(anonymous -> anonymous.disable())
                    .requestCache(cache -> cache.disable())
                    .servletApi(servletApi -> servletApi.disable())
                    .logout(logout -> logout.disable())
                    .exceptionHandling(errors -> errors.disable());
        } else {
            signedIn(http, json, properties, logins)
                    .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/**")
                            .access(portalsAllowed(properties))
                            .anyRequest()
                            .permitAll());
        }
        return http.build();
    }

    /** Every chain: stateless, no CSRF token (nothing rides on a cookie), the security headers and portal CORS. */
    private static HttpSecurity answeringWithHeadersAndCors(
            HttpSecurity http, ObjectMapper json, CorsConfigurationSource portals) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                // Ours, not the one Spring Security adds on finding a CORS source (which would run as well), at
                // Spring Security's place for CORS, before authentication: a preflight carries no key or login.
                .cors(cors -> cors.disable())
                .addFilter(corsFilter(json, portals))
                .headers(SecurityHeaders::configure);
    }

    /** A portal's API key or a staff login by HTTP Basic; refusals as problems. */
    private static HttpSecurity signedIn(
            HttpSecurity http, ObjectMapper json, SecurityProperties properties, ThrottledLogins logins)
            throws Exception {
        return http.authenticationManager(new ProviderManager(logins))
                .addFilterBefore(
                        new ApiKeyFilter(properties.apiKeys()),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, failure) -> loginFailed(json, request, response, failure)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                (request, response, failure) -> unauthenticated(json, request, response))
                        .accessDeniedHandler((request, response, denied) -> problem(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                ProblemCode.FORBIDDEN,
                                "当前用户没有该操作所需的角色 (role required)")));
    }

    /** With keys configured, a portal calls with its X-API-Key; staff signed in may too (the console). */
    private static AuthorizationManager<RequestAuthorizationContext> portalsAllowed(SecurityProperties properties) {
        return properties.apiKeys().isEmpty()
                ? (authentication, context) -> new AuthorizationDecision(true)
                : AuthorityAuthorizationManager.hasAnyRole(ApiKeyFilter.CLIENT_ROLE, EDITOR, PUBLISHER);
    }

    /**
     * Spring's strict firewall, whose checks of header names, header values and parameter names run as
     * loops ({@link FirewallCharacters}) rather than regular expressions: the same rule, a fraction of the CPU.
     */
    @Bean
    WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallCharacters::assignedAndNotControlOrTab);
        firewall.setAllowedParameterNames(FirewallCharacters::assignedAndNotControl);
        return web -> web.httpFirewall(firewall);
    }

    /** Spring's CORS filter, except that a refused origin gets a problem with a code, like every other refusal. */
    private static CorsFilter corsFilter(ObjectMapper json, CorsConfigurationSource portals) {
        CorsFilter filter = new CorsFilter(portals);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            public boolean processRequest(
                    CorsConfiguration configuration, HttpServletRequest request, HttpServletResponse response)
                    throws IOException {
                boolean allowed = super.processRequest(configuration, request, response);
                if (!allowed) {
                    problem(
                            json,
                            request,
                            response,
                            HttpStatus.FORBIDDEN,
                            ProblemCode.FORBIDDEN,
                            "该来源未获准跨域调用本服务 (this origin may not call the service from a browser)");
                }
                return allowed;
            }

            @Override
            protected void rejectRequest(ServerHttpResponse response) {
                // The problem is written above, where the request is known.
            }
        });
        return filter;
    }

    /** Where a staff login is asked for (HTTP Basic); elsewhere a missing login means a missing API key. */
    private static boolean isStaffArea(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/receipts/") && path.endsWith("/replay");
    }

    /** A wrong login is a 401; one refused before its password was checked is a 429 saying when to try again. */
    private static void loginFailed(
            ObjectMapper json,
            HttpServletRequest request,
            HttpServletResponse response,
            AuthenticationException failure)
            throws IOException {
        if (failure instanceof TooManyLoginAttemptsException tooMany) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds()));
            problem(
                    json,
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    ProblemCode.TOO_MANY_LOGIN_ATTEMPTS,
                    tooMany.getMessage());
        } else {
            unauthenticated(json, request, response);
        }
    }

    private static void unauthenticated(ObjectMapper json, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        problem(
                json,
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                ProblemCode.UNAUTHENTICATED,
                isStaffArea(request)
                        ? "需要登录 (authentication required)"
                        : "需要有效的 API 密钥（请求头 " + ApiKeyFilter.HEADER + "） (a valid " + ApiKeyFilter.HEADER
                                + " is required)");
    }

    /**
     * A URL Spring Security's firewall refuses (a {@code ;}, {@code //}, an encoded {@code ..} or control
     * character) is a problem with a code as well, instead of Boot's bare error JSON.
     */
    @Bean
    RequestRejectedHandler rejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> problem(
                json,
                request,
                response,
                HttpStatus.BAD_REQUEST,
                ProblemCode.MALFORMED_REQUEST,
                "请求地址无法接受 (the request URL was rejected)");
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User user : properties.users()) {
            users.add(User.withUsername(user.name())
                    .password(user.passwordHash())
                    .roles(user.roles() == null ? new String[0] : user.roles().toArray(String[]::new))
                    .build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** Staff logins, limited and with BCrypt off the request threads (renovation.security.logins). */
    @Bean
    ThrottledLogins throttledLogins(
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            LoginLimitProperties limits,
            ObjectProvider<Ticker> clock) {
        return new ThrottledLogins(users, passwordEncoder, limits, clock.getIfAvailable(Ticker::systemTicker));
    }

    /** Hashes written {@code {bcrypt}$2a$...}; a bare {@code $2a$...} is read as BCrypt too. */
    @Bean
    PasswordEncoder passwordEncoder() {
        var encoder = (org.springframework.security.crypto.password.DelegatingPasswordEncoder)
                PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(
                new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
        return encoder;
    }

    private static void problem(
            ObjectMapper json,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            ProblemCode code,
            String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        try {
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // A URL the firewall refused may not parse as a URI: the problem goes without an instance.
        }
        problem.setType(code.type());
        problem.setProperty("code", code.name());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // The browser's own login dialog would pop over the console's form, which marks its calls as XHR.
        if (status == HttpStatus.UNAUTHORIZED
                && isStaffArea(request)
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"renovation-admin\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
