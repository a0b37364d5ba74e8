package cn.wenzhou.renovation.ruleset.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Who a ruleset is for: the stable code used in requests, the Chinese name shown in listings, the
 * jurisdiction it inherits from, and whether it is a fictitious demonstration rather than real policy.
 * A county states it in {@code jurisdiction.yaml} in its folder; a county folder without one is refused.
 */
public record JurisdictionDescriptor(String code, String name, String parent, boolean demonstration, String source) {

    public static final String FILE_NAME = "jurisdiction.yaml";
    public static final String BASE = "wenzhou";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public static JurisdictionDescriptor base() {
        return new JurisdictionDescriptor(BASE, "温州市", null, false, "《温州市城镇老旧小区改造工作指南（试行）》，2020年9月1日起施行");
    }

    /** Reads a county's descriptor; a code that is not lower-case letters, digits and hyphens is refused. */
    public static JurisdictionDescriptor of(String code, List<RuleFile> countyFiles) {
        if (!CODE.matcher(code).matches()) {
            throw new RulesetCompilationException(
                    code, List.of(RuleProblem.inFile("counties/" + code, "县（市、区）文件夹名应为小写字母、数字和连字符，如 yueqing")));
        }
        return countyFiles.stream()
                .filter(f -> f.path().endsWith("/" + FILE_NAME))
                .findFirst()
                .map(f -> parse(code, new String(f.content(), StandardCharsets.UTF_8)))
                .orElseThrow(() -> new RulesetCompilationException(
                        code,
                        List.of(RuleProblem.inFile(
                                "rules/counties/" + code + "/" + FILE_NAME,
                                "县（市、区）文件夹 " + code + " 缺少 " + FILE_NAME + "：请写明辖区名称（name）、上级（parent: " + BASE
                                        + "）和本地依据文件（source），否则不知道这些规则属于哪里、依据什么，不予启用"))));
    }

    private static JurisdictionDescriptor parse(String code, String yaml) {
        Object loaded;
        try {
            loaded = new Yaml().load(yaml);
        } catch (RuntimeException e) {
            throw new RulesetCompilationException(
                    code, List.of(RuleProblem.inFile("counties/" + code + "/" + FILE_NAME, "无法读取: " + e.getMessage())));
        }
        Map<?, ?> fields = loaded instanceof Map<?, ?> map ? map : Map.of();
        String parent = text(fields.get("parent"), BASE);
        if (!BASE.equals(parent)) {
            throw new RulesetCompilationException(
                    code,
                    List.of(RuleProblem.inFile(
                            "counties/" + code + "/" + FILE_NAME, "parent 只能是 " + BASE + "：县（市、区）规则以温州市规则为基础")));
        }
        return new JurisdictionDescriptor(
                code,
                text(fields.get("name"), code),
                parent,
                Boolean.TRUE.equals(fields.get("demonstration")),
                text(fields.get("source"), null));
    }

    private static String text(Object value, String otherwise) {
        return value == null || value.toString().isBlank()
                ? otherwise
                : value.toString().strip();
    }
}
