package cn.wenzhou.renovation.ruleset;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

/**
 * A ruleset as a value: one jurisdiction's compiled KieBase, the content hash of the files it was
 * compiled from, and the clause each of its rules cites. Built once, then shared by every request.
 */
public final class CompiledRuleset {

    private static final String OBJECTS = "objects";

    private final String jurisdiction;
    private final String version;
    private final KieBase kieBase;
    private final StatelessKieSession session;
    private final Map<String, RuleClause> clauses;
    private final Map<String, RuleOrigin> origins;
    private final List<String> files;
    private final Map<Class<?>, Object> derivedValues = new ConcurrentHashMap<>();

    CompiledRuleset(String jurisdiction, String version, KieBase kieBase, Map<String, RuleClause> clauses,
            Map<String, RuleOrigin> origins, List<String> files) {
        this.jurisdiction = jurisdiction;
        this.version = version;
        this.kieBase = kieBase;
        // A stateless session is thread-safe: each execute() runs on a fresh working memory.
        this.session = kieBase.newStatelessKieSession();
        this.clauses = Map.copyOf(clauses);
        this.origins = Map.copyOf(origins);
        this.files = List.copyOf(files);
    }

    /** Inserts the facts, fires every rule, and returns all facts in working memory afterwards. */
    public Evaluation evaluate(Collection<?> facts) {
        return execute(List.of(
                CommandFactory.newInsertElements(facts),
                CommandFactory.newFireAllRules(),
                CommandFactory.newGetObjects(OBJECTS)));
    }

    /**
     * As {@link #evaluate(Collection)}, with one agenda group focused first: rules kept out of every
     * request (the item catalogue) fire only when asked for.
     */
    public Evaluation evaluate(Collection<?> facts, String agendaGroup) {
        return execute(List.of(
                CommandFactory.newInsertElements(facts),
                KieServices.get().getCommands().newAgendaGroupSetFocus(agendaGroup),
                CommandFactory.newFireAllRules(),
                CommandFactory.newGetObjects(OBJECTS)));
    }

    /**
     * A value derived from this ruleset alone (the catalogue, say), computed once and kept with it:
     * when the ruleset is replaced, so is everything derived from it.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Class<T> type, Function<CompiledRuleset, T> derivation) {
        return (T) derivedValues.computeIfAbsent(type, t -> derivation.apply(this));
    }

    private Evaluation execute(List<Command<?>> commands) {
        ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
        @SuppressWarnings("unchecked")
        Collection<Object> objects = (Collection<Object>) results.getValue(OBJECTS);
        return new Evaluation(new ArrayList<>(objects));
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

    public KieBase kieBase() {
        return kieBase;
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
