package cn.wenzhou.renovation.receipt;

import java.time.Instant;
import java.util.UUID;

/**
 * One kept decision: the endpoint asked, the jurisdiction and ruleset version that answered, the
 * request as JSON with personal data masked, and the response as JSON.
 */
record Receipt(
        UUID id,
        Instant createdAt,
        String endpoint,
        String jurisdiction,
        String rulesetVersion,
        Integer versionNumber,
        String request,
        String response) {}
