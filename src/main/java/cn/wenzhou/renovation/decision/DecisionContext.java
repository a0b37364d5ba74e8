package cn.wenzhou.renovation.decision;

import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * Which ruleset decided a request: set once, where the request takes its ruleset, and read by the
 * request log, the metrics and the receipt, so all three name the version that actually answered.
 * A request that took no ruleset (an admin call, a body refused before the decision) has none.
 *
 * @param jurisdiction the jurisdiction asked for, or {@link #UNKNOWN} for a code the service does not
 *        know (a metric tag must not take whatever a caller types)
 * @param rulesetVersion the content hash of the ruleset that decided; null when none could
 * @param versionNumber its number among the jurisdiction's kept versions; null when not kept
 */
public record DecisionContext(String jurisdiction, String rulesetVersion, Integer versionNumber) {

    public static final String UNKNOWN = "other";

    private static final String ATTRIBUTE = DecisionContext.class.getName();

    public static Optional<DecisionContext> of(ServletRequest request) {
        return Optional.ofNullable((DecisionContext) request.getAttribute(ATTRIBUTE));
    }

    void attachTo(ServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    /** Whether a ruleset was taken, so the answer can be labelled and replayed. */
    public boolean decided() {
        return rulesetVersion != null;
    }
}
