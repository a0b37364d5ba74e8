package cn.wenzhou.renovation.ruleset.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Wenzhou rules of a copy of the repository's folders (see {@code RuleFolderCopy}), loaded and compiled as startup does. */
final class CopiedRules {

    private CopiedRules() {}

    static List<RuleFile> load(Path root) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(root.resolve("rules").toString(), "rules"));
        files.addAll(loader.load(root.resolve("decision-tables").toString(), "decision-tables"));
        return files;
    }

    static CompiledRuleset compile(Path root) {
        return new RulesetCompiler().compile("wenzhou", load(root));
    }

    static RulesetCompilationException compileFailing(Path root) {
        List<RuleFile> files = load(root);
        RulesetCompilationException failure = catchThrowableOfType(
                RulesetCompilationException.class, () -> new RulesetCompiler().compile("wenzhou", files));
        assertThat(failure).as("compilation should fail").isNotNull();
        return failure;
    }
}
