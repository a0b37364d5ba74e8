package cn.wenzhou.renovation.ruleset.tablecheck;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;

import cn.wenzhou.renovation.exact.ExactRatio;
import cn.wenzhou.renovation.ruleset.RuleFile;
import cn.wenzhou.renovation.ruleset.RuleProblem;
import cn.wenzhou.renovation.ruleset.diff.RuleTableContent;

/**
 * Checks each rule table against {@code decision-tables/table-checks.yaml}: cells empty where a value
 * is required, of the wrong type or outside sane bounds; rows that overlap (the same key columns)
 * with different answers; values that must each have a row and have none. Every finding names the
 * file, sheet and cell and says in Chinese what is wrong. The checks are data beside the tables, so
 * a county that changes a table may change its checks too.
 */
public final class TableChecks {

    public static final String FILE = "decision-tables/table-checks.yaml";

    private final Map<String, TableRules> tables;

    private TableChecks(Map<String, TableRules> tables) {
        this.tables = tables;
    }

    /** What one table must satisfy. */
    record TableRules(Map<String, ColumnRule> columns, List<String> unique, Map<String, List<String>> complete) {
    }

    /** What one column's cells must be. */
    record ColumnRule(String type, boolean required, String min, String max, List<String> values, List<String> also) {
    }

    /** Reads the checks file; a file that cannot be read is itself a problem, reported at the file. */
    public static TableChecks parse(RuleFile file, List<RuleProblem> problems) {
        Map<String, TableRules> tables = new LinkedHashMap<>();
        try {
            Object loaded = new Yaml().load(new String(file.content(), StandardCharsets.UTF_8));
            Map<?, ?> root = loaded instanceof Map<?, ?> map ? map : Map.of();
            Map<?, ?> byTable = root.get("tables") instanceof Map<?, ?> map ? map : Map.of();
            byTable.forEach((name, spec) -> tables.put(String.valueOf(name), tableRules(spec)));
        } catch (RuntimeException e) {
            problems.add(RuleProblem.inFile(file.path(), "决策表校验要求无法读取: " + e.getMessage()));
        }
        return new TableChecks(tables);
    }

    public static TableChecks none() {
        return new TableChecks(Map.of());
    }

