package cn.wenzhou.renovation.goldencases;

import cn.wenzhou.renovation.ruleset.engine.stafftable.FormColumn;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * How a workbook of golden cases looks and what its columns mean ({@code rules/<capability>/<name>.cases.yaml}): a
 * staff table form whose rows are cases (用例编号, 用例说明), plus, per column, either the request field it fills
 * ({@code input: deficiencies.functionsIncomplete}) or what it expects of the answer ({@code expect: decision}, a
 * property of the answer; {@code expect: decidedBy}, the rule that made the decision; {@code expect: reasons}, rule
 * ids the answer must give among its reasons). {@code part} names the decision asked, as a whole-project assessment
 * names its parts ({@code eligibility}, {@code funding}…).
 */
public record CaseForm(String part, TableForm table, List<Input> inputs, List<Expectation> expectations) {

    public static final String ID_HEADER = "用例编号";
    public static final String NAME_HEADER = "用例说明";

    /** A column that fills the request field at {@code path}. */
    public record Input(String path, FormColumn column) {}

    /** A column that says what the answer must be. */
    public record Expectation(Kind kind, String path, FormColumn column) {}

    public enum Kind {
        /** The answer's property at a path equals the cell. */
        ANSWER,
        /** The reason with effect DECISION names this rule. */
        DECIDED_BY,
        /** Each rule id in the cell is among the rule ids the answer gives. */
        REASONS
    }

    private static final Pattern PATH = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*");

    public static CaseForm parse(String yaml) {
        TableForm table = TableForm.parse(yaml).withIdAndNameHeaders(ID_HEADER, NAME_HEADER);
        if (table.isParameterTable()) {
            throw new TableForm.InvalidFormException("测试用例表应有 columns（每列一个输入或期望），不能是参数表");
        }
        if (!table.citations().isEmpty()) {
            throw new TableForm.InvalidFormException("测试用例表不引用条款：请写 citations: []");
        }
        if (table.nameValue().isEmpty()) {
            throw new TableForm.InvalidFormException("测试用例表须写 name: {key: caseName}：用例说明是每个用例的名字");
        }
        Map<?, ?> root = new Yaml().load(yaml);
        String part = String.valueOf(root.get("part"));
        if (!PATH.matcher(part).matches()) {
            throw new TableForm.InvalidFormException("测试用例表须用 part 指明判定哪一部分（如 eligibility），而不是“" + part + "”");
        }
        List<Input> inputs = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        List<?> specs = (List<?>) root.get("columns");
        for (int i = 0; i < specs.size(); i++) {
            Map<?, ?> spec = (Map<?, ?>) specs.get(i);
            FormColumn column = table.columns().get(i);
            Object input = spec.get("input");
            Object expect = spec.get("expect");
            if ((input == null) == (expect == null)) {
                throw new TableForm.InvalidFormException(
                        "“" + column.header() + "” 须有 input（填入请求的字段）或 expect（期望的结论）之一");
            }
            String path = String.valueOf(input != null ? input : expect);
            if (!PATH.matcher(path).matches()) {
                throw new TableForm.InvalidFormException(
                        "“" + column.header() + "” 的字段路径“" + path + "”应形如 deficiencies.functionsIncomplete");
            }
            if (input != null) {
                inputs.add(new Input(path, column));
            } else {
                Kind kind = switch (path) {
                    case "decidedBy" -> Kind.DECIDED_BY;
                    case "reasons" -> Kind.REASONS;
                    default -> Kind.ANSWER;
                };
                expectations.add(new Expectation(kind, path, column));
            }
        }
        if (expectations.isEmpty()) {
            throw new TableForm.InvalidFormException("测试用例表至少要有一列期望（expect）");
        }
        return new CaseForm(part, table, List.copyOf(inputs), List.copyOf(expectations));
    }
}
