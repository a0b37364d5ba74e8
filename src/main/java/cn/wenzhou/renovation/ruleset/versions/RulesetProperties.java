package cn.wenzhou.renovation.ruleset.versions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service reads its rules. The defaults are the copies packaged in the jar; point
 * {@code renovation.rules-dir} and {@code renovation.decision-tables-dir} at folders on disk
 * (a plain path, {@code file:...} or {@code classpath:...}) to serve an external copy.
 * {@code renovation.data-dir} is where activated versions are kept across restarts (default
 * {@code ./data/rulesets}); empty keeps them in memory only.
 * {@code renovation.on-missing-active-version} ({@code fail}, the default, or {@code serve-deployed})
 * says what startup does when a jurisdiction's active version is missing or unreadable.
 */
@ConfigurationProperties("renovation")
public record RulesetProperties(
        @DefaultValue("classpath:rules") String rulesDir,
        @DefaultValue("classpath:decision-tables") String decisionTablesDir,
        @DefaultValue("wenzhou") String jurisdiction,
        String dataDir,
        @DefaultValue("fail") OnMissingActiveVersion onMissingActiveVersion) {

    @ConstructorBinding
    public RulesetProperties {
        onMissingActiveVersion = onMissingActiveVersion == null ? OnMissingActiveVersion.FAIL : onMissingActiveVersion;
    }

    /** Properties that stop startup when an active version is unavailable (the default). */
    public RulesetProperties(String rulesDir, String decisionTablesDir, String jurisdiction, String dataDir) {
        this(rulesDir, decisionTablesDir, jurisdiction, dataDir, OnMissingActiveVersion.FAIL);
    }

    /** The store the configured data folder names, or memory when none is configured. */
    public RulesetStore store() {
        return dataDir == null || dataDir.isBlank()
                ? RulesetStore.inMemory()
                : new FileRulesetStore(java.nio.file.Path.of(dataDir));
    }
}
