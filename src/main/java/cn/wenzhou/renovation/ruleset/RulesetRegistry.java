package cn.wenzhou.renovation.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The active ruleset of each jurisdiction. Compiled once at startup, failing startup on any
 * problem; a request takes its ruleset once and uses only that one.
 */
@Component
public class RulesetRegistry {

    private final AtomicReference<Map<String, CompiledRuleset>> active;
    private final String defaultJurisdiction;

    public RulesetRegistry(RulesetProperties properties, List<RulesetCheck> checks) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> files = new ArrayList<>(loader.load(properties.rulesDir(), "rules"));
        files.addAll(loader.load(properties.decisionTablesDir(), "decision-tables"));
        CompiledRuleset base = new RulesetCompiler().compile(properties.jurisdiction(), files);
        List<RuleProblem> problems = checks.stream().flatMap(c -> c.check(base).stream()).toList();
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(base.jurisdiction(), problems);
        }
        this.defaultJurisdiction = properties.jurisdiction();
        this.active = new AtomicReference<>(Map.of(base.jurisdiction(), base));
    }

    /** The ruleset currently serving the given jurisdiction. */
    public CompiledRuleset active(String jurisdiction) {
        CompiledRuleset ruleset = active.get().get(jurisdiction);
        if (ruleset == null) {
            throw new UnknownJurisdictionException(jurisdiction);
        }
        return ruleset;
    }

    public CompiledRuleset defaultRuleset() {
        return active(defaultJurisdiction);
    }
}
