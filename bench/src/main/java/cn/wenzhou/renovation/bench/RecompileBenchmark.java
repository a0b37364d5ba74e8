package cn.wenzhou.renovation.bench;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import java.nio.charset.StandardCharsets;
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

/**
 * The main part of activating an edited jurisdiction: compiling its changed files into a ruleset (translating the
 * spreadsheets, building the capability KieBases, the dry run). Each call changes one comment, so the compiler's
 * cache of recently compiled versions never answers. Single shots in a warm JVM, as a running service compiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RecompileBenchmark {

    private List<RuleFile> repositoryFiles;
    private int edit;

    @Setup
    public void readTheRepositoryRules() {
        RuleSourceLoader loader = new RuleSourceLoader();
        repositoryFiles = new ArrayList<>(loader.load("rules", "rules"));
        repositoryFiles.addAll(loader.load("decision-tables", "decision-tables"));
    }

    @Benchmark
    public CompiledRuleset compileTheBaseWithOneFileEdited() {
        List<RuleFile> edited = new ArrayList<>();
        for (RuleFile file : repositoryFiles) {
            edited.add(
                    file.path().equals("rules/eligibility/decision.drl")
                            ? new RuleFile(
                                    file.path(),
                                    (new String(file.content(), StandardCharsets.UTF_8) + "\n// edit " + edit++)
                                            .getBytes(StandardCharsets.UTF_8))
                            : file);
        }
        return new RulesetCompiler().compile("wenzhou", edited);
    }
}
