package cn.wenzhou.renovation.ruleset.engine.stafftable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * How a staff table looks and what each of its values is ({@code rules/<capability>/<table>.table.yaml}): its
 * title and note, and either one column per value (a rule table: one rule per row) or one row per parameter
 * (a parameter table: a single 取值 column, each row's value under its own template key). Every table also has
 * 规则编号 and 名称 first and its citation columns last; the form names which citation columns it has. A rule table
 * may say what its rows must satisfy together ({@link RowChecks}).
 */
public record TableForm(
        String title,
        String note,
        List<Parameter> parameters,
        List<FormColumn> columns,
        List<Citation> citations,
        RowChecks checks,
        FormColumn name,
        String idHeader,
        String nameHeader) {

    /**
     * What a rule table's rows must satisfy together, by template key: {@code unique} columns no two rows may share
     * (a blank matching any value), {@code complete} choice columns each of whose choices needs a row, and
     * {@code combinations} of choice columns each combination of which needs a row (a blank matching any).
     */
    public record RowChecks(List<String> unique, List<String> complete, List<List<String>> combinations) {
        static final RowChecks NONE = new RowChecks(List.of(), List.of(), List.of());
    }

    public static final String ID_HEADER = "规则编号";
    public static final String NAME_HEADER = "名称";
    public static final String VALUE_HEADER = "取值";
    /** Template keys of the columns every table has. */
    public static final String ID_KEY = "id";

    /** One row of a parameter table: its rule id, and its value as a column of its own would be. */
    public record Parameter(String id, FormColumn value) {}

    /** A column citing the rule's source, and the template key it fills. */
    public enum Citation {
        CLAUSE("条款", "clause"),
        QUOTE("原文", "quote"),
        SOURCE("来源", "source"),
        INTERPRETATION("解释", "interpretation");

        private final String header;
        private final String key;

        Citation(String header, String key) {
            this.header = header;
            this.key = key;
        }

        public String header() {
            return header;
        }

        public String key() {
            return key;
        }

        /** As a column: text, which staff may leave empty (the integrity rules say which rules must cite). */
        public FormColumn column() {
            return new FormColumn(header, key, ValueType.TEXT, false, null, null, null, Map.of(), null);
        }
    }

    /**
     * The same form with other headers for its first two columns: a table of test cases numbers its rows 用例编号 and
     * describes them under 用例说明, read and written exactly as a rule table's 规则编号 and 名称.
     */
    public TableForm withIdAndNameHeaders(String id, String name) {
        return new TableForm(title, note, parameters, columns, citations, checks, this.name, id, name);
    }

    /** What one row is, as findings name it: 规则 (a rule table's row) or 用例 (a test case). */
    public String rowNoun() {
        return idHeader.endsWith("编号") ? idHeader.substring(0, idHeader.length() - 2) : idHeader;
    }

    public boolean isParameterTable() {
        return !parameters.isEmpty();
    }

    /** The sheet's headers in order: 规则编号, 名称, the values (or 取值), the citations. */
    public List<String> headers() {
        List<String> headers = new ArrayList<>(List.of(idHeader, nameHeader));
        if (isParameterTable()) {
            headers.add(VALUE_HEADER);
        } else {
            columns.forEach(c -> headers.add(c.header()));
        }
        citations.forEach(c -> headers.add(c.header()));
        return headers;
    }

    /**
     * The 名称 column as a value of the rule (a rule table whose rules carry a name, as a catalogue item's official
     * name), when the form gives it a key ({@code name: {key: officialName, required: true}}); otherwise 名称 is
     * for people only.
     */
    public Optional<FormColumn> nameValue() {
        return Optional.ofNullable(name);
    }

    /** Every template key the form fills: the rule id, the name's (if a value), each value's key, each citation's. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(ID_KEY));
        nameValue().ifPresent(n -> keys.add(n.key()));
        (isParameterTable() ? parameters.stream().map(Parameter::value) : columns.stream())
                .forEach(c -> keys.add(c.key()));
        citations.forEach(c -> keys.add(c.key()));
        return keys;
    }

    /** The value columns a template key belongs to (a parameter's or a column's), if any. */
    public Optional<FormColumn> valueOf(String key) {
        return java.util.stream.Stream.concat(
                        nameValue().stream(),
                        isParameterTable() ? parameters.stream().map(Parameter::value) : columns.stream())
                .filter(c -> c.key().equals(key))
                .findFirst();
    }

    /** Reads a form; what cannot be read is named in Chinese, for the publisher who wrote it. */
    public static TableForm parse(String yaml) throws InvalidFormException {
        Map<?, ?> root;
        try {
            root = new Yaml().load(yaml) instanceof Map<?, ?> map ? map : Map.of();
        } catch (YAMLException e) {
            throw new InvalidFormException("不是有效的 YAML：" + firstLine(e.getMessage()));
        }
        String title = text(root, "title", "表格");
        String note =
                root.get("note") == null ? "" : String.valueOf(root.get("note")).strip();
        List<Parameter> parameters = new ArrayList<>();
        List<FormColumn> columns = new ArrayList<>();
        if (root.get("parameters") instanceof List<?> list) {
            for (Object entry : list) {
                Map<?, ?> spec = map(entry, "parameters 的每一项");
                String id = text(spec, "id", "参数");
                parameters.add(new Parameter(id, column(spec, text(spec, "name", "参数 " + id))));
            }
        }
        if (root.get("columns") instanceof List<?> list) {
            for (Object entry : list) {
                Map<?, ?> spec = map(entry, "columns 的每一项");
                columns.add(column(spec, text(spec, "header", "列")));
            }
        }
        if (parameters.isEmpty() == columns.isEmpty()) {
            throw new InvalidFormException("应有 parameters（参数表）或 columns（规则表）之一，且只有一个");
        }
        List<Citation> citations = new ArrayList<>();
        Object cited = root.get("citations");
        for (Object name : cited instanceof List<?> list ? list : List.of("clause", "quote", "interpretation")) {
            citations.add(java.util.Arrays.stream(Citation.values())
                    .filter(c -> c.key().equals(String.valueOf(name)))
                    .findFirst()
                    .orElseThrow(() -> new InvalidFormException(
                            "citations 中的 “" + name + "” 不是可用的引用列（clause、quote、source、interpretation）")));
        }
        RowChecks checks = rowChecks(root, columns);
        FormColumn name = null;
        if (root.get("name") instanceof Map<?, ?> spec) {
            if (!parameters.isEmpty()) {
                throw new InvalidFormException("参数表的“名称”由表格定义给出，不能作为取值（name）");
            }
            name = new FormColumn(
                    NAME_HEADER,
                    text(spec, "key", "name"),
                    ValueType.TEXT,
                    Boolean.TRUE.equals(spec.get("required")),
                    null,
                    null,
                    null,
                    Map.of(),
                    null);
        }
        return new TableForm(
                title,
                note,
                List.copyOf(parameters),
                List.copyOf(columns),
                List.copyOf(citations),
                checks,
                name,
                ID_HEADER,
                NAME_HEADER);
    }

    private static RowChecks rowChecks(Map<?, ?> root, List<FormColumn> columns) {
        List<String> unique = keys(root.get("unique"), "unique", columns, false);
        List<String> complete = keys(root.get("complete"), "complete", columns, true);
        List<List<String>> combinations = new ArrayList<>();
        if (root.get("combinations") instanceof List<?> list) {
            for (Object entry : list) {
                combinations.add(keys(entry, "combinations", columns, true));
            }
        } else if (root.get("combinations") != null) {
            throw new InvalidFormException("combinations 应为列表的列表，如 [[basis, round]]");
        }
        return new RowChecks(unique, complete, List.copyOf(combinations));
    }

    /** Keys of columns the form has; for completeness, choice columns (code or yes-no), whose values are known. */
    private static List<String> keys(Object given, String what, List<FormColumn> columns, boolean choices) {
        if (given == null) {
            return List.of();
        }
        if (!(given instanceof List<?> list)) {
            throw new InvalidFormException(what + " 应为列的 key 的列表");
        }
        List<String> keys = new ArrayList<>();
        for (Object entry : list) {
            String key = String.valueOf(entry);
            FormColumn column = columns.stream()
                    .filter(c -> c.key().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new InvalidFormException(what + " 中的 “" + key + "” 不是本表的列"));
            if (choices && column.type() != ValueType.CODE && column.type() != ValueType.YES_NO) {
                throw new InvalidFormException(what + " 中的 “" + column.header() + "” 应为选项列或是/否列：只有它们的取值可以一一列举");
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private static FormColumn column(Map<?, ?> spec, String header) {
        String key = text(spec, "key", header);
        if (!key.matches("[a-z][A-Za-z0-9]*")) {
            throw new InvalidFormException("“" + header + "” 的 key “" + key + "” 应以小写字母开头，只含字母和数字");
        }
        String typeName = text(spec, "type", header);
        ValueType type = ValueType.named(typeName)
                .orElseThrow(() -> new InvalidFormException("“" + header + "” 的 type “" + typeName
                        + "” 不是可用的类型（integer、decimal、share、yes-no、date、code、codes、text）"));
        Map<String, String> codes = new LinkedHashMap<>();
        if (spec.get("codes") instanceof Map<?, ?> given) {
            given.forEach((code, label) -> codes.put(String.valueOf(code), String.valueOf(label)));
        }
        if ((type == ValueType.CODE || type == ValueType.CODES) && codes.isEmpty()) {
            throw new InvalidFormException("“" + header + "” 是选项列，须列出 codes（代码: 中文名称）");
        }
        return new FormColumn(
                header,
                key,
                type,
                Boolean.TRUE.equals(spec.get("required")),
                optional(spec, "min"),
                optional(spec, "max"),
                optional(spec, "unit"),
                codes,
                optional(spec, "none"));
    }

    private static Map<?, ?> map(Object entry, String what) {
        if (entry instanceof Map<?, ?> map) {
            return map;
        }
        throw new InvalidFormException(what + "应为键值对");
    }

    private static String text(Map<?, ?> spec, String name, String where) {
        Object value = spec.get(name);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new InvalidFormException("“" + where + "” 缺少 " + name);
        }
        return String.valueOf(value).strip();
    }

    private static String optional(Map<?, ?> spec, String name) {
        Object value = spec.get(name);
        return value == null ? null : String.valueOf(value).strip();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** A form that cannot be read: the reason, in Chinese. */
    public static final class InvalidFormException extends RuntimeException {
        public InvalidFormException(String reason) {
            super(reason);
        }
    }
}
