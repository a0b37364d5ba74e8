package cn.wenzhou.renovation.ruleset.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A step of the build ({@code mvn package}, before the jar is made): compiles every jurisdiction of the packaged
 * rules as Drools' executable model, exactly as the service compiles them, and keeps each module under
 * {@link PrebuiltModules#FOLDER} in the classes folder. A jurisdiction that does not compile fails the build with
 * its findings. Arguments: the rules folder, the decision-tables folder, the classes folder.
 */
public final class PrebuildPackagedRules {

    private PrebuildPackagedRules() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: PrebuildPackagedRules <rules dir> <decision-tables dir> <classes dir>");
        }
        Path into = Path.of(args[2]).resolve(PrebuiltModules.FOLDER);
        deleteEarlierModules(into); // another content's modules would only make the jar larger
        RulesetCompiler compiler = new RulesetCompiler(PrebuiltModules.buildingInto(into));
        for (RulesetSources sources : RulesetSources.load(args[0], args[1])) {
            if (!sources.problems().isEmpty()) {
                throw new RulesetCompilationException(sources.jurisdiction().code(), sources.problems());
            }
            CompiledRuleset ruleset;
            try {
                ruleset = compiler.compile(sources.jurisdiction().code(), sources.files());
            } catch (RulesetCompilationException e) {
                // For the developer whose build this stops: the engine's own words too.
                e.problems()
                        .forEach(p -> System.err.println(
                                p + (p.technicalDetail() == null ? "" : "\n    " + p.technicalDetail())));
                throw e;
            }
            System.out.printf(
                    "Prebuilt the executable model of %s (version %s) into %s%n",
                    ruleset.jurisdiction(), ruleset.version(), into);
        }
        System.exit(0); // Drools may leave non-daemon threads behind
    }

    private static void deleteEarlierModules(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> modules = Files.list(folder)) {
            for (Path module : modules.toList()) {
                Files.delete(module);
            }
        }
    }
}