    /** Every finding in one decision-table file. */
    public List<RuleProblem> check(RuleFile table) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleTableContent> contents;
        try {
            contents = RuleTableContent.read(table.content());
        } catch (IOException | RuntimeException e) {
            return problems; // the compiler reports a workbook it cannot read
        }
        for (RuleTableContent content : contents) {
            TableRules rules = tables.get(content.name());
            if (rules != null) {
                checkCells(table.path(), content, rules, problems);
                checkOverlaps(table.path(), content, rules, problems);
                checkComplete(table.path(), content, rules, problems);
            }
        }
        return problems;
    }

    private static void checkCells(String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        for (RuleTableContent.TableRow row : content.rows().values()) {
            rules.columns().forEach((heading, rule) -> {
                RuleTableContent.TableRow.Cell cell = row.cells().get(heading);
                if (cell == null) {
                    if (rule.required()) {
                        problems.add(RuleProblem.atCell(file, content.sheet(), cellOf(content, row, heading),
                                "规则 " + row.key() + " 的「" + heading + "」不能为空"));
                    }
                    return;
                }
                problemWith(rule, cell.text()).ifPresent(message -> problems.add(RuleProblem.atCell(file, content.sheet(),
                        cell.reference(), "规则 " + row.key() + " 的「" + heading + "」" + message)));
            });
        }
    }

    /** Why a value does not fit its column, or empty when it does. */
    static Optional<String> problemWith(ColumnRule rule, String text) {
        if (rule.also().contains(text)) {
            return Optional.empty();
        }
        String also = rule.also().isEmpty() ? "" : "或 " + String.join("、", rule.also());
        switch (rule.type()) {
            case "integer" -> {
                BigInteger value;
                try {
                    value = new BigInteger(text.replace(",", ""));
                } catch (NumberFormatException e) {
                    return Optional.of("应为整数" + also + "，而不是 “" + text + "”");
                }
                if (rule.min() != null && value.compareTo(new BigInteger(rule.min())) < 0
                        || rule.max() != null && value.compareTo(new BigInteger(rule.max())) > 0) {
                    return Optional.of("为 " + text + "，超出合理范围 " + range(rule));
                }
            }
            case "share" -> {
                ExactRatio value;
                try {
                    value = ExactRatio.parse(text);
                } catch (IllegalArgumentException e) {
                    return Optional.of("应为比例（如 2/3、90%、0.9），而不是 “" + text + "”");
                }
                if (rule.min() != null && !value.isAtLeast(ExactRatio.parse(rule.min()))
                        || rule.max() != null && !ExactRatio.parse(rule.max()).isAtLeast(value)) {
                    return Optional.of("为 " + text + "，超出合理范围 " + range(rule));
                }
            }
            case "yes-no" -> {
                if (!text.equals("是") && !text.equals("否")) {
                    return Optional.of("应填 是 或 否" + also + "，而不是 “" + text + "”");
                }
            }
            case "true-false" -> {
                if (!text.equals("true") && !text.equals("false")) {
                    return Optional.of("应填 true 或 false，而不是 “" + text + "”");
                }
            }
            case "date" -> {
                try {
                    LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    return Optional.of("应为日期，写作 2021-01-01（单元格设为文本），而不是 “" + text + "”");
                }
            }
            case "code" -> {
                if (!rule.values().isEmpty() && !rule.values().contains(text)) {
                    return Optional.of("为 “" + text + "”，不是可用的代码（" + String.join("、", rule.values()) + "）");
                }
                if (rule.values().isEmpty() && !text.matches("[A-Za-z0-9_.\\-]+")) {
                    return Optional.of("应为代码（字母、数字、- 和 _），而不是 “" + text + "”");
                }
            }
            default -> {
                // text: any non-empty value
            }
        }
        return Optional.empty();
    }

    private static void checkOverlaps(String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        if (rules.unique().isEmpty()) {
            return;
        }
        Map<List<String>, RuleTableContent.TableRow> seen = new LinkedHashMap<>();
        for (RuleTableContent.TableRow row : content.rows().values()) {
            List<String> key = rules.unique().stream().map(h -> text(row, h)).toList();
            if (key.stream().allMatch(Objects::isNull)) {
                continue;
            }
            RuleTableContent.TableRow first = seen.putIfAbsent(key, row);
            if (first == null) {
                continue;
            }
            String keyText = rules.unique().stream().map(h -> "「" + h + "」为 " + Objects.toString(text(row, h), "空白"))
                    .collect(Collectors.joining("、"));
            boolean sameAnswer = answer(first, content).equals(answer(row, content));
            problems.add(RuleProblem.atCell(file, content.sheet(), row.cells().values().iterator().next().reference(),
                    (sameAnswer ? "重复: " : "重叠且结论不同: ") + "第 " + row.excelRow() + " 行（规则 " + row.key() + "）与第 "
                            + first.excelRow() + " 行（规则 " + first.key() + "）" + keyText
                            + (sameAnswer ? "，两行相同，请删去一行" : "，同一输入会得到两个结论")));
        }
    }

    private static void checkComplete(String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        rules.complete().forEach((heading, values) -> {
            for (String value : values) {
                boolean covered = content.rows().values().stream().anyMatch(row -> value.equals(text(row, heading)));
                if (!covered) {
                    problems.add(RuleProblem.atCell(file, content.sheet(), null, "空缺: 表「" + content.name() + "」没有「"
                            + heading + "」为 " + value + " 的行，该情形无规则可判"));
                }
            }
        });
    }

    /** What a row decides: its ACTION cells (the rule id, description and citations say nothing about it). */
    private static Map<String, String> answer(RuleTableContent.TableRow row, RuleTableContent content) {
        Map<String, String> answer = new LinkedHashMap<>();
        content.columns().stream().filter(c -> c.keyword().equals("ACTION"))
                .forEach(c -> answer.put(c.heading(), text(row, c.heading())));
        return answer;
    }

    private static String text(RuleTableContent.TableRow row, String heading) {
        RuleTableContent.TableRow.Cell cell = row.cells().get(heading);
        return cell == null ? null : cell.text();
    }

    private static String cellOf(RuleTableContent content, RuleTableContent.TableRow row, String heading) {
        return content.columns().stream().filter(c -> c.heading().equals(heading)).findFirst()
                .map(c -> c.letter() + row.excelRow()).orElse(null);
    }

    private static String range(ColumnRule rule) {
        return "[" + Objects.toString(rule.min(), "…") + ", " + Objects.toString(rule.max(), "…") + "]";
    }

    private static TableRules tableRules(Object spec) {
        Map<?, ?> map = spec instanceof Map<?, ?> m ? m : Map.of();
        Map<String, ColumnRule> columns = new LinkedHashMap<>();
        if (map.get("columns") instanceof Map<?, ?> byColumn) {
            byColumn.forEach((heading, rule) -> columns.put(String.valueOf(heading), columnRule(rule)));
        }
        Map<String, List<String>> complete = new LinkedHashMap<>();
        if (map.get("complete") instanceof Map<?, ?> byColumn) {
            byColumn.forEach((heading, values) -> complete.put(String.valueOf(heading), strings(values)));
        }
        return new TableRules(columns, strings(map.get("unique")), complete);
    }

    private static ColumnRule columnRule(Object spec) {
        Map<?, ?> map = spec instanceof Map<?, ?> m ? m : Map.of();
        return new ColumnRule(Objects.toString(map.get("type"), "text"), Boolean.TRUE.equals(map.get("required")),
                map.get("min") == null ? null : map.get("min").toString(), map.get("max") == null ? null : map.get("max").toString(),
                strings(map.get("values")), strings(map.get("also")));
    }

    private static List<String> strings(Object values) {
        return values instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
