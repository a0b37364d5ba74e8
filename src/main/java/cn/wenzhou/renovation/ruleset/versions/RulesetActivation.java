package cn.wenzhou.renovation.ruleset.versions;

import java.time.Instant;

/** One change of a jurisdiction's active version, for the audit: which version, when, by whom, and how. */
public record RulesetActivation(String jurisdiction, int version, Instant at, String by, Kind kind) {

    public enum Kind {
        /** The rules deployed with the service. */
        DEPLOYMENT,
        /** A new version activated by a publisher. */
        ACTIVATION,
        /** A kept version made active again. */
        ROLLBACK,
        /**
         * Recorded at startup: the active pointer named a version the audit did not (a crash between the two
         * writes of an older release), or the active version was unavailable and the deployed rules were served.
         */
        RECOVERY
    }
}
