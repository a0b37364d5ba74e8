package cn.wenzhou.renovation.web;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access to the API for the configured portals ({@code renovation.cors.portals}), applied
 * by Spring Security's CORS filter ({@code http.cors} in {@link SecurityConfiguration}) so a preflight is
 * answered before any API key is asked for. With no portals (the default) nothing is registered: no
 * response carries CORS headers, so browsers keep every other origin's pages from reading answers, and the
 * console keeps working behind a TLS-terminating proxy (whose public origin the service cannot see
 * unless {@code server.forward-headers-strategy} is set; with portals configured, set it).
 */
@Configuration(proxyBeanMethods = false)
class PortalCorsConfiguration {

    static final List<String> ALLOWED_HEADERS = List.of(
            HttpHeaders.CONTENT_TYPE,
            RequestIdFilter.HEADER,
            ApiKeyFilter.HEADER,
            "Decision-Receipt",
            HttpHeaders.AUTHORIZATION);
    static final List<String> EXPOSED_HEADERS = List.of(
            RequestIdFilter.HEADER, HttpHeaders.ETAG, "Deprecation", "Sunset", HttpHeaders.LINK, "Decision-Receipt");

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(properties.portals().stream()
                .flatMap(portal -> portal.origins().stream())
                .toList());
        api.setAllowedMethods(List.of("GET", "POST"));
        api.setAllowedHeaders(ALLOWED_HEADERS);
        api.setExposedHeaders(EXPOSED_HEADERS);
        // Portals authenticate with X-API-Key, not cookies: no credentialed requests.
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!properties.portals().isEmpty()) {
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
