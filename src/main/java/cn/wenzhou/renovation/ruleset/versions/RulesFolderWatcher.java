package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Activates valid edits of the rule folders on disk ({@code renovation.watch-rules-folder=true}; off by
 * default, since in production changes go through validation by a publisher). Every
 * {@code renovation.watch-interval} it reads each jurisdiction's files; a changed set that reads the
 * same on two polls in a row (the editor has finished saving) is validated and activated as a new
 * version by "文件夹监视". One that fails validation is logged with its findings, once, and not served.
 * A county folder added while running is served after a restart.
 *
 * <p>Always a bean, scheduled only when switched on: the launcher runs Spring's ahead-of-time bean definitions,
 * where a condition on a property would be decided once by the build, not by the running service's settings.
 */
@Component
class RulesFolderWatcher implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);
    static final String WATCHER = "文件夹监视 (folder watch)";

    private final RulesetRegistry registry;
    private final String rulesDir;
    private final String decisionTablesDir;
    /** Per jurisdiction: the hash seen at the last poll, and the last one acted on (activated or refused). */
    private final Map<String, String> seen = new HashMap<>();

    private final Map<String, String> handled = new HashMap<>();

    /** Null when the watch is off. */
    private final Duration interval;

    /** Rules read from inside the jar: nothing on disk to watch. */
    private final boolean onClasspath;

    @Autowired
    public RulesFolderWatcher(
            RulesetRegistry registry,
            RulesetProperties properties,
            @Value("${renovation.watch-rules-folder:false}") boolean watching,
            @Value("${renovation.watch-interval:2s}") Duration interval) {
        this(registry, properties.rulesDir(), properties.decisionTablesDir(), watching ? interval : null);
    }

    RulesFolderWatcher(RulesetRegistry registry, String rulesDir, String decisionTablesDir) {
        this(registry, rulesDir, decisionTablesDir, null);
    }

    private RulesFolderWatcher(RulesetRegistry registry, String rulesDir, String decisionTablesDir, Duration interval) {
        this.registry = registry;
        this.rulesDir = rulesDir;
        this.decisionTablesDir = decisionTablesDir;
        this.interval = interval;
        this.onClasspath = rulesDir.startsWith("classpath:") || decisionTablesDir.startsWith("classpath:");
        if (interval != null && onClasspath) {
            log.warn(
                    "renovation.watch-rules-folder is on, but the rules are read from the classpath: nothing to watch. "
                            + "Point renovation.rules-dir and renovation.decision-tables-dir at folders on disk.");
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        if (interval != null) {
            tasks.addFixedDelayTask(new FixedDelayTask(this::poll, interval, interval));
        }
    }

    public synchronized void poll() {
        if (onClasspath) {
            return;
        }
        Map<String, List<RuleFile>> onDisk;
        try {
            onDisk = RulesetSources.ownFiles(rulesDir, decisionTablesDir);
        } catch (RuntimeException unreadable) {
            log.warn("The rule folders cannot be read now (an edit in progress?): {}", unreadable.getMessage());
            return;
        }
        onDisk.forEach(this::consider);
    }

    private void consider(String code, List<RuleFile> files) {
        String hash = RulesetFiles.contentHash(files);
        String previous = seen.put(code, hash);
        List<RuleFile> served;
        try {
            served = registry.ownFiles(code);
        } catch (UnknownJurisdictionException added) {
            if (!hash.equals(previous)) {
                log.warn("A new county folder '{}' appeared; it is served after a restart", code);
            }
            return;
        }
        boolean settled = hash.equals(previous);
        if (!settled || hash.equals(handled.get(code)) || hash.equals(RulesetFiles.contentHash(served))) {
            return;
        }
        handled.put(code, hash);
        RulesetRegistry.Activation activation =
                registry.activateFiles(code, files, WATCHER, "规则文件夹中的修改 (edited in the rules folder)", true);
        activation
                .candidate()
                .scenarioChanges()
                .forEach(row -> log.warn("Folder watch: the edit of {} changes a Test Scenario result: {}", code, row));
        if (activation.activated()) {
            log.info(
                    "Folder watch activated {} version {}",
                    code,
                    activation.version().orElseThrow().number());
        } else {
            log.error(
                    "Folder watch: the edit of {} does not validate and is not served:\n{}",
                    code,
                    activation.candidate().validations().values().stream()
                            .filter(v -> !v.valid())
                            .map(v -> v.failure().getMessage())
                            .reduce((a, b) -> a + "\n" + b)
                            .orElse("(refused)"));
        }
    }
}
