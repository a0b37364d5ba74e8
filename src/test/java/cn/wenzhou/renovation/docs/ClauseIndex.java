package cn.wenzhou.renovation.docs;

import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleClause;
import cn.wenzhou.renovation.ruleset.engine.RuleOrigin;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.scenariosimulation.api.model.ScenarioSimulationModel;
import org.drools.scenariosimulation.api.model.Simulation;
import org.drools.scenariosimulation.backend.runner.AbstractScenarioRunner;
import org.drools.scenariosimulation.backend.runner.model.ScenarioRunnerDTO;
import org.drools.scenariosimulation.backend.util.ScenarioSimulationXMLPersistence;
import org.junit.runner.notification.RunNotifier;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

/**
 * The guide-clause → rule → scenario index ({@code docs/clauses.md}), generated from what the rules
 * say about themselves: every jurisdiction is compiled from the repository's folders, each rule listed
 * under the clause its metadata cites, with its quote, the file it is written in, and the Test Scenario
 * files in which it fires (each jurisdiction's scenarios run against its own ruleset).
 */
final class ClauseIndex {

    static final Path FILE = Path.of("docs/clauses.md");

    private static final String GUIDE = "《温州市城镇老旧小区改造工作指南（试行）》";

    /** The numbers of a section, in order: 一、 （四） 第二百七十八条 and 10. all count; other characters do not. */
    private static final Pattern NUMBER =
            Pattern.compile("([一二三四五六七八九十百]+)(?=、)|（([一二三四五六七八九十百]+)）|第([一二三四五六七八九十百]+)条|(\\d+)");

    private static final int ANNEXES = 1000;
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

    /** One rule as the index shows it. */
    record Entry(
            String ruleId,
            RuleClause clause,
            RuleOrigin origin,
            String jurisdiction,
            Set<String> scenarios,
            Set<String> asserting) {}

    private ClauseIndex() {}

    /** The index's Markdown for the rules, tables and scenarios under the given repository root. */
    static String generate(Path root, Function<CompiledRuleset, Map<String, Set<String>>> casesAnswered) {
        List<CompiledRuleset> rulesets =
                RulesetSources.load(
                                root.resolve("rules").toString(),
                                root.resolve("decision-tables").toString())
                        .stream()
                        .map(sources -> new RulesetCompiler()
                                .compile(sources.jurisdiction().code(), sources.files()))
                        .toList();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (CompiledRuleset ruleset : rulesets) {
            Map<String, Set<String>> fired = new TreeMap<>();
            Map<String, String> scenarioTexts = new TreeMap<>();
            for (Path scenario : scenarioFiles(root, ruleset.jurisdiction())) {
                String name = root.relativize(scenario).toString().replace('\\', '/');
                String xml = read(scenario);
                scenarioTexts.put(name, xml);
                for (String rule : rulesFiredBy(ruleset, xml, name)) {
                    fired.computeIfAbsent(rule, r -> new TreeSet<>()).add(name);
                }
            }
            Map<String, Set<String>> namedByCases = namedByCases(ruleset);
            Map<String, Set<String>> answeredByCases = new TreeMap<>();
            casesAnswered
                    .apply(ruleset)
                    .forEach((workbook, rules) -> rules.forEach(rule -> answeredByCases
                            .computeIfAbsent(rule, r -> new TreeSet<>())
                            .add(workbook)));
            ruleset.clauses().forEach((ruleId, clause) -> {
                // A county inherits most rules: each is listed once, as the base (or first county) has it.
                Entry entry = entries.computeIfAbsent(
                        ruleId,
                        id -> new Entry(
                                id,
                                clause,
                                ruleset.originOf(id),
                                ruleset.jurisdiction(),
                                new TreeSet<>(),
                                new TreeSet<>()));
                entry.scenarios().addAll(fired.getOrDefault(ruleId, Set.of()));
                entry.scenarios().addAll(answeredByCases.getOrDefault(ruleId, Set.of()));
                entry.scenarios().addAll(namedByCases.getOrDefault(ruleId, Set.of()));
                entry.asserting().addAll(namedByCases.getOrDefault(ruleId, Set.of()));
                scenarioTexts.forEach((name, xml) -> {
                    if (fired.getOrDefault(ruleId, Set.of()).contains(name) && xml.contains(">" + ruleId + "<")) {
                        entry.asserting().add(name);
                    }
                });
            });
        }
        return render(entries.values());
    }

