package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.EligibilityDecision;
import cn.wenzhou.renovation.eligibility.EligibilityOutcome;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.eligibility.Finding;
import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.testing.Communities;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One eligibility decision in process, on the compiled Wenzhou KieBase the service serves: facts in,
 * rules fired, the outcome with its reasons out. Throughput per thread; run with {@code -prof gc} for
 * the allocation per decision.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EligibilityBenchmark {

    private static final Capability ELIGIBILITY = Capability.of(EligibilityService.class);

    /**
     * How the rules were compiled: {@code prebuilt}, the executable model the build made (what the service serves from
     * its packaged rules), or {@code drl}, an upload of the same files compiled from DRL.
     */
    @Param({"prebuilt", "drl"})
    public String model;

    private CompiledRuleset ruleset;
    private Community builtIn1995;
    private Community builtIn2008WithDeficiencies;

    @Setup
    public void compileTheRepositoryRules() {
        ruleset = model.equals("drl") ? RepositoryRuleset.compileAsUpload() : RepositoryRuleset.compile();
        if (ruleset.builtAhead() != model.equals("prebuilt")) {
            throw new IllegalStateException("Not the " + model + " rules: build with mvn -Pbench test-compile first");
        }
        builtIn1995 = Communities.ordinary(1995, false, LocalDate.of(2026, 3, 1));
        builtIn2008WithDeficiencies = Communities.ordinary(2008, true, LocalDate.of(2026, 3, 1));
    }

    @Benchmark
    public EligibilityOutcome priorityCommunityBuiltIn1995() {
        return EligibilityService.decide(ruleset, builtIn1995);
    }

    @Benchmark
    public EligibilityOutcome communityBuiltIn2008WithAllThreeDeficiencies() {
        return EligibilityService.decide(ruleset, builtIn2008WithDeficiencies);
    }

    /**
     * The baseline for reading the answer through named queries, in the same run: the same rules fired and
     * the same outcome built, read by sweeping every fact left in working memory (as decisions did before).
     */
    @Benchmark
    public EligibilityOutcome sweepingWorkingMemoryBuiltIn1995() {
        CompiledRuleset.Evaluation evaluation = ruleset.evaluate(ELIGIBILITY, List.of(builtIn1995));
        return new EligibilityOutcome(
                ruleset,
                builtIn1995.getEvaluationDate(),
                evaluation.single(EligibilityDecision.class),
                evaluation.all(Finding.class).stream()
                        .sorted(Comparator.comparing(Finding::effect).thenComparing(Finding::ruleId))
                        .toList());
    }
}
