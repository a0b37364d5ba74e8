package cn.wenzhou.renovation.ruleset.versions;

import java.time.Instant;

/**
 * One activated ruleset of a jurisdiction, kept so it can be read back or rolled back to: its number
 * (1 is the rules the service was deployed with), the content hash of the jurisdiction's own files,
 * when and by whom it was activated, and why.
 */
public record RulesetVersion(
        String jurisdiction, int number, String contentHash, Instant activatedAt, String activatedBy, String comment) {}
