package cn.wenzhou.renovation.ruleset;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one jurisdiction's files and runs every {@link RulesetCheck} on the result, collecting
 * every problem instead of stopping at the first: the same validation for startup, the
 * {@code validate} command and the tests.
 */
public final class RulesetValidator {

    private final RulesetCompiler compiler = new RulesetCompiler();
    private final List<RulesetCheck> checks;

    public RulesetValidator(List<RulesetCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    public RulesetValidation validate(RulesetSources sources) {
        if (!sources.problems().isEmpty()) {
            return new RulesetValidation(sources, null, sources.problems(), List.of());
        }
        CompiledRuleset ruleset;
        try {
            ruleset = compiler.compile(sources.jurisdiction().code(), sources.files());
        } catch (RulesetCompilationException e) {
            return new RulesetValidation(sources, null, e.problems(), List.of());
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> violations = new ArrayList<>();
        for (RulesetCheck check : checks) {
            (check.statutory() ? violations : problems).addAll(check.check(ruleset));
        }
        return new RulesetValidation(sources, ruleset, problems, violations);
    }
}
