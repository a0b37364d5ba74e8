package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Compiles the repository's rules (or an edited copy of them) without Spring, as the service would. */
public final class RepositoryRuleset {

    private RepositoryRuleset() {}

    /** The rules and tables of this repository; Maven runs tests from the project directory. */
    public static CompiledRuleset compile() {
        return compile(Path.of("rules"), Path.of("decision-tables"));
    }

    public static CompiledRuleset compile(Path rules, Path decisionTables) {
        return new RulesetCompiler().compile("wenzhou", files(rules, decisionTables));
    }

    /** One jurisdiction's files as the jar packages them: the base, or a county over it. */
    public static RulesetSources packaged(String jurisdiction) {
        return RulesetSources.load("classpath:rules", "classpath:decision-tables").stream()
                .filter(sources -> sources.jurisdiction().code().equals(jurisdiction))
                .findFirst()
                .orElseThrow();
    }

    private static List<RuleFile> files(Path rules, Path decisionTables) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return files;
    }

    /**
     * The repository's rules compiled as an officer's upload of the same files is: from DRL, since every DRL file is
     * one comment line longer and so matches none of the modules the build prebuilt.
     */
    public static CompiledRuleset compileAsUpload() {
        return new RulesetCompiler()
                .compile("wenzhou", uploadedCopy(files(Path.of("rules"), Path.of("decision-tables"))));
    }

    /** The files as an upload of them: every DRL file one comment line longer, the rest as they are. */
    public static List<RuleFile> uploadedCopy(List<RuleFile> files) {
        List<RuleFile> copy = new ArrayList<>();
        for (RuleFile file : files) {
            copy.add(
                    file.isDrl()
                            ? new RuleFile(
                                    file.path(),
                                    (new String(file.content(), StandardCharsets.UTF_8) + "\n// uploaded\n")
                                            .getBytes(StandardCharsets.UTF_8))
                            : file);
        }
        return copy;
    }
}
