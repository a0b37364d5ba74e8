package cn.wenzhou.renovation.cli;

import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.authoring.ValidatedByTheBuild;
import cn.wenzhou.renovation.ruleset.engine.BuildFingerprint;
import cn.wenzhou.renovation.ruleset.engine.PrebuiltModules;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * A step of the build (process-classes, so the tests and the jar have it): compiles every jurisdiction of the
 * packaged rules as Drools' executable model, exactly as the service compiles them, keeps each module under
 * {@link PrebuiltModules#FOLDER} in the classes folder, then validates each with every check the service runs and
 * keeps a record of each that passed ({@link ValidatedByTheBuild}). A jurisdiction that does not compile fails the
 * build with its findings; one the checks refuse gets no record (the service then refuses it, as before). Arguments:
 * the rules folder, the decision-tables folder, the classes folder.
 */
public final class PrebuildPackagedRules {

    private PrebuildPackagedRules() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException(
                    "usage: PrebuildPackagedRules <rules dir> <decision-tables dir> <classes dir>");
        }
        Path classes = Path.of(args[2]);
        Path modules = classes.resolve(PrebuiltModules.FOLDER);
        List<RulesetSources> jurisdictions = RulesetSources.load(args[0], args[1]);
        String inputs = inputsOf(jurisdictions, classes);
        Path builtFrom = modules.resolve(BUILT_FROM);
        if (Files.isRegularFile(builtFrom) && Files.readString(builtFrom).equals(inputs)) {
            System.out.println("Prebuilt rules are up to date");
            System.exit(0); // the same rules, classes and Drools as the last build: nothing to do
        }
        FileSystemUtils.deleteRecursively(modules); // another content's modules would only make the jar larger
        RulesetCompiler compiler = new RulesetCompiler(PrebuiltModules.buildingInto(modules));
        RulesetValidator validator = new RulesetValidator(ValidateRulesCommand.checks());
        for (RulesetSources sources : jurisdictions) {
            String code = sources.jurisdiction().code();
            try {
                if (sources.problems().isEmpty()) {
                    compiler.compile(code, sources.files());
                }
            } catch (RulesetCompilationException e) {
                // For the developer whose build this stops: the engine's own words too.
                e.problems()
                        .forEach(p -> System.err.println(
                                p + (p.technicalDetail() == null ? "" : "\n    " + p.technicalDetail())));
                throw e;
            }
            RulesetValidation validation = validator.validate(sources); // the compile above is reused
            if (validation.valid()) {
                ValidatedByTheBuild.record(validation.ruleset(), classes);
                System.out.printf(
                        "Prebuilt and validated %s (version %s)%n",
                        code, validation.ruleset().version());
            } else {
                System.out.printf("Prebuilt %s, which the checks refuse (the service will too):%n", code);
                validation.findings().forEach(f -> System.out.println("  " + f));
            }
        }
        Files.writeString(modules.resolve(PrebuiltModules.MADE_WITH), BuildFingerprint.of(classes));
        Files.writeString(builtFrom, inputs);
        System.exit(0); // Drools may leave non-daemon threads behind
    }

    /** What the last build's output was made from, kept beside it so that a build with nothing new skips the step. */
    private static final String BUILT_FROM = "built-from";

    private static String inputsOf(List<RulesetSources> jurisdictions, Path classes) {
        StringBuilder inputs = new StringBuilder();
        jurisdictions.forEach(sources -> inputs.append(sources.jurisdiction().code())
                .append(' ')
                .append(sources.version())
                .append('\n'));
        return inputs.append(BuildFingerprint.of(classes)).toString();
    }
}
