package cn.wenzhou.renovation.ruleset.versions;

/** What startup does when the active version of a jurisdiction is missing or unreadable ({@code renovation.on-missing-active-version}). */
enum OnMissingActiveVersion {
    /** Stop, naming the file (the default): serving other rules under the same name would be silent. */
    FAIL,
    /** Serve the rules deployed with the service, kept as a new version and audited as a RECOVERY. */
    SERVE_DEPLOYED
}
