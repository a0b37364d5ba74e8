package cn.wenzhou.renovation.observability;

import jakarta.servlet.http.HttpServletRequest;

import cn.wenzhou.renovation.ruleset.RulesetRegistry;

/**
 * Which jurisdiction a request was for, as a metric tag or log field: the {@code ?jurisdiction=} it
 * named, the default when it named none, and "other" for a code the service does not know (a tag
 * must not take whatever a caller types, or the metrics would grow without bound).
 */
final class RequestJurisdiction {

    static final String NONE = "none";
    static final String OTHER = "other";

    private RequestJurisdiction() {
    }

    static String of(HttpServletRequest request, RulesetRegistry registry, String defaultJurisdiction) {
        if (!request.getRequestURI().startsWith("/api/")) {
            return NONE;
        }
        // From the query string only: getParameter would make the container parse a multipart body (an
        // anonymous upload to an admin path) before the login is checked.
        String asked = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString())
                .build().getQueryParams().getFirst("jurisdiction");
        asked = asked == null ? null : org.springframework.web.util.UriUtils.decode(asked, java.nio.charset.StandardCharsets.UTF_8);
        if (asked == null || asked.isBlank()) {
            return defaultJurisdiction;
        }
        return registry.validation(asked).isPresent() ? asked : OTHER;
    }
}
