package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseRows;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieBaseModel;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a jurisdiction's rule files into a {@link CompiledRuleset}, or reports every problem
 * with the file and, for spreadsheets, the sheet and cell. A file that contributes no rule is a
 * problem too: a misnamed spreadsheet would otherwise be skipped without a word.
 */
public final class RulesetCompiler {

    private static final Logger log = LoggerFactory.getLogger(RulesetCompiler.class);
    private static final String RESOURCES = "src/main/resources/";

    private final KieServices kieServices = KieServices.Factory.get();
    private final PrebuiltModules prebuiltModules;

    /** Loads the packaged rules' prebuilt modules, and compiles anything else from DRL. */
    public RulesetCompiler() {
        this(PrebuiltModules.onClasspath());
    }

    /** With the given prebuilt modules: the build passes ones that compile and keep the executable model. */
    public RulesetCompiler(PrebuiltModules prebuiltModules) {
        this.prebuiltModules = prebuiltModules;
    }

    public CompiledRuleset compile(String jurisdiction, List<RuleFile> sourceFiles) {
        List<RuleFile> files = sourceFiles.stream()
                .sorted(Comparator.comparing(RuleFile::path))
                .toList();
        String version = contentHash(files);
        // The startup head start's compile of the same files is joined rather than repeated.
        return COMPILED.get(jurisdiction + "|" + version, () -> compileAnew(jurisdiction, files, version));
    }

    private static final BuiltOncePerKey<CompiledRuleset> COMPILED =
            new BuiltOncePerKey<>(ContentCaches.COMPILED_RULESETS);

    /**
     * A compiled ruleset is an immutable value of its files: the same files compile to the same rules.
     * The last few are kept for the whole process, so a rollback, a replay, another instance's
     * activation followed, or a second application context (the tests start many) reuses the KieBase.
     */
    private CompiledRuleset compileAnew(String jurisdiction, List<RuleFile> files, String version) {
        DrlSources sources = translate(files);
        List<RuleProblem> problems = sources.problems();
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }

        // Per capability, what a request runs and the set-up that runs once per build.
        Built decisions = build(sources, false, problems);
        Built setUp = build(sources, true, problems);
        Map<Capability, KieBase> kieBases = decisions.kieBases();
        Map<Capability, KieBase> setUpKieBases = setUp.kieBases();
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, withoutFollowOnErrors(problems));
        }

        List<Rule> rules = java.util.stream.Stream.concat(kieBases.values().stream(), setUpKieBases.values().stream())
                .flatMap(b -> b.getKiePackages().stream())
                .flatMap(p -> CompiledRuleset.rulesOf(p).stream())
                .toList();
        Map<String, RuleClause> clauses = clausesOf(rules, sources, problems);
        problems.addAll(missingAnswers(kieBases));
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }
        CompiledRuleset ruleset;
        try {
            ruleset = new CompiledRuleset(
                    jurisdiction,
                    version,
                    rulesFingerprint(files, sources),
                    kieBases,
                    setUpKieBases,
                    clauses,
                    originsOf(rules, sources),
                    files.stream().map(RuleFile::path).toList(),
                    sources.cases(),
                    decisions.prebuilt() && setUp.prebuilt());
        } catch (RuntimeException e) {
            throw new RulesetCompilationException(jurisdiction, unreadableCell(e, rules, sources));
        }
        Map<String, String> labels = codeLabels(files);
        ruleset.defects().stream()
                .map(d -> d.subject() == null
                        ? RuleProblem.inFile(fileOfRule(rules, d.ruleId(), sources), labelled(d.message(), labels))
                        : ruleset.originOf(d.subject()).problemAt(d.valueKey(), labelled(d.message(), labels)))
                .distinct()
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }
        log.info(
                "Compiled ruleset {} version {}: {} rules from {} files{}",
                jurisdiction,
                version,
                clauses.size(),
                files.size(),
                ruleset.builtAhead() ? ", loaded as the build's executable model" : "");
        return ruleset;
    }

    /**
     * Every capability's decisions read their answer through the named queries it declares; a ruleset
     * without one (a county's copy of a file that dropped it) would fail on every request, so it is
     * refused here, naming the query and where it belongs.
     */
    private static List<RuleProblem> missingAnswers(Map<Capability, KieBase> kieBases) {
        List<RuleProblem> missing = new ArrayList<>();
        kieBases.forEach((capability, kieBase) -> {
            Set<String> queries = new java.util.HashSet<>();
            kieBase.getKiePackages().forEach(p -> p.getQueries().forEach(q -> queries.add(q.getName())));
            capability.answers().stream()
                    .filter(answer -> !queries.contains(answer))
                    .forEach(answer -> missing.add(RuleProblem.inFile(
                            ANSWERS_FILE.formatted(capability.name()),
                            "缺少查询 query \"" + answer + "\"：服务通过它读取「" + capability.name() + "」的判定结果，没有它就无法作出判定")));
        });
        return missing;
    }

    private static final String ANSWERS_FILE = "rules/%s/answers.drl";

    /** A ruleset's KieBases by capability, and whether the build had prebuilt every one. */
    private record Built(Map<Capability, KieBase> kieBases, boolean prebuilt) {}

    /** One capability's KieBase, and whether the build had prebuilt it. */
    record CapabilityModule(KieBase kieBase, boolean prebuilt) {}

    private static final BuiltOncePerKey<CapabilityModule> CAPABILITY_MODULES =
            new BuiltOncePerKey<>(ContentCaches.CAPABILITY_MODULES);

    /**
     * One module per capability, of either its set-up files (parameter sheets and {@code integrity.drl} files) or
     * its other files, kept by the content it was built from: an edit rebuilds its own capability only, and a
     * county shares the base's KieBase of every capability it leaves as it is. Errors are added to {@code
     * problems} with their file, sheet and cell.
     */
    private Built build(DrlSources sources, boolean setUp, List<RuleProblem> problems) {
        Map<Capability, KieBase> kieBases = new TreeMap<>(BY_NAME);
        boolean prebuilt = true;
        for (Map.Entry<Capability, Set<String>> packages :
                sources.rulePackages().entrySet()) {
            Capability capability = packages.getKey();
            KieModuleModel module = kieServices.newKieModuleModel();
            addKieBase(module, capability, packages.getValue());
            Map<String, String> drl = drlOf(sources, setUp, capability);
            String kmoduleXml = module.toXML();
            // The content names the release: the same files give the same module, whichever ruleset asks.
            String artifact = capability.name() + (setUp ? "-set-up" : "");
            String moduleKey = PrebuiltModules.key(kieServices.newReleaseId(GROUP, artifact, "0"), kmoduleXml, drl);
            ReleaseId releaseId = kieServices.newReleaseId(GROUP, artifact, "1.0.0-" + moduleKey);
            try {
                CapabilityModule built = CAPABILITY_MODULES.get(
                        moduleKey + "|" + prebuiltModules.projectType().getSimpleName(),
                        () -> buildModule(capability, releaseId, moduleKey, kmoduleXml, drl));
                kieBases.put(capability, built.kieBase());
                prebuilt &= built.prebuilt();
            } catch (ModuleErrors errors) {
                errors.messages.forEach(message -> problems.add(locate(message, sources)));
            }
        }
        // A DRL file that does not parse has no known package, so no capability; built alone, it reports its errors.
        Map<String, String> unplaced = drlOf(sources, setUp, null);
        if (!unplaced.isEmpty()) {
            KieFileSystem kfs = kieServices.newKieFileSystem();
            unplaced.forEach((path, text) -> kfs.write(RESOURCES + path, text));
            ReleaseId unplacedRelease =
                    kieServices.newReleaseId(GROUP, "unplaced", "1.0.0-" + java.util.UUID.randomUUID());
            kfs.generateAndWritePomXML(unplacedRelease);
            kieServices
                    .newKieBuilder(kfs)
                    .buildAll()
                    .getResults()
                    .getMessages(Message.Level.ERROR)
                    .forEach(message -> problems.add(locate(message, sources)));
            kieServices.getRepository().removeKieModule(unplacedRelease);
        }
        return new Built(kieBases, prebuilt);
    }

    private static final String GROUP = "cn.wenzhou.renovation.rulesets";

    /** The set-up or decision DRL of one capability, or with no capability the DRL no capability could claim. */
    private static Map<String, String> drlOf(DrlSources sources, boolean setUp, Capability capability) {
        Map<String, String> drl = new TreeMap<>();
        sources.drlByPath().forEach((path, text) -> {
            if (sources.setUpPaths().contains(path) == setUp
                    && java.util.Objects.equals(sources.capabilityOfPath().get(path), capability)) {
                drl.put(path, text);
            }
        });
        return drl;
    }

    /** The prebuilt module of this content if the build made one, else the module compiled here. */
    private CapabilityModule buildModule(
            Capability capability, ReleaseId releaseId, String moduleKey, String kmoduleXml, Map<String, String> drl) {
        boolean prebuilt = prebuiltModules.load(moduleKey).isPresent();
        if (!prebuilt) {
            KieFileSystem kfs = kieServices.newKieFileSystem();
            drl.forEach((path, text) -> kfs.write(RESOURCES + path, text));
            kfs.writeKModuleXML(kmoduleXml);
            kfs.generateAndWritePomXML(releaseId);
            KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll(prebuiltModules.projectType());
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                throw new ModuleErrors(errors);
            }
            prebuiltModules.keep(moduleKey, builder);
        }
        KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase(capability.kieBaseName());
        // The KieBase is built; keeping the module in the global repository would only hold memory.
        kieServices.getRepository().removeKieModule(releaseId);
        return new CapabilityModule(kieBase, prebuilt);
    }

    /** Drools' errors of a module, for the ruleset being compiled to place at their file, sheet and cell. */
    private static final class ModuleErrors extends RuntimeException {
        private final transient List<Message> messages;

        ModuleErrors(List<Message> messages) {
            super("The rules have errors", null, false, false);
            this.messages = List.copyOf(messages);
        }
    }

    /**
     * The DRL the files become, exactly as {@link #compile} builds it: a DRL file as it is, a
     * spreadsheet as one DRL per rule sheet. Keyed by a path under the source file's own path. For
     * tools that need their own KieContainer over the same rules (the Test Scenario runner).
     */
    public Map<String, String> drlSources(String jurisdiction, List<RuleFile> files) {
        return translated(jurisdiction, files).drlByPath();
    }

    /**
     * The kmodule of the capabilities the files declare, as Drools' own Test Scenario runner reads it: one
     * KieBase per capability (named after it) with a stateless session {@code <capability>-scenarios}, the
     * {@code <dmoSession>} a scenario file names. Found from the files, so a new capability needs no entry.
     */
    public String scenarioKModuleXml(String jurisdiction, List<RuleFile> files) {
        KieModuleModel module = kieModuleByCapability(translated(jurisdiction, files));
        module.getKieBaseModels()
                .values()
                .forEach(kieBase -> kieBase.newKieSessionModel(kieBase.getName() + SCENARIO_SESSION_SUFFIX)
                        .setType(org.kie.api.builder.model.KieSessionModel.KieSessionType.STATELESS));
        return module.toXML();
    }

    /** A Test Scenario names the session it runs in {@code <dmoSession>}: the capability's, with this suffix. */
    public static final String SCENARIO_SESSION_SUFFIX = "-scenarios";

    private DrlSources translated(String jurisdiction, List<RuleFile> files) {
        DrlSources sources = translate(
                files.stream().sorted(Comparator.comparing(RuleFile::path)).toList());
        if (!sources.problems().isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, sources.problems());
        }
        return sources;
    }

    /** What the translation of the rule files produced, and where each generated DRL came from. */
    private record DrlSources(
            Map<String, String> drlByPath,
            Map<String, String> sourceFileOf,
            Map<String, String> drlPathOfRule,
            Map<String, TableTranslation.SheetDrl> sheetOf,
            Map<String, RuleFile> fileByPath,
            Map<Capability, Set<String>> rulePackages,
            Map<String, Capability> capabilityOfPath,
            Set<String> setUpPaths,
            List<RuleProblem> problems,
            List<CaseRows> cases) {}

    /** Integrity rules judge the parameters once per build; by convention they are the {@code integrity.drl} files. */
    private static final String INTEGRITY_FILE = "integrity.drl";

    /**
     * One KieBase per capability, holding the rule packages the files declare for it: a request fires
     * its capability's rules and parameter rows only.
     */
    private KieModuleModel kieModuleByCapability(DrlSources sources) {
        KieModuleModel module = kieServices.newKieModuleModel();
        sources.rulePackages().forEach((capability, packages) -> addKieBase(module, capability, packages));
        return module;
    }

    private static void addKieBase(KieModuleModel module, Capability capability, Set<String> packages) {
        KieBaseModel kieBase =
                module.newKieBaseModel(capability.kieBaseName()).setEqualsBehavior(EqualityBehaviorOption.IDENTITY);
        packages.forEach(kieBase::addPackage);
    }

    private DrlSources translate(List<RuleFile> files) {
        DrlSources sources = new DrlSources(
                new LinkedHashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                new HashMap<>(),
                new TreeMap<>(BY_NAME),
                new HashMap<>(),
                new java.util.HashSet<>(),
                new ArrayList<>(),
                new ArrayList<>());
        int ruleFiles = 0;
        Map<String, RuleFile> byBasePath = new HashMap<>();
        files.forEach(f -> byBasePath.put(StaffTableTranslator.withoutCounty(f.path()), f));
        Map<String, RuleFile> filesByPath = new HashMap<>();
        files.forEach(f -> filesByPath.put(f.path(), f));
        for (RuleFile file : files) {
            sources.fileByPath().put(file.path(), file);
            if (CaseForm.isCaseForm(file.path())) {
                continue; // read with its workbook
            }
            if (CaseForm.isCaseWorkbook(file.path())) {
                CaseWorkbookReader.read(file, filesByPath, sources.problems()).ifPresent(sources.cases()::add);
                continue;
            }
            if (StaffTableTranslator.isStaffTable(file, byBasePath)) {
                ruleFiles++;
                addStaffTable(file, byBasePath, sources);
            } else if (file.isSpreadsheet()) {
                sources.problems().add(withoutForm(file, byBasePath));
            } else if (file.isDrl()) {
                ruleFiles++;
                String drl = new String(file.content(), StandardCharsets.UTF_8);
                PackageDescr declared = parse(drl);
                if (declared != null && declared.getRules().isEmpty()) {
                    sources.problems().add(RuleProblem.inFile(file.path(), "文件中没有任何规则"));
                }
                assignCapability(file.path(), declared, sources)
                        .ifPresent(capability -> sources.capabilityOfPath().put(file.path(), capability));
                sources.drlByPath().put(file.path(), drl);
                sources.sourceFileOf().put(file.path(), file.path());
                if (declared != null) {
                    declared.getRules().forEach(rule -> sources.drlPathOfRule().put(rule.getName(), file.path()));
                }
                if (file.path().equals(INTEGRITY_FILE) || file.path().endsWith("/" + INTEGRITY_FILE)) {
                    sources.setUpPaths().add(file.path());
                }
            }
        }
        if (ruleFiles == 0) {
            sources.problems().add(RuleProblem.inFile("(ruleset)", "没有找到任何规则文件（*.drl 或表格 *.xlsx）"));
        }
        return sources;
    }

    /**
     * A workbook whose form is not where it should be: put in another capability's folder (its form is there), a
     * Drools spreadsheet of the format before staff tables, or a spreadsheet that is no table of ours.
     */
    private static RuleProblem withoutForm(RuleFile file, Map<String, RuleFile> byBasePath) {
        String path = file.path();
        if (file.isDroolsSpreadsheet()) {
            return RuleProblem.inFile(
                    path,
                    "这是旧格式的决策表（*.drl.xlsx），已不再使用：表格现为只含数据的 .xlsx，其格式由 rules/ 下的表格定义（.table.yaml）"
                            + "和规则模板（.drt）给出。请下载现行表格（如 decision-tables/eligibility/scope-parameters.xlsx）修改后上传");
        }
        String form = StaffTableTranslator.formPath(path);
        String formName = form.substring(form.lastIndexOf('/'));
        java.util.Optional<String> home = byBasePath.keySet().stream()
                .filter(p -> p.startsWith("rules/") && p.endsWith(formName) && p.split("/").length == 3)
                .map(p -> p.split("/")[1])
                .sorted()
                .findFirst();
        if (home.isPresent()) {
            String basePath = StaffTableTranslator.withoutCounty(path);
            String county = path.equals(basePath) ? "" : path.split("/")[1] + "/" + path.split("/")[2] + "/";
            return RuleProblem.inFile(
                    path,
                    "表格放错了文件夹：它是「" + home.get() + "」的表格，应放在 decision-tables/" + county + home.get() + "/ 下，而不是 "
                            + basePath.split("/")[1] + "/");
        }
        return RuleProblem.inFile(path, "电子表格须有表格定义 " + form + "，否则其中的规则不会生效");
    }

    private void addSheets(RuleFile file, TranslatedTable table, DrlSources sources) {
        List<TableTranslation.SheetDrl> sheets = table.sheets();
        int rules = sheets.stream().mapToInt(s -> s.rules().size()).sum();
        if (rules == 0) {
            sources.problems().add(RuleProblem.inFile(file.path(), "表格没有生成任何规则"));
            return;
        }
        for (int i = 0; i < sheets.size(); i++) {
            String generatedPath = file.path() + ".sheet" + (i + 1) + ".drl";
            if (misplaced(file.path(), table.packages().get(i), sources)) {
                return;
            }
            assignCapability(file.path(), table.packages().get(i), sources)
                    .ifPresent(capability -> sources.capabilityOfPath().put(generatedPath, capability));
            sources.drlByPath().put(generatedPath, sheets.get(i).drl());
            sources.sourceFileOf().put(generatedPath, file.path());
            sheets.get(i).rules().forEach(rule -> sources.drlPathOfRule().put(rule.name(), generatedPath));
            sources.sheetOf().put(generatedPath, sheets.get(i));
            if (table.parameterSheets().get(i)) {
                sources.setUpPaths().add(generatedPath);
            }
        }
    }

    private void addStaffTable(RuleFile workbook, Map<String, RuleFile> byBasePath, DrlSources sources) {
        RuleFile form = byBasePath.get(StaffTableTranslator.formPath(workbook.path()));
        RuleFile template = byBasePath.get(StaffTableTranslator.templatePath(workbook.path()));
        String key = workbook.path() + "|"
                + contentHash(template == null ? List.of(workbook, form) : List.of(workbook, form, template));
        TranslatedTable table = ContentCaches.TRANSLATED_TABLES.getIfPresent(key);
        if (table == null) {
            try {
                table = described(List.of(StaffTableTranslator.translate(workbook, form, template)));
            } catch (TableTranslation.TranslationException e) {
                sources.problems().addAll(e.problems());
                return;
            }
            ContentCaches.TRANSLATED_TABLES.put(key, table);
        }
        addSheets(workbook, table, sources);
    }

    /**
     * A table's DRL per sheet, the package each declares (null where it does not parse), and
     * whether it is a parameter sheet: rows without conditions (a cut-off year, a threshold) that
     * conclude the same for every request, so they belong to the set-up run, not to a request.
     */
    record TranslatedTable(
            List<TableTranslation.SheetDrl> sheets, List<String> packages, List<Boolean> parameterSheets) {}

    /** Each sheet's DRL with the package it declares and whether it only sets parameters. */
    private TranslatedTable described(List<TableTranslation.SheetDrl> sheets) {
        List<String> packages = new ArrayList<>();
        List<Boolean> parameterSheets = new ArrayList<>();
        for (TableTranslation.SheetDrl sheet : sheets) {
            PackageDescr declared = parse(sheet.drl());
            packages.add(declared == null ? null : declared.getNamespace() == null ? "" : declared.getNamespace());
            parameterSheets.add(declared != null && isParameterSheet(declared));
        }
        return new TranslatedTable(
                sheets, java.util.Collections.unmodifiableList(packages), List.copyOf(parameterSheets));
    }

    /**
     * Every row without a condition and outside any agenda group (the catalogue's rows, fired only when a
     * request asks for the catalogue, are not parameters).
     */
    private static boolean isParameterSheet(PackageDescr sheet) {
        return !sheet.getRules().isEmpty()
                && sheet.getRules().stream()
                        .allMatch(rule -> rule.getLhs().getDescrs().isEmpty()
                                && !rule.getAttributes().containsKey("agenda-group"));
    }

    private static final String EXAMPLE_CAPABILITY_PACKAGE = "cn.wenzhou.renovation.eligibility";

    /** Capabilities in a stable order, so that a ruleset's KieBases are listed the same way on every build. */
    private static final java.util.Comparator<Capability> BY_NAME = java.util.Comparator.comparing(Capability::name);

    /** A rule file's package decides which capability's KieBase it joins; any other package would join none. */
    /**
     * A table in another capability's folder (copied there by hand, say) would add a second copy of that
     * capability's rules, and Drools would answer with a "Duplicate rule name" per rule: said once, in Chinese,
     * naming the folder it belongs in.
     */
    private static boolean misplaced(String path, String rulePackage, DrlSources sources) {
        java.util.Optional<Capability> capability =
                rulePackage == null ? java.util.Optional.empty() : Capability.ofRulePackage(rulePackage);
        String basePath = StaffTableTranslator.withoutCounty(path);
        String[] parts = basePath.split("/");
        if (capability.isEmpty()
                || parts.length < 3
                || parts[1].equals(capability.get().name())) {
            return false;
        }
        String county = path.equals(basePath) ? "" : path.split("/")[1] + "/" + path.split("/")[2] + "/";
        sources.problems()
                .add(RuleProblem.inFile(
                        path,
                        "表格放错了文件夹：其中的规则属于「" + capability.get().name() + "」，应放在 " + parts[0] + "/" + county
                                + capability.get().name() + "/ 下，而不是 " + parts[1] + "/"));
        return true;
    }

    private static java.util.Optional<Capability> assignCapability(
            String path, PackageDescr declared, DrlSources sources) {
        if (declared == null) {
            return java.util.Optional.empty(); // a syntax error: the build reports it with its line
        }
        return assignCapability(path, declared.getNamespace() == null ? "" : declared.getNamespace(), sources);
    }

    private static java.util.Optional<Capability> assignCapability(
            String path, String rulePackage, DrlSources sources) {
        if (rulePackage == null) {
            return java.util.Optional.empty(); // a syntax error: the build reports it with its line
        }
        java.util.Optional<Capability> capability = Capability.ofRulePackage(rulePackage);
        if (capability.isEmpty()) {
            sources.problems()
                    .add(RuleProblem.inFile(
                            path,
                            "规则包 package " + (rulePackage.isEmpty() ? "（未声明）" : rulePackage)
                                    + " 不属于任何决策能力，其中的规则不会被执行：应为某一决策能力的规则包（如 "
                                    + EXAMPLE_CAPABILITY_PACKAGE + "）或其子包"));
            return capability;
        }
        sources.rulePackages()
                .computeIfAbsent(capability.get(), c -> new TreeSet<>())
                .add(rulePackage);
        return capability;
    }

    /**
     * Building a ruleset runs it once with no facts: parameter rows fire, and their consequences read
     * the cell values. A value they cannot read (a share written 九成) fails there, and is reported at
     * its cell rather than when a request arrives.
     */
    private List<RuleProblem> unreadableCell(RuntimeException e, List<Rule> rules, DrlSources sources) {
        ConsequenceException failure = consequenceFailure(e);
        if (failure == null) {
            throw e;
        }
        String ruleName = failure.getMatch().getRule().getName();
        // The consequence's own exception says what it could not read (e.g. 无法识别的比例 '九成').
        Throwable thrown = failure.getCause() != null ? failure.getCause() : failure;
        String message = "规则执行失败，单元格取值无法识别: " + thrown.getMessage();
        for (TableTranslation.SheetDrl sheetDrl : sources.sheetOf().values()) {
            var located = sheetDrl.locateRule(ruleName, message);
            if (located.isPresent()) {
                return List.of(located.get());
            }
        }
        return List.of(RuleProblem.inFile(fileOfRule(rules, ruleName, sources), "规则 " + ruleName + ": " + message));
    }

    private static ConsequenceException consequenceFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConsequenceException consequence) {
                return consequence;
            }
        }
        return null;
    }

    private static String fileOfRule(List<Rule> rules, String ruleName, DrlSources sources) {
        return rules.stream()
                .filter(rule -> rule.getName().equals(ruleName))
                .findFirst()
                .map(rule -> sourceOf(rule, sources))
                .orElse("(ruleset)");
    }

    /** Drools adds "Parser returned a null Package" after a syntax error it has already reported. */
    private static List<RuleProblem> withoutFollowOnErrors(List<RuleProblem> problems) {
        List<RuleProblem> kept = problems.stream()
                .filter(p -> !p.message().contains("Parser returned a null Package")
                        && (p.technicalDetail() == null
                                || !p.technicalDetail().contains("Parser returned a null Package")))
                .toList();
        return kept.isEmpty() ? problems : kept;
    }

    /**
     * Where the engine's error lies, said in Chinese; the engine's text (English, Java, parser terms) goes to the
     * finding's technical detail. A table's row is found by the engine's text, which quotes the value at fault.
     */
    private RuleProblem locate(Message message, DrlSources sources) {
        String kiePath = withoutResourcesPrefix(message.getPath());
        TableTranslation.SheetDrl sheetDrl =
                kiePath == null ? null : sources.sheetOf().get(kiePath);
        String engineText = message.getText().strip();
        if (sheetDrl != null) {
            RuleProblem located = sheetDrl.locate(message.getLine(), engineText);
            return located.toldAs(
                    located.cell() == null
                            ? "表格生成的规则无法编译：请检查各行的取值，或请发布人员查看技术细节"
                            : "这一单元格所在的规则无法编译：请检查它的取值，或请发布人员查看技术细节",
                    engineText);
        }
        String file = kiePath == null ? "(ruleset)" : sources.sourceFileOf().getOrDefault(kiePath, kiePath);
        java.util.regex.Matcher duplicate = DUPLICATE_RULE.matcher(engineText);
        java.util.regex.Matcher ruleId = RULE_ID.matcher(engineText);
        String told = duplicate.find()
                ? "规则编号 " + duplicate.group(1) + " 重复：同一辖区的规则中已有同名规则，每条规则只能定义一次"
                : (message.getLine() > 0 ? "规则文件第 " + message.getLine() + " 行" : "规则文件")
                        + (ruleId.find() ? "（规则 " + ruleId.group() + "）" : "")
                        + "无法编译：请检查写法（详见技术细节）";
        return RuleProblem.atLine(file, message.getLine(), told).toldAs(told, engineText);
    }

    private static final java.util.regex.Pattern DUPLICATE_RULE =
            java.util.regex.Pattern.compile("Duplicate rule name: ?\"?([^\"\\s]+)");
    /** A rule id as this service writes them (ELIG-DECIDE-PRIORITY), when the engine's text names one. */
    private static final java.util.regex.Pattern RULE_ID =
            java.util.regex.Pattern.compile("\\b[A-Z][A-Z0-9]+(?:-[A-Z0-9]+){2,}\\b");

    private static Map<String, RuleClause> clausesOf(List<Rule> rules, DrlSources sources, List<RuleProblem> problems) {
        Map<String, RuleClause> clauses = new HashMap<>();
        for (Rule rule : rules) {
            String section = metadata(rule, "clause");
            String quote = metadata(rule, "quote");
            if (section == null || quote == null) {
                problems.add(RuleProblem.inFile(
                        sourceOf(rule, sources),
                        "规则 " + rule.getName() + " 未注明所依据的条款（@clause 与 @quote，决策表中为 METADATA 列）"));
                continue;
            }
            clauses.put(
                    rule.getName(),
                    new RuleClause(section, quote, metadata(rule, "interpretation"), metadata(rule, "source")));
        }
        return clauses;
    }

    /** Each rule's file, and for a decision-table row its sheet and rule id cell. */
    private static Map<String, RuleOrigin> originsOf(List<Rule> rules, DrlSources sources) {
        Map<String, RuleOrigin> origins = new HashMap<>();
        for (Rule rule : rules) {
            String kiePath = sources.drlPathOfRule().get(rule.getName());
            TableTranslation.SheetDrl sheet =
                    kiePath == null ? null : sources.sheetOf().get(kiePath);
            java.util.Optional<TableTranslation.GeneratedRule> row = sheet == null
                    ? java.util.Optional.empty()
                    : sheet.rules().stream()
                            .filter(r -> r.name().equals(rule.getName()))
                            .findFirst();
            origins.put(
                    rule.getName(),
                    new RuleOrigin(
                            sourceOf(rule, sources),
                            sheet == null ? null : sheet.sheet(),
                            row.map(TableTranslation.GeneratedRule::firstCell).orElse(null),
                            row.map(TableTranslation.GeneratedRule::valueCells).orElse(Map.of())));
        }
        return origins;
    }

    /**
     * The file a rule was written in, found in the DRL the files translated to rather than asked of the engine:
     * a rule of the executable model (the packaged rules, prebuilt) does not know its resource.
     */
    private static String sourceOf(Rule rule, DrlSources sources) {
        String kiePath = sources.drlPathOfRule().get(rule.getName());
        return kiePath == null ? rule.getPackageName() : sources.sourceFileOf().getOrDefault(kiePath, kiePath);
    }

    private static String metadata(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.isEmpty() ? null : text;
    }

    /** Drools reports paths with or without the KieFileSystem's {@code src/main/resources/} prefix. */
    private static String withoutResourcesPrefix(String path) {
        return path != null && path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }

    /** The file's package and rules as written, or null on a syntax error (the build reports it with its line). */
    private static PackageDescr parse(String drl) {
        try {
            DrlParser parser = new DrlParser();
            PackageDescr descr = parser.parse(false, new StringReader(drl));
            return parser.hasErrors() ? null : descr;
        } catch (DroolsParserException e) {
            return null;
        }
    }

    /**
     * Each code a form's drop-down offers, with the Chinese label the officer chose it by: an integrity rule's
     * finding that names a code (JOINT-ACCEPTANCE) names it as she sees it (「项目联合验收」).
     */
    private static Map<String, String> codeLabels(List<RuleFile> files) {
        Map<String, String> labels = new HashMap<>();
        for (RuleFile file : files) {
            if (!file.path().endsWith(".table.yaml")) {
                continue;
            }
            try {
                cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm.parse(
                                new String(file.content(), StandardCharsets.UTF_8))
                        .columns()
                        .forEach(column -> labels.putAll(column.codes()));
            } catch (RuntimeException e) {
                // a form that does not parse is reported where its table is read
            }
        }
        return labels;
    }

    /** The message with every code it names replaced by 「its label」, the longest codes first. */
    private static String labelled(String message, Map<String, String> labels) {
        String told = message;
        List<String> codes = labels.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String code : codes) {
            told = told.replaceAll(
                    "(?<![A-Za-z0-9_-])" + java.util.regex.Pattern.quote(code) + "(?![A-Za-z0-9_-])",
                    java.util.regex.Matcher.quoteReplacement("「" + labels.get(code) + "」"));
        }
        return told;
    }

    /**
     * The content hash of what the rules are: every file as it is, except a table, which counts as the
     * DRL its rows generate, and a workbook of golden cases, which counts as its cases' values; a county's files count under the base paths they override. Two workbooks that differ only in how a spreadsheet program saved them
     * (or in a cell no rule reads) have the same fingerprint.
     */
    private static String rulesFingerprint(List<RuleFile> files, DrlSources sources) {
        // Under the base's paths: a county's copy of a base table, unchanged, is the base's rules.
        List<RuleFile> meaning = new ArrayList<>();
        files.stream()
                .filter(f -> !f.isSpreadsheet())
                .forEach(f -> meaning.add(new RuleFile(StaffTableTranslator.withoutCounty(f.path()), f.content())));
        // Cases count as what they say: a re-saved workbook of cases is no change, an added case is one.
        sources.cases()
                .forEach(c -> meaning.add(new RuleFile(c.file(), c.meaning().getBytes(StandardCharsets.UTF_8))));
        sources.drlByPath().forEach((path, drl) -> {
            if (!path.equals(sources.sourceFileOf().get(path))) { // generated from a table
                meaning.add(
                        new RuleFile(StaffTableTranslator.withoutCounty(path), drl.getBytes(StandardCharsets.UTF_8)));
            }
        });
        meaning.sort(Comparator.comparing(RuleFile::path));
        return contentHash(meaning);
    }

    static String contentHash(List<RuleFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.path().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
