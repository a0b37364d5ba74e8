package cn.wenzhou.renovation.ruleset.authoring.tablecheck;

import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.authoring.diff.RuleTableContent;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
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
    record TableRules(
            Map<String, ColumnRule> columns,
            List<String> unique,
            Map<String, List<String>> complete,
            List<List<String>> combinations) {}

    /** What one column's cells must be. */
    record ColumnRule(String type, boolean required, String min, String max, List<String> values, List<String> also) {}

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
                checkCombinations(table.path(), content, rules, problems);
            }
        }
        return problems;
    }

    private static void checkCells(
            String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        // A staff table's form types its own columns (issue 20); a check naming a column it lacks is not about it.
        boolean staffTable = !content.columns().isEmpty()
                && content.columns().get(0).heading().equals(TableForm.ID_HEADER);
        for (RuleTableContent.TableRow row : content.rows().values()) {
            rules.columns().forEach((heading, rule) -> {
                if (staffTable
                        && content.columns().stream().noneMatch(c -> c.heading().equals(heading))) {
                    return;
                }
                RuleTableContent.TableRow.Cell cell = row.cells().get(heading);
                if (cell == null) {
                    if (rule.required()) {
                        problems.add(RuleProblem.atCell(
                                file,
                                content.sheet(),
                                cellOf(content, row, heading),
                                "规则 " + row.key() + " 的「" + heading + "」不能为空"));
                    }
                    return;
                }
                problemWith(rule, cell.text())
                        .ifPresent(message -> problems.add(RuleProblem.atCell(
                                file,
                                content.sheet(),
                                cell.reference(),
                                "规则 " + row.key() + " 的「" + heading + "」" + message)));
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

    private static void checkOverlaps(
            String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        if (rules.unique().isEmpty()) {
            return;
        }
        List<RuleTableContent.TableRow> seen = new java.util.ArrayList<>();
        for (RuleTableContent.TableRow row : content.rows().values()) {
            List<String> key = rules.unique().stream().map(h -> text(row, h)).toList();
            if (key.stream().allMatch(Objects::isNull)) {
                continue;
            }
            // A blank condition cell matches any value (Drools leaves that condition out), so it overlaps every row.
            RuleTableContent.TableRow first = seen.stream()
                    .filter(earlier -> rules.unique().stream()
                            .allMatch(h -> text(earlier, h) == null
                                    || text(row, h) == null
                                    || text(earlier, h).equals(text(row, h))))
                    .findFirst()
                    .orElse(null);
            seen.add(row);
            if (first == null) {
                continue;
            }
            String keyText = rules.unique().stream()
                    .map(h -> "「" + h + "」为 " + Objects.toString(text(row, h), "空白"))
                    .collect(Collectors.joining("、"));
            boolean sameAnswer = answer(first, content).equals(answer(row, content));
            problems.add(RuleProblem.atCell(
                    file,
                    content.sheet(),
                    row.cells().values().iterator().next().reference(),
                    (sameAnswer ? "重复: " : "重叠且结论不同: ") + "第 " + row.excelRow() + " 行（规则 " + row.key() + "）与第 "
                            + first.excelRow() + " 行（规则 " + first.key() + "）" + keyText
                            + (sameAnswer ? "，两行相同，请删去一行" : "，同一输入会得到两个结论")));
        }
    }

    private static void checkComplete(
            String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        rules.complete().forEach((heading, values) -> {
            for (String value : values) {
                boolean covered = content.rows().values().stream().anyMatch(row -> value.equals(text(row, heading)));
                if (!covered) {
                    problems.add(RuleProblem.atCell(
                            file,
                            content.sheet(),
                            null,
                            "空缺: 表「" + content.name() + "」没有「" + heading + "」为 " + value + " 的行，该情形无规则可判"));
                }
            }
        });
    }

    /**
     * Every combination of the listed columns' values must be decided by some row, a blank cell
     * standing for any value: e.g. each legal basis for each vote round. The values are the columns'
     * declared {@code values} (or 是/否, true/false for those types).
     */
    private static void checkCombinations(
            String file, RuleTableContent content, TableRules rules, List<RuleProblem> problems) {
        for (List<String> headings : rules.combinations()) {
            List<List<String>> domains = new java.util.ArrayList<>();
            for (String heading : headings) {
                List<String> domain = domainOf(rules.columns().get(heading));
                if (domain.isEmpty()) {
                    problems.add(RuleProblem.inFile(
                            file, "决策表校验要求: 表「" + content.name() + "」的列「" + heading + "」没有列出取值（values），无法检查组合是否齐全"));
                    return;
                }
                domains.add(domain);
            }
            for (List<String> combination : cartesian(domains)) {
                boolean covered = content.rows().values().stream().anyMatch(row -> {
                    for (int i = 0; i < headings.size(); i++) {
                        String cell = text(row, headings.get(i));
                        if (cell != null && !cell.equals(combination.get(i))) {
                            return false;
                        }
                    }
                    return true;
                });
                if (!covered) {
                    String which = java.util.stream.IntStream.range(0, headings.size())
                            .mapToObj(i -> "「" + headings.get(i) + "」为 " + combination.get(i))
                            .collect(Collectors.joining("、"));
                    problems.add(RuleProblem.atCell(
                            file,
                            content.sheet(),
                            null,
                            "空缺: 表「" + content.name() + "」没有行适用于" + which + "（空白单元格视为任意值），该输入组合无规则可判"));
                }
            }
        }
    }

    private static List<String> domainOf(ColumnRule rule) {
        if (rule == null) {
            return List.of();
        }
        if (!rule.values().isEmpty()) {
            return rule.values();
        }
        return switch (rule.type()) {
            case "yes-no" -> List.of("是", "否");
            case "true-false" -> List.of("true", "false");
            default -> List.of();
        };
    }

    private static List<List<String>> cartesian(List<List<String>> domains) {
        List<List<String>> combinations = List.of(List.of());
        for (List<String> domain : domains) {
            List<List<String>> longer = new java.util.ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : domain) {
                    List<String> next = new java.util.ArrayList<>(prefix);
                    next.add(value);
                    longer.add(List.copyOf(next));
                }
            }
            combinations = longer;
        }
        return combinations;
    }

    /** What a row decides: its ACTION cells (the rule id, description and citations say nothing about it). */
    private static Map<String, String> answer(RuleTableContent.TableRow row, RuleTableContent content) {
        Map<String, String> answer = new LinkedHashMap<>();
        content.columns().stream()
                .filter(c -> c.keyword().equals("ACTION"))
                .forEach(c -> answer.put(c.heading(), text(row, c.heading())));
        return answer;
    }

    private static String text(RuleTableContent.TableRow row, String heading) {
        RuleTableContent.TableRow.Cell cell = row.cells().get(heading);
        return cell == null ? null : cell.text();
    }

    private static String cellOf(RuleTableContent content, RuleTableContent.TableRow row, String heading) {
        return content.columns().stream()
                .filter(c -> c.heading().equals(heading))
                .findFirst()
                .map(c -> c.letter() + row.excelRow())
                .orElse(null);
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
        List<List<String>> combinations = map.get("combinations") instanceof List<?> list
                ? list.stream().map(TableChecks::strings).toList()
                : List.of();
        return new TableRules(columns, strings(map.get("unique")), complete, combinations);
    }

    private static ColumnRule columnRule(Object spec) {
        Map<?, ?> map = spec instanceof Map<?, ?> m ? m : Map.of();
        return new ColumnRule(
                Objects.toString(map.get("type"), "text"),
                Boolean.TRUE.equals(map.get("required")),
                map.get("min") == null ? null : map.get("min").toString(),
                map.get("max") == null ? null : map.get("max").toString(),
                strings(map.get("values")),
                strings(map.get("also")));
    }

    private static List<String> strings(Object values) {
        return values instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
