package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import java.util.List;
import java.util.stream.Stream;

/**
 * What validating one jurisdiction's files found: the compiled ruleset (absent when the files do not
 * compile), the problems that make it unusable, and, separately, where it goes below the law. Only a
 * ruleset with neither serves requests.
 */
public record RulesetValidation(
        RulesetSources sources,
        CompiledRuleset ruleset,
        List<RuleProblem> problems,
        List<RuleProblem> statutoryViolations) {

    public RulesetValidation {
        problems = List.copyOf(problems);
        statutoryViolations = List.copyOf(statutoryViolations);
    }

    public String jurisdiction() {
        return sources.jurisdiction().code();
    }

    public boolean valid() {
        return ruleset != null && problems.isEmpty() && statutoryViolations.isEmpty();
    }

    /** Every finding, violations of the law first. */
    public List<RuleProblem> findings() {
        return Stream.concat(statutoryViolations.stream(), problems.stream()).toList();
    }

    public RulesetCompilationException failure() {
        return new RulesetCompilationException(jurisdiction(), findings());
    }
}
