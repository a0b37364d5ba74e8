package cn.wenzhou.renovation.ruleset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * A ruleset as a value: one jurisdiction's compiled KieBases (one per {@link Capability}), the
 * content hash of the files they were compiled from, and the clause each rule cites. Built once,
 * then shared by every request.
 */
public final class CompiledRuleset {

    private static final int INITIAL_SESSIONS_PER_CAPABILITY = 2;

    private final String jurisdiction;
    private final String version;
    private final Map<Capability, KieBase> kieBases;
    private final Map<Capability, KieSessionsPool> sessionPools = new EnumMap<>(Capability.class);
    private final Map<Capability, Parameters> parameters;
    private final List<RulesetDefect> defects;
    private final Map<String, RuleClause> clauses;
    private final Map<String, RuleOrigin> origins;
    private final List<String> files;
    private final Map<Class<?>, Object> derivedValues = new ConcurrentHashMap<>();

    /**
     * Runs each capability once with no facts, as the compiler's dry run: its parameter rows fire (a
     * cell that cannot be read throws here, before any request) and its integrity rules judge them.
     * What the parameter rows concluded is kept, so a request starts from it instead of firing them again.
     */
    CompiledRuleset(String jurisdiction, String version, Map<Capability, KieBase> kieBases,
            Map<String, RuleClause> clauses, Map<String, RuleOrigin> origins, List<String> files) {
        this.jurisdiction = jurisdiction;
        this.version = version;
        this.kieBases = java.util.Collections.unmodifiableMap(new EnumMap<>(kieBases));
        this.clauses = Map.copyOf(clauses);
        this.origins = Map.copyOf(origins);
        this.files = List.copyOf(files);
        Map<Capability, Parameters> concluded = new EnumMap<>(Capability.class);
        List<RulesetDefect> found = new ArrayList<>();
        kieBases.forEach((capability, kieBase) -> {
            DryRun run = DryRun.of(kieBase);
            concluded.put(capability, run.parameters());
            found.addAll(run.defects());
            // A pooled session is reset and reused rather than built anew: its node memories are most of
            // the cost of a small evaluation. The pool grows with the number of concurrent requests.
            sessionPools.put(capability, kieBase.newKieSessionsPool(INITIAL_SESSIONS_PER_CAPABILITY));
        });
        this.parameters = java.util.Collections.unmodifiableMap(concluded);
        this.defects = List.copyOf(found);
    }

    /**
     * Inserts the facts into a working memory of one capability's rules, next to the parameters its
     * tables concluded, fires the rules, and returns all facts in working memory afterwards.
     */
    public Evaluation evaluate(Capability capability, Collection<?> facts) {
        return evaluate(capability, facts, null);
    }

    /**
     * As {@link #evaluate(Capability, Collection)}, with one agenda group focused first: rules kept out
     * of every request (the item catalogue) fire only when asked for.
     */
    public Evaluation evaluate(Capability capability, Collection<?> facts, String agendaGroup) {
        Parameters given = parameters.get(capability);
        KieSession session = sessionPools.get(capability).newKieSession();
        try {
            given.facts().forEach(session::insert);
            facts.forEach(session::insert);
            if (agendaGroup != null) {
                session.getAgenda().getAgendaGroup(agendaGroup).setFocus();
            }
            session.fireAllRules(given.notFiredAgain());
            return new Evaluation(new ArrayList<>(session.getObjects()));
        } finally {
            session.dispose(); // back to the pool, reset
        }
    }

    /** What the integrity rules found wrong with the parameters when the ruleset was built; empty for a good one. */
    public List<RulesetDefect> defects() {
        return defects;
    }

    /** The facts one capability's parameter rows concluded, the same for every request. */
    public List<Object> parameters(Capability capability) {
        return parameters.get(capability).facts();
    }

    /**
     * A value derived from this ruleset alone (the catalogue, say), computed once and kept with it:
     * when the ruleset is replaced, so is everything derived from it.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> type, Function<CompiledRuleset, T> derivation) {
        return (T) derivedValues.computeIfAbsent(type, t -> derivation.apply(this));
    }

    /**
     * What a capability's condition-free rules (its tables' parameter rows: a cut-off year, a vote
     * threshold, a step's materials) insert. They depend on no request, so they fire once per ruleset;
     * a request gets their facts and an agenda filter that keeps those rules from firing again.
     */
    private record Parameters(Set<String> ruleNames, List<Object> facts) {

        AgendaFilter notFiredAgain() {
            return match -> !ruleNames.contains(match.getRule().getName());
        }
    }

    /** One evaluation with no facts, watching which condition-free rules fire and what they insert. */
    private record DryRun(Parameters parameters, List<RulesetDefect> defects) {

        static DryRun of(KieBase kieBase) {
            Set<String> ruleNames = new HashSet<>();
            List<Object> facts = new ArrayList<>();
            KieSession session = kieBase.newKieSession();
            try {
                session.addEventListener(new DefaultRuleRuntimeEventListener() {
                    @Override
                    public void objectInserted(ObjectInsertedEvent event) {
                        if (event.getRule() instanceof RuleImpl rule && rule.getLhs().getChildren().isEmpty()) {
                            ruleNames.add(rule.getName());
                            facts.add(event.getObject());
                        }
                    }
                });
                session.fireAllRules();
                List<RulesetDefect> defects = session.getObjects(RulesetDefect.class::isInstance).stream()
                        .map(RulesetDefect.class::cast).toList();
                facts.removeIf(RulesetDefect.class::isInstance);
                return new DryRun(new Parameters(Set.copyOf(ruleNames), List.copyOf(facts)), defects);
            } finally {
                session.dispose();
            }
        }
    }

    public Optional<RuleClause> clauseOf(String ruleId) {
        return Optional.ofNullable(clauses.get(ruleId));
    }

    /** The file (and for a table row, sheet and cell) a rule was written in; the ruleset itself if unknown. */
    public RuleOrigin originOf(String ruleId) {
        return origins.getOrDefault(ruleId, new RuleOrigin("(ruleset " + jurisdiction + ")", null, null));
    }

    public String jurisdiction() {
        return jurisdiction;
    }

    /** Content hash of the rule files: the same files give the same version on every machine. */
    public String version() {
        return version;
    }

    /** One KieBase per capability; a capability without rule files has an empty one. */
    public Map<Capability, KieBase> kieBases() {
        return kieBases;
    }

    public KieBase kieBase(Capability capability) {
        return kieBases.get(capability);
    }

    /** Every rule of every capability. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (KieBase kieBase : kieBases.values()) {
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                rules.addAll(kiePackage.getRules());
            }
        }
        return rules;
    }

    public Map<String, RuleClause> clauses() {
        return clauses;
    }

    public List<String> files() {
        return files;
    }

    /** What the working memory held after the rules fired. */
    public record Evaluation(List<Object> objects) {

        public <T> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /**
         * The one fact of a type the rules must conclude exactly once (a decision, a parameter).
         * Anything else is a defect of the ruleset, not of the request.
         */
        public <T> T single(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new IllegalStateException("The rules concluded " + found.size() + " " + type.getSimpleName()
                        + " facts instead of exactly one: " + found);
            }
            return found.get(0);
        }
    }
}
