package cn.wenzhou.renovation.ruleset;

import java.util.LinkedHashMap;
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
    private final Map<String, RulesetSources> sources;
    private final String defaultJurisdiction;

    public RulesetRegistry(RulesetProperties properties, List<RulesetCheck> checks) {
        RulesetCompiler compiler = new RulesetCompiler();
        Map<String, CompiledRuleset> compiled = new LinkedHashMap<>();
        Map<String, RulesetSources> bySource = new LinkedHashMap<>();
        for (RulesetSources jurisdiction : RulesetSources.load(properties.rulesDir(), properties.decisionTablesDir())) {
            String code = jurisdiction.jurisdiction().code();
            CompiledRuleset ruleset = compiler.compile(code, jurisdiction.files());
            List<RuleProblem> problems = checks.stream().flatMap(c -> c.check(ruleset).stream()).toList();
            if (!problems.isEmpty()) {
                throw new RulesetCompilationException(code, problems);
            }
            compiled.put(code, ruleset);
            bySource.put(code, jurisdiction);
        }
        this.defaultJurisdiction = properties.jurisdiction();
        this.sources = Map.copyOf(bySource);
        this.active = new AtomicReference<>(java.util.Collections.unmodifiableMap(compiled));
        active(defaultJurisdiction);
    }

    /** Every jurisdiction served, the base first, with the files each compiled from. */
    public List<RulesetSources> jurisdictions() {
        return active.get().keySet().stream().map(sources::get).toList();
    }

    /** The ruleset currently serving the given jurisdiction. */
    public CompiledRuleset active(String jurisdiction) {
        CompiledRuleset ruleset = active.get().get(jurisdiction);
        if (ruleset == null) {
            throw new UnknownJurisdictionException(jurisdiction);
        }
        return ruleset;
    }

    /** The ruleset a request asked for with {@code ?jurisdiction=}, or the default when it named none. */
    public CompiledRuleset forRequest(String jurisdiction) {
        return jurisdiction == null ? defaultRuleset() : active(jurisdiction);
    }

    public CompiledRuleset defaultRuleset() {
        return active(defaultJurisdiction);
    }
}
