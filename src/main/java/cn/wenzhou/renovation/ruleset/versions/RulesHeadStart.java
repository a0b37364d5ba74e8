package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.Environment;

/**
 * Starts compiling the deployed rule files as soon as the configuration is read, on a thread of its own,
 * while Spring builds the application context on the main thread: building the context uses one core,
 * compiling the rules is half of a start, and the machine has two. The registry compiles what it serves
 * when it starts ({@link RulesetRegistry#start()}); a compile of the same files already under way is joined
 * there, not repeated, and checked there like any other, so nothing is served earlier or less checked. A
 * registry compile that joins a failed one gets the same problems as if it had compiled itself. When the
 * active version is a kept one whose files differ from the deployed ones, the head start's work is not used
 * (and took the second core meanwhile). Only the server's start adds it (the
 * application's main method): tests and commands compile as before. {@code renovation.startup.head-start=false}
 * turns it off (for a side-by-side measurement, or a machine with one core). The build's ahead-of-time processing,
 * which runs the main method only to record the bean definitions, compiles nothing.
 */
public final class RulesHeadStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(RulesHeadStart.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)
                || !environment.getProperty("renovation.startup.head-start", Boolean.class, true)) {
            return;
        }
        String rulesDir = environment.getProperty("renovation.rules-dir", "classpath:rules");
        String tablesDir = environment.getProperty("renovation.decision-tables-dir", "classpath:decision-tables");
        Thread compiling = new Thread(() -> compile(rulesDir, tablesDir), "rules-head-start");
        compiling.setDaemon(true); // a command that never needs the rules does not wait for them
        compiling.start();
    }

    private static void compile(String rulesDir, String tablesDir) {
        try {
            RulesetCompiler compiler = new RulesetCompiler();
            for (RulesetSources sources : RulesetSources.load(rulesDir, tablesDir)) {
                if (sources.problems().isEmpty()) {
                    compiler.compile(sources.jurisdiction().code(), sources.files());
                }
            }
        } catch (RuntimeException notNow) {
            log.debug("The deployed rules' head start stopped; the registry compiles them itself", notNow);
        }
    }
}
