package cn.wenzhou.renovation.ruleset.versions;

import java.time.Instant;

/**
 * One change of what a jurisdiction serves, for the audit: which of its versions, when, by whom, and how; for
 * a county whose own version stayed while the Wenzhou base changed under it, the base version it now serves.
 */
public record RulesetActivation(
        String jurisdiction, int version, Instant at, String by, Kind kind, Integer baseVersion) {

    public RulesetActivation(String jurisdiction, int version, Instant at, String by, Kind kind) {
        this(jurisdiction, version, at, by, kind, null);
    }

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
        RECOVERY,
        /** A county's own version unchanged; the Wenzhou base it is compiled over was activated or rolled back. */
        BASE_CHANGE
    }
}
