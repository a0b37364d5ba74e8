package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.RulesetDefect;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseRows;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.BatchExecutionCommand;
import org.kie.api.command.KieCommands;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * A ruleset as a value: one jurisdiction's compiled KieBases (one per {@link Capability}), the
 * content hash of the files they were compiled from, and the clause each rule cites. Built once,
 * then shared by every request.
 *
 * <p>Each capability has two KieBases: the set-up rules (its parameter sheets and integrity rules),
 * run once here when the ruleset is built, and the decision rules, which are all a request runs,
 * starting from the facts the set-up concluded.
 */
public final class CompiledRuleset {

    private static final int INITIAL_SESSIONS_PER_CAPABILITY = 2;

    private final String jurisdiction;
    private final String version;
    private final String rulesFingerprint;
    private final List<CaseRows> cases;
    private final Map<Capability, KieBase> kieBases;
    private final Map<Capability, KieBase> setUpKieBases;
    private final Map<Capability, KieSessionsPool> sessionPools = new java.util.HashMap<>();

    /**
     * Pooled sessions are not registered with their KieBase, which Drools does by default: a KieBase is shared by
     * every ruleset with the same rules of a capability and outlives each of them, and its registry would keep every
     * pooled session of every ruleset ever built over it.
     */
    private final KieSessionConfiguration pooledSessions = unregisteredSessions();

    private final Map<Capability, List<Object>> parameters;
    private final List<RulesetDefect> defects;
    private final Map<String, RuleClause> clauses;
    private final Map<String, RuleOrigin> origins;
    private final List<String> files;
    private final Map<Class<?>, Object> derivedValues = new ConcurrentHashMap<>();
    private final boolean builtAhead;

