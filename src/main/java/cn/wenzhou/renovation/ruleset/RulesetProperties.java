package cn.wenzhou.renovation.ruleset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service reads its rules. The defaults are the copies packaged in the jar; point
 * {@code renovation.rules-dir} and {@code renovation.decision-tables-dir} at folders on disk
 * (a plain path, {@code file:...} or {@code classpath:...}) to serve an external copy.
 * {@code renovation.data-dir} is where activated versions are kept across restarts (default
 * {@code ./data/rulesets}); empty keeps them in memory only.
 */
@ConfigurationProperties("renovation")
public record RulesetProperties(
        @DefaultValue("classpath:rules") String rulesDir,
        @DefaultValue("classpath:decision-tables") String decisionTablesDir,
        @DefaultValue("wenzhou") String jurisdiction,
        String dataDir) {

    /** The store the configured data folder names, or memory when none is configured. */
    public RulesetStore store() {
        return dataDir == null || dataDir.isBlank() ? RulesetStore.inMemory()
                : new FileRulesetStore(java.nio.file.Path.of(dataDir));
    }
}
