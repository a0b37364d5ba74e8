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
        String asked = request.getParameter("jurisdiction");
        if (asked == null || asked.isBlank()) {
            return defaultJurisdiction;
        }
        return registry.validation(asked).isPresent() ? asked : OTHER;
    }
}
