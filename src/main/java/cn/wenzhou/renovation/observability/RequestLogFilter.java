package cn.wenzhou.renovation.observability;

import cn.wenzhou.renovation.decision.DecisionContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One line per API request on the logger {@code renovation.requests}: method, endpoint (the route, not
 * the path a caller typed), the jurisdiction and ruleset version that decided it (its
 * {@link DecisionContext}; "-" for a request that took none), status, outcome and latency,
 * as key=value text and as key-value pairs for a structured format
 * ({@code logging.structured.format.console=ecs}). Never a body, a query string or a header: what
 * residents' data a request carries stays out of the log. Written by a worker thread
 * (logback-spring.xml), which drops no line while the service runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("renovation.requests");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (log.isInfoEnabled()) {
                logRequest(request, response, System.nanoTime() - started);
            }
        }
    }

    private void logRequest(HttpServletRequest request, HttpServletResponse response, long nanos) {
        Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = route == null ? "(unmatched)" : route.toString();
        Optional<DecisionContext> decided = DecisionContext.of(request);
        String jurisdiction = decided.map(DecisionContext::jurisdiction).orElse("-");
        String rulesetVersion = decided.map(DecisionContext::rulesetVersion).orElse("-");
        int status = response.getStatus();
        String outcome = status < 400 ? "SUCCESS" : status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
        String latency = BigDecimal.valueOf(nanos / 1_000, 3).toPlainString(); // microseconds, shown as ms
        log.atInfo()
                .addKeyValue("method", request.getMethod())
                .addKeyValue("endpoint", endpoint)
                .addKeyValue("jurisdiction", jurisdiction)
                .addKeyValue("rulesetVersion", rulesetVersion)
                .addKeyValue("status", status)
                .addKeyValue("outcome", outcome)
                .addKeyValue("latencyMs", latency)
                .log(
                        "method={} endpoint={} jurisdiction={} rulesetVersion={} status={} outcome={} latencyMs={}",
                        request.getMethod(),
                        endpoint,
                        jurisdiction,
                        rulesetVersion,
                        status,
                        outcome,
                        latency);
    }
}