    private static String render(Iterable<Entry> entries) {
        // Grouped by document (the guide, a statute, a county's plan), then by section in the document's order.
        Map<String, Map<String, List<Entry>>> byDocument =
                new TreeMap<>(Comparator.comparing((String document) -> !document.equals(GUIDE))
                        .thenComparing(Comparator.naturalOrder()));
        for (Entry entry : entries) {
            String document =
                    entry.clause().source() == null || entry.clause().source().isBlank()
                            ? GUIDE
                            : entry.clause().source();
            byDocument
                    .computeIfAbsent(
                            document,
                            d -> new TreeMap<>(
                                    Comparator.comparing(ClauseIndex::sectionNumbers, ClauseIndex::compareNumbers)
                                            .thenComparing(Comparator.naturalOrder())))
                    .computeIfAbsent(entry.clause().section(), s -> new ArrayList<>())
                    .add(entry);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Guide clause → rule → scenario index\n\n")
                .append("<!-- Generated by ClauseIndexTest from the compiled rules; do not edit by hand. -->\n")
                .append(
                        "Generated from the rules' own metadata (`@clause`, `@quote`, `@source`; the METADATA columns of the\n")
                .append(
                        "tables) by `ClauseIndexTest`, which fails when this file differs from the rules. After changing rules,\n")
                .append("tables or scenarios, regenerate it:\n\n")
                .append("```bash\nmvn -B -o -q test -Dtest=ClauseIndexTest -Dclause-index.write=true\n```\n\n")
                .append(
                        "Each rule is listed once, under the clause it cites (a county's own rules name their jurisdiction).\n")
                .append(
                        "**Cases and scenarios** are the golden-case workbooks (`*.cases.xlsx`) whose answers name the rule, and\n")
                .append(
                        "the Test Scenario files in which the rule fires, each run against its own jurisdiction's rules; a file\n")
                .append("in bold names the rule id in an expected value. Parameter rows and\n")
                .append(
                        "integrity checks run once, when the ruleset is built, and every scenario starts from the parameters they\n")
                .append(
                        "concluded, so they list none. Any other rule with no scenario (a path no scenario takes) is covered by the\n")
                .append("Java tests, if at all.\n");
        byDocument.forEach((document, sections) -> {
            md.append("\n## ").append(document).append("\n");
            sections.forEach((section, sectionEntries) -> {
                md.append("\n### ").append(section).append("\n\n");
                md.append("| rule | quote | where | cases and scenarios |\n|---|---|---|---|\n");
                sectionEntries.stream()
                        .sorted(Comparator.comparing(Entry::ruleId))
                        .forEach(entry -> md.append("| `")
                                .append(entry.ruleId())
                                .append('`')
                                .append(entry.jurisdiction().equals("wenzhou") ? "" : " (" + entry.jurisdiction() + ")")
                                .append(" | ")
                                .append(cell(entry.clause().quote()))
                                .append(" | ")
                                .append(where(entry.origin()))
                                .append(" | ")
                                .append(scenarios(entry))
                                .append(" |\n"));
            });
        });
        return md.toString();
    }

    /**
     * 三、建设程序 10.建立后评估机制 → [3, 10]; the annexes follow the body of the guide, and a section without
     * numbers (施行日期) comes last.
     */
    static List<Integer> sectionNumbers(String section) {
        List<Integer> numbers = new ArrayList<>();
        if (section.startsWith("附件")) {
            numbers.add(ANNEXES);
        }
        Matcher found = NUMBER.matcher(section);
        while (found.find()) {
            String digits = found.group(4);
            numbers.add(
                    digits != null
                            ? Integer.parseInt(digits)
                            : chineseNumber(Stream.of(found.group(1), found.group(2), found.group(3))
                                    .filter(g -> g != null)
                                    .findFirst()
                                    .orElseThrow()));
        }
        return numbers.isEmpty() ? List.of(Integer.MAX_VALUE) : numbers;
    }

    /** 十 → 10, 十二 → 12, 二十 → 20, 二百七十八 → 278. */
    static int chineseNumber(String text) {
        int total = 0;
        int digit = 0;
        for (char c : text.toCharArray()) {
            int value = CHINESE_DIGITS.indexOf(c);
            if (value >= 0) {
                digit = value;
            } else {
                total += Math.max(digit, 1) * (c == '百' ? 100 : 10);
                digit = 0;
            }
        }
        return total + digit;
    }

    private static int compareNumbers(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String where(RuleOrigin origin) {
        String link = "[" + origin.file().substring(origin.file().lastIndexOf('/') + 1) + "](../" + origin.file() + ")";
        return origin.sheet() == null
                ? link
                : link + " " + origin.sheet() + (origin.cell() == null ? "" : " " + origin.cell());
    }

    /**
     * The golden-case workbooks whose expected cells name each rule id (the rule expected to decide, the reasons
     * beside it, a catalogue item's code): the cases the service runs against this ruleset, read as written, not run.
     */
    private static Map<String, Set<String>> namedByCases(CompiledRuleset ruleset) {
        Map<String, Set<String>> named = new TreeMap<>();
        for (CaseRows workbook : ruleset.cases()) {
            for (CaseForm.Expectation expectation : workbook.form().expectations()) {
                for (var row : workbook.rows()) {
                    String ids = row.literals().get(expectation.column().key());
                    if (ids != null) {
                        for (String id : ids.split("[；;，,\\s]+")) {
                            if (ruleset.clauses().containsKey(id)) {
                                named.computeIfAbsent(id, i -> new TreeSet<>()).add(workbook.file());
                            }
                        }
                    }
                }
            }
        }
        return named;
    }

    private static String scenarios(Entry entry) {
        return String.join(
                "<br>",
                entry.scenarios().stream()
                        .map(name -> {
                            String shown = name.replaceFirst("^(scenarios|decision-tables)/", "");
                            String link = "[" + shown + "](../" + name + ")";
                            return entry.asserting().contains(name) ? "**" + link + "**" : link;
                        })
                        .toList());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static List<Path> scenarioFiles(Path root, String jurisdiction) {
        Path folder = root.resolve("scenarios").resolve(jurisdiction);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".scesim")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one scenario file with the Test Scenario runner, as the service's own check does, noting each rule fired. */
    private static Set<String> rulesFiredBy(CompiledRuleset ruleset, String xml, String name) {
        ScenarioSimulationModel model;
        try {
            model = ScenarioSimulationXMLPersistence.getInstance().unmarshal(xml);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
        Simulation rows = model.getSimulation();
        ScenarioRunnerDTO scenarios = new ScenarioRunnerDTO(
                rows.getScesimModelDescriptor(),
                rows.getScenarioWithIndex(),
                name,
                model.getSettings(),
                model.getBackground());
        Set<String> fired = new TreeSet<>();
        AbstractScenarioRunner.getSpecificRunnerProvider(model.getSettings().getType())
                .create(recordingContainer(ruleset, fired), scenarios)
                .run(new RunNotifier());
        return fired;
    }

    /** A KieContainer answering the runner's stateless sessions from the ruleset's KieBases, recording fired rules. */
    private static KieContainer recordingContainer(CompiledRuleset ruleset, Set<String> fired) {
        ClassLoader loader = ClauseIndex.class.getClassLoader();
        return (KieContainer) Proxy.newProxyInstance(
                loader, new Class<?>[] {KieContainer.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "newStatelessKieSession" -> {
                        String session = String.valueOf(args[0]).replaceFirst("-scenarios$", "");
                        StatelessKieSession stateless = ruleset.newStatelessSession(
                                Capability.ofKieBaseName(session).orElseThrow());
                        stateless.addEventListener(new DefaultAgendaEventListener() {
                            @Override
                            public void afterMatchFired(AfterMatchFiredEvent event) {
                                fired.add(event.getMatch().getRule().getName());
                            }
                        });
                        yield stateless;
                    }
                    case "getClassLoader" -> loader;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "KieContainer recording " + ruleset.jurisdiction();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