    /**
     * Runs each capability's set-up rules once: its parameter rows fire (a cell that cannot be read
     * throws here, before any request) and its integrity rules judge them. What the parameter rows
     * concluded is kept, and every request starts from it.
     */
    CompiledRuleset(
            String jurisdiction,
            String version,
            String rulesFingerprint,
            Map<Capability, KieBase> kieBases,
            Map<Capability, KieBase> setUpKieBases,
            Map<String, RuleClause> clauses,
            Map<String, RuleOrigin> origins,
            List<String> files,
            List<CaseRows> cases,
            boolean builtAhead) {
        this.jurisdiction = jurisdiction;
        this.builtAhead = builtAhead;
        this.version = version;
        this.rulesFingerprint = rulesFingerprint;
        this.cases = List.copyOf(cases);
        this.kieBases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kieBases));
        this.setUpKieBases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setUpKieBases));
        this.clauses = Map.copyOf(clauses);
        this.origins = Map.copyOf(origins);
        this.files = List.copyOf(files);
        Map<Capability, List<Object>> concluded = new java.util.HashMap<>();
        List<RulesetDefect> found = new ArrayList<>();
        kieBases.forEach((capability, kieBase) -> {
            SetUp run = SetUp.of(setUpKieBases.get(capability));
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
     * Decides: inserts the facts into a working memory of one capability's rules, next to the parameters
     * its tables concluded, fires the rules, and reads the answer through the capability's named queries
     * ({@link RuleCapability#answers()}) while the memory is open.
     */
    public <T> T answer(Capability capability, Collection<?> facts, Function<Answers, T> read) {
        return answer(capability, facts, null, read);
    }

    /**
     * As {@link #answer(Capability, Collection, Function)}, with one agenda group focused first: rules
     * kept out of every request (the item catalogue) fire only when asked for.
     */
    public <T> T answer(Capability capability, Collection<?> facts, String agendaGroup, Function<Answers, T> read) {
        KieSession session = ofCapability(sessionPools, capability).newKieSession(pooledSessions);
        try {
            fire(session, capability, facts, agendaGroup);
            return read.apply(new Answers(capability, session));
        } finally {
            session.dispose(); // back to the pool, reset
        }
    }

    /**
     * Every fact in working memory after the rules fired, unread by any query: for tests and tools that
     * inspect a run (which rules fired, what they inserted). A decision reads its answer with
     * {@link #answer(Capability, Collection, Function)}.
     */
    public Evaluation evaluate(Capability capability, Collection<?> facts) {
        return evaluate(capability, facts, null);
    }

    /** As {@link #evaluate(Capability, Collection)}, with one agenda group focused first. */
    public Evaluation evaluate(Capability capability, Collection<?> facts, String agendaGroup) {
        KieSession session = ofCapability(sessionPools, capability).newKieSession(pooledSessions);
        try {
            fire(session, capability, facts, agendaGroup);
            return new Evaluation(new ArrayList<>(session.getObjects()));
        } finally {
            session.dispose();
        }
    }

    private static KieSessionConfiguration unregisteredSessions() {
        KieSessionConfiguration configuration = KieServices.get().newKieSessionConfiguration();
        configuration.setOption(KeepReferenceOption.NO);
        return configuration;
    }

    private void fire(KieSession session, Capability capability, Collection<?> facts, String agendaGroup) {
        parameters.get(capability).forEach(session::insert);
        facts.forEach(session::insert);
        if (agendaGroup != null) {
            session.getAgenda().getAgendaGroup(agendaGroup).setFocus();
        }
        session.fireAllRules();
    }

    /**
     * Whether its KieBases were loaded from the executable model the build compiled (the packaged rules, unedited)
     * rather than compiled from DRL here.
     */
    public boolean builtAhead() {
        return builtAhead;
    }

    /** What the integrity rules found wrong with the parameters when the ruleset was built; empty for a good one. */
    public List<RulesetDefect> defects() {
        return defects;
    }

    /** The facts one capability's parameter rows concluded, the same for every request. */
    public List<Object> parameters(Capability capability) {
        return ofCapability(parameters, capability);
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
     * A stateless session over a capability's decision rules that starts, as a request does, from the
     * parameters: what a Test Scenario runs, so a scenario checks exactly what a request would get.
     */
    public StatelessKieSession newStatelessSession(Capability capability) {
        StatelessKieSession session = ofCapability(kieBases, capability).newStatelessKieSession();
        List<Object> given = parameters.get(capability);
        KieCommands commands = KieServices.get().getCommands();
        return (StatelessKieSession) Proxy.newProxyInstance(
                StatelessKieSession.class.getClassLoader(),
                new Class<?>[] {StatelessKieSession.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute")
                            && args.length == 1
                            && args[0] instanceof BatchExecutionCommand batch) {
                        // One stateless run: the parameters go in first, then the caller's batch as it is.
                        return session.execute(
                                commands.newBatchExecution(List.of(commands.newInsertElements(given), batch)));
                    }
                    if (method.getName().equals("execute")) {
                        throw new UnsupportedOperationException("只支持批量命令 (batch commands only)");
                    }
                    return method.invoke(session, args);
                });
    }

    /** One run of the set-up rules with no facts: what the parameter rows concluded, and what integrity found wrong. */
    private record SetUp(List<Object> parameters, List<RulesetDefect> defects) {

        static SetUp of(KieBase setUpRules) {
            KieSession session = setUpRules.newKieSession();
            try {
                session.fireAllRules();
                List<Object> concluded = new ArrayList<>(session.getObjects());
                List<RulesetDefect> defects = concluded.stream()
                        .filter(RulesetDefect.class::isInstance)
                        .map(RulesetDefect.class::cast)
                        .toList();
                concluded.removeIf(RulesetDefect.class::isInstance);
                return new SetUp(List.copyOf(concluded), defects);
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

    /**
     * Whether both were built from the same rules: the same DRL, forms and templates, and tables whose
     * rows read the same. A workbook re-saved without a change has other bytes (another version) but
     * the same rules.
     */
    public boolean hasSameRulesAs(CompiledRuleset other) {
        return rulesFingerprint.equals(other.rulesFingerprint);
    }

    /** The decision rules: one KieBase per capability the rule files declare. */
    public Map<Capability, KieBase> kieBases() {
        return kieBases;
    }

    public KieBase kieBase(Capability capability) {
        return ofCapability(kieBases, capability);
    }

    /** The rules run once when the ruleset is built: the capability's parameter rows and integrity rules. */
    KieBase setUpKieBase(Capability capability) {
        return ofCapability(setUpKieBases, capability);
    }

    /** Every rule of every capability, set-up and decision alike (its answer queries are not rules). */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        for (KieBase kieBase : java.util.stream.Stream.concat(
                        setUpKieBases.values().stream(), kieBases.values().stream())
                .toList()) {
            for (KiePackage kiePackage : kieBase.getKiePackages()) {
                rules.addAll(rulesOf(kiePackage));
            }
        }
        return rules;
    }

    /**
     * A package's rules without its named queries, which Drools lists among them: a query answers, it
     * does not decide, and cites nothing.
     */
    static List<Rule> rulesOf(KiePackage kiePackage) {
        java.util.Set<String> queries = kiePackage.getQueries().stream()
                .map(org.kie.api.definition.rule.Query::getName)
                .collect(java.util.stream.Collectors.toSet());
        return kiePackage.getRules().stream()
                .filter(rule -> !queries.contains(rule.getName()))
                .toList();
    }

    public Map<String, RuleClause> clauses() {
        return clauses;
    }

    public List<String> files() {
        return files;
    }

    /** The golden cases that came with the rules (the base's, and a county's own), read when the ruleset was built. */
    public List<CaseRows> cases() {
        return cases;
    }

    /** Capabilities are found in the rule files, so one without any is a caller's mistake worth naming. */
    private <T> T ofCapability(Map<Capability, T> byCapability, Capability capability) {
        T found = byCapability.get(capability);
        if (found == null) {
            throw new IllegalArgumentException("The ruleset of " + jurisdiction + " has no rules for capability "
                    + capability.name() + "; it has " + kieBases.keySet());
        }
        return found;
    }

    /**
     * A decision's answer, read from the open working memory through the capability's named queries:
     * each query binds one variable, the fact it answers with.
     */
    public static final class Answers {

        private final Capability capability;
        private final KieSession session;

        private Answers(Capability capability, KieSession session) {
            this.capability = capability;
            this.session = session;
        }

        /** Every fact the named query finds. */
        public <T> List<T> all(String query, Class<T> type) {
            if (!capability.answers().contains(query)) {
                throw new IllegalArgumentException("Capability " + capability.name() + " declares no answer query '"
                        + query + "'; it declares " + capability.answers());
            }
            QueryResults results = session.getQueryResults(query);
            String bound = results.getIdentifiers()[0];
            List<T> found = new ArrayList<>(results.size());
            for (QueryResultsRow row : results) {
                found.add(type.cast(row.get(bound)));
            }
            return found;
        }

        /** The one fact the named query must find (a decision, a parameter); anything else is a defect of the ruleset. */
        public <T> T single(String query, Class<T> type) {
            List<T> found = all(query, type);
            if (found.size() != 1) {
                throw new IllegalStateException("The query '" + query + "' found " + found.size() + " "
                        + type.getSimpleName() + " facts instead of exactly one: " + found);
            }
            return found.get(0);
        }
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
