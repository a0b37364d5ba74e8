package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads rule files from a folder on the classpath (the jar's embedded copy) or on disk, giving each
 * a path relative to the ruleset root, e.g. {@code rules/eligibility/scope.drl}.
 */
public final class RuleSourceLoader {

    /** The folder, inside {@code rules/} and {@code decision-tables/}, that holds one folder per county variant. */
    public static final String COUNTIES = "counties";

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    /**
     * @param location   {@code classpath:rules}, {@code file:/srv/rules} or a plain path
     * @param folderName the name the folder has in a ruleset ({@code rules} or {@code decision-tables})
     */
    public List<RuleFile> load(String location, String folderName) {
        return loadAll(location, folderName).stream()
                .filter(f -> !f.path().startsWith(folderName + "/" + COUNTIES + "/"))
                .filter(f -> !f.path().endsWith("/" + JurisdictionDescriptor.FILE_NAME))
                .toList();
    }

    /**
     * The county variants under {@code <folder>/counties/<code>/}: for each code, its files (with
     * their own paths, e.g. {@code rules/counties/yueqing/eligibility/x.drl}) and its
     * {@code jurisdiction.yaml} if it has one.
     */
    public Map<String, List<RuleFile>> loadCounties(String location, String folderName) {
        String prefix = folderName + "/" + COUNTIES + "/";
        Map<String, List<RuleFile>> counties = new TreeMap<>();
        for (RuleFile file : loadAll(location, folderName)) {
            if (!file.path().startsWith(prefix)) {
                continue;
            }
            String rest = file.path().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            String code = rest.substring(0, slash);
            counties.computeIfAbsent(code, c -> new ArrayList<>()).add(file);
        }
        return counties;
    }

    private List<RuleFile> loadAll(String location, String folderName) {
        String base = normalise(location);
        try {
            Resource root = resolver.getResource(base + "/");
            if (!root.exists()) {
                throw new RulesetCompilationException("(loading)", List.of(RuleProblem.inFile(location, "规则目录不存在")));
            }
            String rootUri = root.getURI().toString();
            List<RuleFile> files = new ArrayList<>();
            for (Resource resource : resolver.getResources(base + "/**/*")) {
                String uri = resource.getURI().toString();
                String name = resource.getFilename();
                if (uri.endsWith("/")
                        || !uri.startsWith(rootUri)
                        || name == null
                        || isIgnored(name)
                        || !resource.isReadable()) {
                    continue;
                }
                try (InputStream in = resource.getInputStream()) {
                    String relative = URLDecoder.decode(
                            uri.substring(rootUri.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
                    files.add(new RuleFile(folderName + "/" + relative, in.readAllBytes()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new RulesetCompilationException(
                    "(loading)", List.of(RuleProblem.inFile(location, "无法读取规则目录: " + e.getMessage())));
        }
    }

    private static String normalise(String location) {
        String trimmed = location.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.startsWith("classpath:") || trimmed.startsWith("file:")) {
            return trimmed;
        }
        return "file:" + Path.of(trimmed).toAbsolutePath().normalize();
    }

    /**
     * Editor lock files (~$x.xlsx), hidden files and anything that is not DRL, a spreadsheet (a table or its golden
     * cases), a table's form or template, a form of cases, or a county's descriptor.
     */
    private static boolean isIgnored(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean ruleLike = lower.endsWith(".drl")
                || lower.endsWith(".xlsx")
                || lower.endsWith(".xls")
                || lower.endsWith(StaffTableTranslator.TEMPLATE_SUFFIX)
                || lower.endsWith(StaffTableTranslator.FORM_SUFFIX)
                || lower.endsWith(CaseForm.FORM_SUFFIX)
                || name.equals(JurisdictionDescriptor.FILE_NAME);
        return name.startsWith("~$") || name.startsWith(".") || !ruleLike;
    }
}
