package cn.wenzhou.renovation.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.EligibilityOutcome;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.eligibility.HousingKind;
import cn.wenzhou.renovation.ruleset.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.RuleFile;
import cn.wenzhou.renovation.ruleset.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.RulesetCompiler;

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
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load("rules", "rules"));
        files.addAll(loader.load("decision-tables", "decision-tables"));
        ruleset = new RulesetCompiler().compile("wenzhou", files);
        builtIn1995 = community(1995, false);
        builtIn2008WithDeficiencies = community(2008, true);
    }

    private static Community community(int completionYear, boolean deficient) {
        Community community = new Community();
        community.setCompletionYear(completionYear);
        community.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        community.setListedInShantyRenovationPlan(false);
        community.setStrongRenovationWillingness(true);
        community.setFunctionsIncomplete(deficient);
        community.setFacilitiesIncomplete(deficient);
        community.setPropertyManagementInadequate(deficient);
        community.setEvaluationDate(LocalDate.of(2026, 3, 1));
        return community;
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
