package cn.wenzhou.renovation.ruleset.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A ruleset that cannot be used, with every problem found in it. */
public class RulesetCompilationException extends RuntimeException {

    private final String jurisdiction;
    private final List<RuleProblem> problems;

    public RulesetCompilationException(String jurisdiction, List<RuleProblem> problems) {
        super("Ruleset '" + jurisdiction + "' has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.jurisdiction = jurisdiction;
        this.problems = List.copyOf(problems);
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
