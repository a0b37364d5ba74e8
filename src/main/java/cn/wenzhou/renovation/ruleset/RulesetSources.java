package cn.wenzhou.renovation.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files one jurisdiction compiles: the Wenzhou base, or the base overlaid with a county's folder
 * (a file with the same path replaces the base file, any other file is added, everything else is
 * inherited), with which paths the county replaced and which it added.
 */
public record RulesetSources(JurisdictionDescriptor jurisdiction, List<RuleFile> files, Set<String> overridden,
        Set<String> added) {

    public static RulesetSources base(List<RuleFile> baseFiles) {
        return new RulesetSources(JurisdictionDescriptor.base(), List.copyOf(baseFiles), Set.of(), Set.of());
    }

    public static RulesetSources county(String code, List<RuleFile> baseFiles, List<RuleFile> countyFiles) {
        JurisdictionDescriptor descriptor = JurisdictionDescriptor.of(code, countyFiles);
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
            (merged.containsKey(inBase) ? overridden : added).add(inBase);
            merged.put(inBase, file);
        }
        return new RulesetSources(descriptor, new ArrayList<>(merged.values()), overridden, added);
    }

    /** {@code rules/counties/yueqing/eligibility/x.drl} stands in for {@code rules/eligibility/x.drl}. */
    static String basePath(String code, String countyPath) {
        return countyPath.replaceFirst("^([^/]+)/" + RuleSourceLoader.COUNTIES + "/" + java.util.regex.Pattern.quote(code) + "/", "$1/");
    }

    /** Every jurisdiction found under the two folders: the base first, then each county by code. */
    public static List<RulesetSources> load(String rulesDir, String decisionTablesDir) {
        RuleSourceLoader loader = new RuleSourceLoader();
        List<RuleFile> base = new ArrayList<>(loader.load(rulesDir, "rules"));
        base.addAll(loader.load(decisionTablesDir, "decision-tables"));
        Map<String, List<RuleFile>> counties = new java.util.TreeMap<>();
        loader.loadCounties(rulesDir, "rules").forEach((code, files) ->
                counties.computeIfAbsent(code, c -> new ArrayList<>()).addAll(files));
        loader.loadCounties(decisionTablesDir, "decision-tables").forEach((code, files) ->
                counties.computeIfAbsent(code, c -> new ArrayList<>()).addAll(files));
        List<RulesetSources> all = new ArrayList<>();
        all.add(base(base));
        counties.forEach((code, files) -> all.add(county(code, base, files)));
        return all;
    }
}
