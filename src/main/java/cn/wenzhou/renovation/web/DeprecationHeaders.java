package cn.wenzhou.renovation.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Announces deprecations as the spec declares them: an operation with {@code deprecated: true} and
 * {@code x-deprecated-since: <date>} (required), optionally {@code x-sunset: <date>} and
 * {@code x-deprecation-link: <url>}, answers with {@code Deprecation: @<epoch seconds>} (RFC 9745),
 * {@code Sunset: <HTTP-date>} (RFC 8594) and {@code Link: <url>; rel="deprecation"}. Dates are read as
 * the start of that day in China Standard Time, the policy's own calendar. A spec that marks an operation
 * deprecated without its date, or gives a date without marking it, stops startup: the announcement is
 * part of the contract. Runs before Spring Security, so a 401 of a deprecated operation says so too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
@ConditionalOnWebApplication(
        type = ConditionalOnWebApplication.Type.SERVLET) // the command line has no use for the spec
class DeprecationHeaders extends OncePerRequestFilter {

    static final String DEPRECATION = "Deprecation";
    static final String SUNSET = "Sunset";

    private static final ZoneId POLICY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<String> METHODS =
            List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** An operation of the spec: method, path template as a pattern, and the headers it answers with (none if current). */
    record Operation(String method, PathPattern path, HttpHeaders headers) {

        boolean deprecated() {
            return !headers.isEmpty();
        }
    }

    /** Every operation, most specific path first, so {@code /a/b} is not taken for a deprecated {@code /a/{x}}. */
    private final List<Operation> operations;

    private final boolean anyDeprecated;

    DeprecationHeaders(
            @Value("${renovation.api.spec-location:classpath:static/openapi/renovation-api.yaml}") Resource spec)
            throws IOException {
        this.operations = read(spec);
        this.anyDeprecated = operations.stream().anyMatch(Operation::deprecated);
    }

    List<Operation> deprecated() {
        return operations.stream().filter(Operation::deprecated).toList();
    }

    static List<Operation> read(Resource spec) throws IOException {
        JsonNode root;
        try (InputStream in = spec.getInputStream()) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        List<Operation> found = new ArrayList<>();
        PathPatternParser parser = PathPatternParser.defaultInstance;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String name = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                boolean deprecated = operation.path("deprecated").asBoolean(false);
                JsonNode since = operation.get("x-deprecated-since");
                if (deprecated && since == null) {
                    throw new IllegalStateException(
                            spec.getDescription() + ": " + name + " is deprecated but has no x-deprecated-since date");
                }
                if (!deprecated
                        && (since != null || operation.has("x-sunset") || operation.has("x-deprecation-link"))) {
                    throw new IllegalStateException(spec.getDescription() + ": " + name
                            + " has deprecation dates but is not marked deprecated: true");
                }
                found.add(new Operation(
                        method.toUpperCase(Locale.ROOT),
                        parser.parse(path.getKey()),
                        deprecated ? headers(spec, name, operation) : HttpHeaders.EMPTY));
            }
        }
        found.sort(Comparator.comparing(Operation::path, PathPattern.SPECIFICITY_COMPARATOR));
        return List.copyOf(found);
    }

    private static HttpHeaders headers(Resource spec, String name, JsonNode operation) {
        HttpHeaders headers = new HttpHeaders();
        LocalDate since = date(spec, name, operation, "x-deprecated-since");
        headers.set(DEPRECATION, "@" + since.atStartOfDay(POLICY_ZONE).toEpochSecond());
        if (operation.has("x-sunset")) {
            LocalDate sunset = date(spec, name, operation, "x-sunset");
            if (!sunset.isAfter(since)) {
                throw new IllegalStateException(spec.getDescription() + ": " + name + " has x-sunset " + sunset
                        + " not after x-deprecated-since " + since);
            }
            headers.setZonedDateTime(SUNSET, sunset.atStartOfDay(POLICY_ZONE));
        }
        if (operation.has("x-deprecation-link")) {
            URI link = URI.create(operation.get("x-deprecation-link").asText());
            if (!link.isAbsolute()) {
                throw new IllegalStateException(
                        spec.getDescription() + ": " + name + " has a relative x-deprecation-link");
            }
            headers.set(HttpHeaders.LINK, "<" + link + ">; rel=\"deprecation\"");
        }
        return headers;
    }

    private static LocalDate date(Resource spec, String name, JsonNode operation, String field) {
        String text = operation.get(field).asText();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    spec.getDescription() + ": " + name + " has " + field + " '" + text
                            + "', not an ISO date (yyyy-mm-dd)",
                    e);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !anyDeprecated;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication();
        for (Operation operation : operations) {
            if (operation.method().equals(request.getMethod())
                    && operation.path().matches(path)) {
                operation
                        .headers()
                        .forEach((header, values) -> values.forEach(value -> response.addHeader(header, value)));
                break;
            }
        }
        chain.doFilter(request, response);
    }
}
