package cn.wenzhou.renovation.ruleset.authoring.scenario;

import cn.wenzhou.renovation.ruleset.authoring.RulesetScenarios;
import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.scenariosimulation.api.model.FactMappingValueStatus;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.Simulation;
import org.drools.scenariosimulation.backend.runner.AbstractScenarioRunner;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;
import org.junit.runner.notification.RunNotifier;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;
import org.mvel2.MVEL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Runs a jurisdiction's Drools Test Scenarios ({@code scenarios/<jurisdiction>/**.scesim}, the same
 * files {@code mvn verify} runs) against a ruleset, with the Test Scenario runner itself. Results are
 * kept per ruleset version (the active ruleset is asked on every validation).
 */
@Component
public class TestScenarioRunner implements RulesetScenarios {

    /**
     * Reading a .scesim file is most of a validation's scenario time (the persistence layer's clean-up
     * of unused nodes), and the files change only with a deployment: parsed once per content.
     */
    private static ScenarioSimulationModel parsed(String xml) throws Exception {
        ScenarioSimulationModel known = PARSED.getIfPresent(xml);
        if (known != null) {
            return known;
        }
        ScenarioSimulationModel model =
                ScenarioSimulationXMLPersistence.getInstance().unmarshal(xml);
        PARSED.put(xml, model);
        return model;
    }

    private static final Cache<String, ScenarioSimulationModel> PARSED =
            Caffeine.newBuilder().maximumSize(64).build();

    /** The runner's name for a row: {@code #3: 2000年建成 (…/x.scesim)}. */
    private static final Pattern ROW = Pattern.compile("^#(\\d+): (.*?)\\s?(?:\\([^()]*\\))?$");
    /** The runner's message repeats the row before its reason, and names the file after it. */
    private static final Pattern REASON = Pattern.compile("(?s)^.*?Failure reason: (.*?)\\s?(?:\\([^()]*\\))?$");

    private final String scenariosDir;

    /**
     * One run of a ruleset's scenarios: the failing rows; what every row concluded, per kind of fact, as staff
     * read it (message and rule id); and for a failing row, which kinds of its pinned facts failed. The
     * conclusions let a changed row be told as 「原结论 … → 新结论 …」 beside the run on the active rules.
     */
    private record Run(
            List<RuleProblem> failures,
            Map<String, Map<String, List<String>>> conclusions,
            Map<String, FailedRow> failedRows) {}

    /** A failing row: how it is named (测试场景第 4 行「…」) and the kinds of pinned fact that failed. */
    private record FailedRow(String which, List<String> kinds) {}

