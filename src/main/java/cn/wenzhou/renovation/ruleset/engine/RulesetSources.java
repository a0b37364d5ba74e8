package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files one jurisdiction compiles: the Wenzhou base, or the base overlaid with a county's folder
 * (a file with the same path replaces the base file, any other file is added, everything else is
 * inherited), with which paths the county replaced and which it added, and any problem with the
 * folder itself (a bad code or descriptor, a file replacing the law).
 */
public record RulesetSources(
        JurisdictionDescriptor jurisdiction,
        List<RuleFile> files,
        Set<String> overridden,
        Set<String> added,
        List<RuleProblem> problems) {

    /** Base paths a county may not replace or add to: the statutory floors ({@code rules/statute/}). */
    static final List<String> PROTECTED = List.of("rules/statute/", "decision-tables/statute/");

    public static RulesetSources base(List<RuleFile> baseFiles) {
        return new RulesetSources(JurisdictionDescriptor.base(), List.copyOf(baseFiles), Set.of(), Set.of(), List.of());
    }

    public static RulesetSources county(String code, List<RuleFile> baseFiles, List<RuleFile> countyFiles) {
        List<RuleProblem> problems = new ArrayList<>();
        JurisdictionDescriptor descriptor;
        try {
            descriptor = JurisdictionDescriptor.of(code, countyFiles);
        } catch (RulesetCompilationException e) {
            descriptor = new JurisdictionDescriptor(code, code, JurisdictionDescriptor.BASE, false, null);
            problems.addAll(e.problems());
        }
        Map<String, RuleFile> merged = new LinkedHashMap<>();
        baseFiles.forEach(f -> merged.put(f.path(), f));
        Set<String> overridden = new TreeSet<>();
        Set<String> added = new TreeSet<>();
        for (RuleFile file : countyFiles) {
            if (file.path().endsWith("/" + JurisdictionDescriptor.FILE_NAME)) {
                continue;
            }
            // The county file keeps its own path, so a problem in it names the county's file.
            String inBase = basePath(code, file.path());
            if (PROTECTED.stream().anyMatch(inBase::startsWith)) {
                problems.add(
                        RuleProblem.inFile(file.path(), "县（市、区）不能替换或增加法律底线规则（" + inBase + "）：可以比法律更严，但由本辖区的表决规则表达"));
                continue;
            }
            if (CaseForm.isCaseWorkbook(inBase) && merged.containsKey(inBase)) {
                problems.add(RuleProblem.inFile(
                        file.path(),
                        "县（市、区）不能替换市级的测试用例（" + inBase + "）：它们也要在本辖区判定一遍，以列出本辖区与市级的差异；本辖区的用例请另起文件名（如 "
                                + RulesetSources.countyPath(code, inBase.replaceFirst("[^/]+$", "local.cases.xlsx"))
                                + "）"));
                continue;
            }
            (merged.containsKey(inBase) ? overridden : added).add(inBase);
            merged.put(inBase, file);
        }
        return new RulesetSources(descriptor, new ArrayList<>(merged.values()), overridden, added, problems);
    }

    /** The version a ruleset compiled from these files has: the content hash of the files, in path order. */
    public String version() {
        return RulesetFiles.contentHash(files);
    }

    /** Where a county's override of a base file goes: {@code rules/x/y.drl} → {@code rules/counties/<code>/x/y.drl}. */
    public static String countyPath(String code, String basePath) {
        return basePath.replaceFirst("^([^/]+)/", "$1/" + RuleSourceLoader.COUNTIES + "/" + code + "/");
    }

    /** Each staff table among a ruleset's {@code files} with its form (title, headers), by the workbook's path. */
    public static Map<String, cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm> staffTables(
            List<RuleFile> files) {
        Map<String, cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm> forms =
                new java.util.TreeMap<>(StaffTableTranslator.formsOf(files));
        // The golden cases beside the tables are laid out and edited the same way.
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        files.forEach(f -> byPath.put(f.path(), f));
        for (RuleFile file : files) {
            if (!CaseForm.isCaseWorkbook(file.path())) {
                continue;
            }
            CaseForm.formPaths(file.path()).stream()
                    .map(byPath::get)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .ifPresent(form -> {
                        try {
                            forms.put(
                                    file.path(),
                                    CaseForm.parse(new String(form.content(), java.nio.charset.StandardCharsets.UTF_8))
                                            .table());
                        } catch (cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm.InvalidFormException e) {
                            // a served ruleset's forms were read when it was built; nothing to list otherwise
                        }
                    });
        }
        return forms;
    }

    /** {@code rules/counties/yueqing/eligibility/x.drl} stands in for {@code rules/eligibility/x.drl}. */
    public static String basePath(String code, String countyPath) {
        return countyPath.replaceFirst(
                "^([^/]+)/" + RuleSourceLoader.COUNTIES + "/" + java.util.regex.Pattern.quote(code) + "/", "$1/");
    }

    /**
     * Each jurisdiction's own files as found under the two folders, the base first, then each county
     * by code: the base's files, and each county's files with their own paths (descriptor included).
     */
    public static Map<String, List<RuleFile>> ownFiles(String rulesDir, String decisionTablesDir) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> base = new ArrayList<>(loader.load(rulesDir, "rules"));
        base.addAll(loader.load(decisionTablesDir, "decision-tables"));
        Map<String, List<RuleFile>> counties = new java.util.TreeMap<>();
        loader.loadCounties(rulesDir, "rules")
                .forEach((code, files) ->
                        counties.computeIfAbsent(code, c -> new ArrayList<>()).addAll(files));
        loader.loadCounties(decisionTablesDir, "decision-tables")
                .forEach((code, files) ->
                        counties.computeIfAbsent(code, c -> new ArrayList<>()).addAll(files));
        if (counties.containsKey(JurisdictionDescriptor.BASE)) {
            // It would stand in for the base itself; which one serves "wenzhou" must never be a guess.
            throw new RulesetCompilationException(
                    JurisdictionDescriptor.BASE,
                    List.of(RuleProblem.inFile(
                            RuleSourceLoader.COUNTIES + "/" + JurisdictionDescriptor.BASE,
                            "县（市、区）文件夹不能命名为 " + JurisdictionDescriptor.BASE + "：这是温州市基础规则的代码")));
        }
        Map<String, List<RuleFile>> all = new LinkedHashMap<>();
        all.put(JurisdictionDescriptor.BASE, List.copyOf(base));
        counties.forEach((code, files) -> all.put(code, List.copyOf(files)));
        return all;
    }

    /** A jurisdiction from its own files: the base as it is, a county over the given base files. */
    public static RulesetSources compose(String code, List<RuleFile> baseFiles, List<RuleFile> ownFiles) {
        return JurisdictionDescriptor.BASE.equals(code) ? base(ownFiles) : county(code, baseFiles, ownFiles);
    }

    /** Every jurisdiction found under the two folders: the base first, then each county by code. */
    public static List<RulesetSources> load(String rulesDir, String decisionTablesDir) {
        Map<String, List<RuleFile>> own = ownFiles(rulesDir, decisionTablesDir);
        List<RuleFile> base = own.get(JurisdictionDescriptor.BASE);
        return own.entrySet().stream()
                .map(e -> compose(e.getKey(), base, e.getValue()))
                .toList();
    }
}
