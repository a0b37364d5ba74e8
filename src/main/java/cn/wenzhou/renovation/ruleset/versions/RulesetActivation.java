package cn.wenzhou.renovation.ruleset.versions;

import java.time.Instant;

/**
 * One change of what a jurisdiction serves, for the audit: which of its versions, when, by whom, and how; for
 * a county whose own version stayed while the Wenzhou base changed under it, the base version it now serves;
 * and the ruleset its answers name from then on (their {@code rulesetVersion}: for a county, its own files
 * over the base), so a receipt's ruleset is found in the audit. Records written before it was kept have none.
 */
public record RulesetActivation(
        String jurisdiction,
        int version,
        Instant at,
        String by,
        Kind kind,
        Integer baseVersion,
        String rulesetVersion) {

    /** A change of something served without a ruleset of its own (the holiday calendar). */
    public RulesetActivation(String jurisdiction, int version, Instant at, String by, Kind kind) {
        this(jurisdiction, version, at, by, kind, null, null);
    }

    /** A jurisdiction's own version made active, serving the given ruleset. */
    public static RulesetActivation serving(
            String jurisdiction, int version, String by, Kind kind, String rulesetVersion) {
        return new RulesetActivation(jurisdiction, version, Instant.now(), by, kind, null, rulesetVersion);
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