    private final Map<String, Run> runsByVersion = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
            return size() > 16;
        }
    };

    public TestScenarioRunner(@Value("${renovation.scenarios-dir:classpath:scenarios}") String scenariosDir) {
        this.scenariosDir =
                scenariosDir.endsWith("/") ? scenariosDir.substring(0, scenariosDir.length() - 1) : scenariosDir;
    }

    @Override
    public List<RuleProblem> failures(CompiledRuleset ruleset) {
        return runOf(ruleset).failures();
    }

    /**
     * As the interface has it, each changed row told in the officer's terms: 「测试场景第 4 行「…」：原结论 …（规则 A）
     * → 新结论 …（规则 B）」, the old conclusion read from the same row run on the active rules.
     */
    @Override
    public List<RuleProblem> changedBy(CompiledRuleset active, CompiledRuleset candidate) {
        List<RuleProblem> changed = RulesetScenarios.super.changedBy(active, candidate);
        if (active == null) {
            return changed;
        }
        Run before = runOf(active);
        Run now = runOf(candidate);
        return changed.stream()
                .map(problem -> {
                    Matcher row = ROW_IN_MESSAGE.matcher(problem.message());
                    String key = row.find() ? problem.file() + "#" + row.group(1) : "";
                    FailedRow failed = now.failedRows().get(key);
                    Map<String, List<String>> was = before.conclusions().get(key);
                    Map<String, List<String>> is = now.conclusions().get(key);
                    if (failed == null
                            || was == null
                            || is == null
                            || failed.kinds().isEmpty()) {
                        return problem;
                    }
                    return RuleProblem.inFile(
                            problem.file(),
                            failed.which() + "：原结论 " + conclusions(was, failed.kinds()) + " → 新结论 "
                                    + conclusions(is, failed.kinds()));
                })
                .toList();
    }

    private static final Pattern ROW_IN_MESSAGE = Pattern.compile("^测试场景第 (\\d+) 行");

    private static String conclusions(Map<String, List<String>> byKind, List<String> kinds) {
        List<String> told = kinds.stream()
                .flatMap(kind -> byKind.getOrDefault(kind, List.of()).stream())
                .distinct()
                .toList();
        return told.isEmpty() ? "无此类结论" : String.join("；", told);
    }

    private Run runOf(CompiledRuleset ruleset) {
        String key = ruleset.jurisdiction() + "|" + ruleset.version();
        synchronized (runsByVersion) {
            Run known = runsByVersion.get(key);
            if (known != null) {
                return known;
            }
        }
        Run run = run(ruleset);
        synchronized (runsByVersion) {
            runsByVersion.put(key, run);
        }
        return run;
    }

    private Run run(CompiledRuleset ruleset) {
        readExpressionsAsDroolsDoes();
        Run all = new Run(new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        for (Resource scenario : scenarioFiles(ruleset.jurisdiction())) {
            String name = "scenarios/" + ruleset.jurisdiction() + "/" + relativeName(scenario, ruleset.jurisdiction());
            run(ruleset, scenario, name, all);
        }
        return new Run(List.copyOf(all.failures()), Map.copyOf(all.conclusions()), Map.copyOf(all.failedRows()));
    }

    private void run(CompiledRuleset ruleset, Resource scenario, String name, Run into) {
        ScenarioSimulationModel model;
        try (InputStream in = scenario.getInputStream()) {
            model = parsed(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            into.failures().add(RuleProblem.inFile(name, "测试场景文件无法读取: " + e.getMessage()));
            return;
        }
        // A run writes its results into the scenario rows: each run gets its own copy of the parsed model.
        Simulation rows = model.getSimulation().cloneModel();
        ScenarioRunnerDTO scenarios = new ScenarioRunnerDTO(
                rows.getScesimModelDescriptor(),
                rows.getScenarioWithIndex(),
                name,
                model.getSettings(),
                model.getBackground().cloneModel());
        // The facts the last row's rules left, so a changed answer can be shown beside the pinned one.
        AtomicReference<Collection<?>> lastFacts = new AtomicReference<>(List.of());
        RunNotifier notifier = new RunNotifier();
        notifier.addListener(new RunListener() {
            @Override
            public void testFailure(Failure failure) {
                into.failures().add(describe(name, failure, rows, lastFacts.get()));
                Matcher row = ROW.matcher(failure.getDescription().getDisplayName());
                if (row.matches()) {
                    int index = Integer.parseInt(row.group(1));
                    into.failedRows()
                            .put(
                                    name + "#" + index,
                                    new FailedRow(
                                            "测试场景第 " + index + " 行「" + row.group(2) + "」",
                                            List.copyOf(pinned(rows, index).keySet())));
                }
            }

            @Override
            public void testFinished(org.junit.runner.Description description) {
                Matcher row = ROW.matcher(description.getDisplayName());
                if (row.matches()) {
                    into.conclusions().put(name + "#" + row.group(1), conclusionsByKind(lastFacts.get()));
                }
            }
        });
        AbstractScenarioRunner.getSpecificRunnerProvider(model.getSettings().getType())
                .create(statelessContainer(ruleset, lastFacts), scenarios)
                .run(notifier);
    }

    /**
     * A scenario's expressions ({@code # CalendarFile.read(OfficialCalendar.class.getResourceAsStream(…))}) are
     * MVEL as Drools' MVEL dialect reads it. Drools switches these MVEL-wide options on only while it compiles DRL
     * constraints, so a process that has loaded nothing but prebuilt rules (the packaged {@code validate}, a fresh
     * start) had them off, and every row with a class literal failed.
     */
    static void readExpressionsAsDroolsDoes() {
        MVEL.COMPILER_OPT_ALLOW_NAKED_METH_CALL = true;
        MVEL.COMPILER_OPT_ALLOW_OVERRIDE_ALL_PROPHANDLING = true;
        MVEL.COMPILER_OPT_ALLOW_RESOLVE_INNERCLASSES_WITH_DOTNOTATION = true;
        MVEL.COMPILER_OPT_SUPPORT_JAVA_STYLE_CLASS_LITERALS = true;
    }

    /** What a row's rules concluded, per kind of fact, each as staff read it. */
    private static Map<String, List<String>> conclusionsByKind(Collection<?> facts) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        facts.forEach(fact -> conclusion(fact)
                .ifPresent(told -> byKind.computeIfAbsent(fact.getClass().getName(), k -> new ArrayList<>())
                        .add(told)));
        byKind.replaceAll((kind, told) -> told.stream().distinct().sorted().toList());
        return byKind;
    }

    /** A conclusion as an officer reads it: its message, then its rule id; the rule id alone without a message. */
    private static java.util.Optional<String> conclusion(Object fact) {
        try {
            String ruleId = String.valueOf(fact.getClass().getMethod("ruleId").invoke(fact));
            try {
                Object message = fact.getClass().getMethod("message").invoke(fact);
                return java.util.Optional.of(message == null ? ruleId : message + "（" + ruleId + "）");
            } catch (NoSuchMethodException e) {
                return java.util.Optional.of(ruleId);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * 测试场景第 4 行「…」的结论变了：原为 规则 X，现为 规则 Y（…）: each pinned rule id that no longer holds beside the
     * rules that now conclude. A row whose failing pins are values, not rule ids (a document's step, a period's days),
     * says how many no longer hold; the runner's own text and those values are kept as the technical detail.
     */
    private static RuleProblem describe(String name, Failure failure, Simulation rows, Collection<?> facts) {
        Matcher row = ROW.matcher(failure.getDescription().getDisplayName());
        String which = row.matches()
                ? "测试场景第 " + row.group(1) + " 行「" + row.group(2) + "」"
                : "测试场景「" + failure.getDescription().getDisplayName() + "」";
        List<String> changes = row.matches() ? changes(rows, Integer.parseInt(row.group(1)), facts) : List.of();
        if (!changes.isEmpty()) {
            return RuleProblem.inFile(name, which + "的结论变了：" + String.join("；", changes));
        }
        Matcher reason = REASON.matcher(String.valueOf(failure.getMessage()));
        List<String> unmet = row.matches() ? unmet(rows, Integer.parseInt(row.group(1))) : List.of();
        String told = which + "的结论变了：所填的期望" + (unmet.isEmpty() ? "" : "中有 " + unmet.size() + " 项")
                + "不再成立（技术人员维护的测试场景，详见技术细节）";
        String detail = (reason.matches() ? reason.group(1) : String.valueOf(failure.getMessage()))
                + (unmet.isEmpty() ? "" : "; " + String.join("; ", unmet));
        return new RuleProblem(name, null, null, null, told, detail);
    }

    /** The row's expected values that did not hold, as the scenario file names them: {@code workingDays = 5}. */
    private static List<String> unmet(Simulation rows, int index) {
        return rows.getScenarioWithIndex().stream()
                .filter(s -> s.getIndex() == index)
                .flatMap(s -> s.getScesimData().getUnmodifiableFactMappingValues().stream())
                .filter(v -> v.getStatus() != null && v.getStatus() != FactMappingValueStatus.SUCCESS)
                .map(v -> v.getFactIdentifier().getName() + " "
                        + v.getExpressionIdentifier().getName() + " = " + v.getRawValue())
                .toList();
    }

    /** Per kind of pinned fact that failed: the rule ids pinned, and the rule ids (and messages) the rules now give. */
    private static List<String> changes(Simulation rows, int index, Collection<?> facts) {
        List<String> changes = new ArrayList<>();
        pinned(rows, index).forEach((type, ruleIds) -> {
            List<String> now = facts.stream()
                    .filter(f -> f.getClass().getName().equals(type))
                    .map(TestScenarioRunner::ruleAndMessage)
                    .flatMap(java.util.Optional::stream)
                    .distinct()
                    .sorted()
                    .toList();
            changes.add("原为 规则 " + String.join("、", ruleIds) + "，现为 "
                    + (now.isEmpty() ? "无此类结论" : "规则 " + String.join("、", now)));
        });
        return changes;
    }

    /** The rule ids of the row's pinned facts that did not hold, by the fact's class. */
    private static Map<String, List<String>> pinned(Simulation rows, int index) {
        Map<String, List<String>> pinned = new LinkedHashMap<>();
        rows.getScenarioWithIndex().stream()
                .filter(s -> s.getIndex() == index)
                .flatMap(s -> s.getScesimData().getUnmodifiableFactMappingValues().stream())
                .filter(v -> v.getStatus() != null && v.getStatus() != FactMappingValueStatus.SUCCESS)
                .filter(v -> v.getExpressionIdentifier().getName().endsWith("ruleId"))
                .forEach(v -> pinned.computeIfAbsent(v.getFactIdentifier().getClassName(), k -> new ArrayList<>())
                        .add(String.valueOf(v.getRawValue())));
        return pinned;
    }

    /** A rule's conclusion as staff read it: its rule id, and its message where it has one. */
    private static java.util.Optional<String> ruleAndMessage(Object fact) {
        try {
            String ruleId = String.valueOf(fact.getClass().getMethod("ruleId").invoke(fact));
            String message = "";
            try {
                message = "（" + fact.getClass().getMethod("message").invoke(fact) + "）";
            } catch (NoSuchMethodException e) {
                // a fact without a message is named by its rule alone
            }
            return java.util.Optional.of(ruleId + message);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The scenario runner asks its KieContainer only for stateless sessions by name and a class loader;
     * the candidate's KieBase answers both, so the check needs no second compilation of the rules.
     * Every scenario here declares a stateless session; anything else is refused plainly.
     */
    private static KieContainer statelessContainer(CompiledRuleset ruleset, AtomicReference<Collection<?>> lastFacts) {
        ClassLoader loader = TestScenarioRunner.class.getClassLoader();
        return (KieContainer) Proxy.newProxyInstance(
                loader, new Class<?>[] {KieContainer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "newStatelessKieSession" ->
                        factsKept(ruleset.newStatelessSession(capabilityOfSession(args)), lastFacts);
                    case "getClassLoader" -> loader;
                    case "toString" -> "KieContainer over ruleset " + ruleset.jurisdiction() + " " + ruleset.version();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default ->
                        throw new UnsupportedOperationException("测试场景校验只支持无状态会话 (stateless sessions only): "
                                + method.getName() + Arrays.toString(method.getParameterTypes()));
                });
    }

    private static final String FACTS = "scenario-facts";

    /** The session, each batch of which also hands back every fact its rules left (into {@code lastFacts}). */
    private static StatelessKieSession factsKept(
            StatelessKieSession session, AtomicReference<Collection<?>> lastFacts) {
        return (StatelessKieSession) Proxy.newProxyInstance(
                TestScenarioRunner.class.getClassLoader(),
                new Class<?>[] {StatelessKieSession.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute")
                            && args != null
                            && args.length == 1
                            && args[0] instanceof org.drools.commands.runtime.BatchExecutionCommandImpl batch) {
                        lastFacts.set(List.of()); // a row whose run fails shows no facts of the row before
                        List<Command> commands = new ArrayList<>(batch.getCommands());
                        commands.add(KieServices.get().getCommands().newGetObjects(FACTS));
                        Object results =
                                session.execute(KieServices.get().getCommands().newBatchExecution(commands));
                        if (results instanceof ExecutionResults executed
                                && executed.getValue(FACTS) instanceof Collection<?> facts) {
                            lastFacts.set(List.copyOf(facts));
                        }
                        return results;
                    }
                    try {
                        return method.invoke(session, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A scenario's {@code <dmoSession>} names its capability: {@code eligibility-scenarios}. */
    private static Capability capabilityOfSession(Object[] args) {
        String session = args == null || args.length == 0 ? "" : String.valueOf(args[0]);
        return Capability.ofKieBaseName(session.replaceFirst(RulesetCompiler.SCENARIO_SESSION_SUFFIX + "$", ""))
                .orElseThrow(() -> new IllegalArgumentException(
                        "测试场景的 dmoSession 须为 <能力>-scenarios（如 eligibility-scenarios）: " + session));
    }

    private List<Resource> scenarioFiles(String jurisdiction) {
        String location = scenariosDir.startsWith("classpath:") || scenariosDir.startsWith("file:")
                ? scenariosDir
                : "file:" + java.nio.file.Path.of(scenariosDir).toAbsolutePath().normalize();
        String pattern = location.replaceFirst("^classpath:", "classpath*:") + "/" + jurisdiction + "/**/*.scesim";
        try {
            // classpath* may see one file twice (a jar and a folder); each relative name runs once.
            Map<String, Resource> byName = new java.util.TreeMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                byName.putIfAbsent(relativeName(resource, jurisdiction), resource);
            }
            return List.copyOf(byName.values());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot list the scenarios under " + pattern, e);
        }
    }

    private static String relativeName(Resource scenario, String jurisdiction) {
        try {
            String url = scenario.getURL().toString();
            String marker = "/" + jurisdiction + "/";
            int at = url.lastIndexOf("scenarios" + marker);
            return at >= 0
                    ? url.substring(at + ("scenarios" + marker).length())
                    : String.valueOf(scenario.getFilename());
        } catch (IOException e) {
            return String.valueOf(scenario.getFilename());
        }
    }
}
