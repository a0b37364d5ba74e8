package cn.wenzhou.renovation.ruleset;

import java.io.IOException;
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

import org.apache.poi.ss.usermodel.Sheet;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
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
    private final DecisionTableTranslator translator = new DecisionTableTranslator();

    public CompiledRuleset compile(String jurisdiction, List<RuleFile> sourceFiles) {
        List<RuleFile> files = sourceFiles.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        String version = contentHash(files);
        List<RuleProblem> problems = new ArrayList<>();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        Map<String, String> sourceFileOf = new HashMap<>();
        Map<String, DecisionTableTranslator.SheetDrl> sheetOf = new HashMap<>();
        Map<String, RuleFile> fileByPath = new LinkedHashMap<>();
        int ruleFiles = 0;

        for (RuleFile file : files) {
            fileByPath.put(file.path(), file);
            if (file.isMisnamedSpreadsheet()) {
                problems.add(RuleProblem.inFile(file.path(),
                        "电子表格决策表须命名为 *.drl.xlsx（或 *.drl.xls），否则 Drools 不会编译它，其中的规则不会生效"));
            } else if (file.isDrl()) {
                ruleFiles++;
                String drl = new String(file.content(), StandardCharsets.UTF_8);
                if (declaredRuleCount(drl) == 0) {
                    problems.add(RuleProblem.inFile(file.path(), "文件中没有任何规则"));
                }
                String kiePath = RESOURCES + file.path();
                kfs.write(kiePath, drl);
                sourceFileOf.put(file.path(), file.path());
            } else if (file.isDecisionTable()) {
                ruleFiles++;
                addDecisionTable(file, kfs, sourceFileOf, sheetOf, problems);
            }
        }
        if (ruleFiles == 0) {
            problems.add(RuleProblem.inFile("(ruleset)", "没有找到任何规则文件（*.drl 或 *.drl.xlsx）"));
        }
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }

        ReleaseId releaseId = kieServices.newReleaseId("cn.wenzhou.renovation.rulesets", jurisdiction, "1.0.0-" + version);
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll(DrlProject.class);
        for (Message message : builder.getResults().getMessages()) {
            if (message.getLevel() == Message.Level.ERROR) {
                problems.add(locate(message, sourceFileOf, sheetOf, fileByPath));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }

        KieBase kieBase = kieServices.newKieContainer(releaseId).getKieBase();
        // The KieBase is built; keeping the module in the global repository would only hold memory.
        kieServices.getRepository().removeKieModule(releaseId);

        Map<String, RuleClause> clauses = clausesOf(kieBase, sourceFileOf, problems);
        if (!problems.isEmpty()) {
            throw new RulesetCompilationException(jurisdiction, problems);
        }
        log.info("Compiled ruleset {} version {}: {} rules from {} files", jurisdiction, version, clauses.size(), files.size());
        return new CompiledRuleset(jurisdiction, version, kieBase, clauses, files.stream().map(RuleFile::path).toList());
    }

    private void addDecisionTable(RuleFile file, KieFileSystem kfs, Map<String, String> sourceFileOf,
            Map<String, DecisionTableTranslator.SheetDrl> sheetOf, List<RuleProblem> problems) {
        List<DecisionTableTranslator.SheetDrl> sheets;
        try {
            sheets = translator.translate(file);
        } catch (DecisionTableTranslator.TranslationException e) {
            problems.add(e.problem());
            return;
        }
        int rules = sheets.stream().mapToInt(s -> s.rules().size()).sum();
        if (rules == 0) {
            problems.add(RuleProblem.inFile(file.path(), "决策表没有生成任何规则（缺少 RuleSet / RuleTable，或规则行为空）"));
            return;
        }
        for (int i = 0; i < sheets.size(); i++) {
            String generatedPath = file.path() + ".sheet" + (i + 1) + ".drl";
            kfs.write(RESOURCES + generatedPath, sheets.get(i).drl());
            sourceFileOf.put(generatedPath, file.path());
            sheetOf.put(generatedPath, sheets.get(i));
        }
    }

    private RuleProblem locate(Message message, Map<String, String> sourceFileOf,
            Map<String, DecisionTableTranslator.SheetDrl> sheetOf, Map<String, RuleFile> fileByPath) {
        String kiePath = withoutResourcesPrefix(message.getPath());
        DecisionTableTranslator.SheetDrl sheetDrl = kiePath == null ? null : sheetOf.get(kiePath);
        if (sheetDrl != null) {
            try {
                Sheet sheet = translator.sheet(fileByPath.get(sheetDrl.file()), sheetDrl.sheet());
                return sheetDrl.locate(message.getLine(), message.getText(), sheet, translator.formatter());
            } catch (IOException e) {
                return RuleProblem.atCell(sheetDrl.file(), sheetDrl.sheet(), null, message.getText());
            }
        }
        String file = kiePath == null ? "(ruleset)" : sourceFileOf.getOrDefault(kiePath, kiePath);
        return RuleProblem.atLine(file, message.getLine(), message.getText().strip());
    }

    private static Map<String, RuleClause> clausesOf(KieBase kieBase, Map<String, String> sourceFileOf,
            List<RuleProblem> problems) {
        Map<String, RuleClause> clauses = new HashMap<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                String section = metadata(rule, "clause");
                String quote = metadata(rule, "quote");
                if (section == null || quote == null) {
                    problems.add(RuleProblem.inFile(sourceOf(rule, sourceFileOf),
                            "规则 " + rule.getName() + " 未注明所依据的条款（@clause 与 @quote，决策表中为 METADATA 列）"));
                    continue;
                }
                clauses.put(rule.getName(), new RuleClause(section, quote, metadata(rule, "interpretation")));
            }
        }
        return clauses;
    }

    private static String sourceOf(Rule rule, Map<String, String> sourceFileOf) {
        if (rule instanceof RuleImpl impl && impl.getResource() != null) {
            String kiePath = withoutResourcesPrefix(impl.getResource().getSourcePath());
            return sourceFileOf.getOrDefault(kiePath, kiePath);
        }
        return rule.getPackageName();
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

    private static int declaredRuleCount(String drl) {
        try {
            PackageDescr descr = new DrlParser().parse(false, new StringReader(drl));
            return descr == null ? -1 : descr.getRules().size();
        } catch (DroolsParserException e) {
            return -1; // a syntax error: the build reports it with its line
        }
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
