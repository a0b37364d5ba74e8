package cn.wenzhou.renovation.ruleset;

import java.time.Instant;

/** One change of a jurisdiction's active version, for the audit: which version, when, by whom, and how. */
public record RulesetActivation(String jurisdiction, int version, Instant at, String by, Kind kind) {

    public enum Kind {
        /** The rules deployed with the service. */
        DEPLOYMENT,
        /** A new version activated by a publisher. */
        ACTIVATION,
        /** A kept version made active again. */
        ROLLBACK
    }
}
