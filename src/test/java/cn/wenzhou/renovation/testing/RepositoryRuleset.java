package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
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
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(rules.toString(), "rules"));
        files.addAll(loader.load(decisionTables.toString(), "decision-tables"));
        return new RulesetCompiler().compile("wenzhou", files);
    }
}
