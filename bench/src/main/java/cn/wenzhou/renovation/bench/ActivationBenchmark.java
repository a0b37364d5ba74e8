package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Activating an edited base in a running service, as the console's activate does: validation (the base and every
 * county over it compiled, the table checks, the statutory guard, the Test Scenarios), keeping the version, and the
 * swap. Each shot edits one comment, so nothing is served from the caches of recently compiled versions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ActivationBenchmark {

    private static final String EDITED_FILE = "rules/eligibility/decision.drl";

    private ConfigurableApplicationContext service;
    private RulesetRegistry registry;
    private String original;
    private int edit;

    @Setup(Level.Trial)
    public void startTheServiceWithoutAWebServer() throws Exception {
        service = ServiceWithoutWebServer.start();
        registry = service.getBean(RulesetRegistry.class);
        original = Files.readString(Path.of(EDITED_FILE));
    }

    @TearDown(Level.Trial)
    public void stop() {
        service.close();
    }

    @Benchmark
    public RulesetRegistry.Activation activateTheBaseWithOneFileEdited() {
        RuleFile edited =
                new RuleFile(EDITED_FILE, (original + "\n// edit " + edit++).getBytes(StandardCharsets.UTF_8));
        RulesetRegistry.Activation activation = registry.activate("wenzhou", List.of(edited), "bench", "benchmark");
        if (!activation.activated()) {
            throw new IllegalStateException("The edit was not activated: " + activation.candidate());
        }
        return activation;
    }
}
