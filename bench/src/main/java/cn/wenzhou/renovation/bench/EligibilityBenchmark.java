package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.EligibilityOutcome;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.testing.Communities;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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

    private CompiledRuleset ruleset;
    private Community builtIn1995;
    private Community builtIn2008WithDeficiencies;

    @Setup
    public void compileTheRepositoryRules() {
        ruleset = RepositoryRuleset.compile();
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
}
