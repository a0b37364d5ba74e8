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
        String asked = isMultipart(request) ? fromQueryString(request) : request.getParameter("jurisdiction");
        if (asked == null || asked.isBlank()) {
            return defaultJurisdiction;
        }
        return registry.validation(asked).isPresent() ? asked : OTHER;
    }

    /** An upload's body is not parsed for this: that would happen before the login is checked. */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    private static String fromQueryString(HttpServletRequest request) {
        String asked = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString())
                .build().getQueryParams().getFirst("jurisdiction");
        return asked == null ? null : org.springframework.web.util.UriUtils.decode(asked, java.nio.charset.StandardCharsets.UTF_8);
    }
}
