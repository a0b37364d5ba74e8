package cn.wenzhou.renovation.ruleset.engine.stafftable;

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
 * ids the answer must give among its reasons). An answer's path may pick one element of a list by a property
 * ({@code steps[step=FEASIBILITY_STUDY].treatment}) or gather a property of every element
 * ({@code missingDocuments[].code}). {@code decision} names the decision asked by its endpoint
 * ({@code /api/v1/eligibility}): the cases go through the very decider a portal's request reaches.
 */
public record CaseForm(String decision, TableForm table, List<Input> inputs, List<Expectation> expectations) {

    /** {@code decision-tables/eligibility/eligibility.cases.xlsx}: a workbook of cases, beside the tables it tests. */
    public static final String WORKBOOK_SUFFIX = ".cases.xlsx";
    /** {@code rules/eligibility/eligibility.cases.yaml}: its form, beside the rules. */
    public static final String FORM_SUFFIX = ".cases.yaml";

    public static final String ID_HEADER = "用例编号";
    public static final String NAME_HEADER = "用例说明";

    /**
     * One step of a path, read once with the form: a property, and for a list either one element by a property's
     * code ({@code steps[step=FEASIBILITY_STUDY]}: {@code key} step, {@code code} FEASIBILITY_STUDY) or every element
     * ({@code missingDocuments[]}: {@code list} without a key).
     */
    public record Step(String property, boolean list, String key, String code) {

        public boolean everyElement() {
            return list && key == null;
        }
    }

    /** A column that fills the request field at {@code path}. */
    public record Input(String path, List<Step> steps, FormColumn column) {}

    /**
     * A column that says what the answer must be; {@code withinText} when its texts need only appear within the
     * answer's ({@code match: within}, for sentences such as a blocker's message).
     */
    public record Expectation(Kind kind, String path, List<Step> steps, FormColumn column, boolean withinText) {}

    public enum Kind {
        /** The answer's property at a path equals the cell. */
        ANSWER,
        /** The reason with effect DECISION names this rule. */
        DECIDED_BY,
        /** Each rule id in the cell is among the rule ids the answer gives. */
        REASONS
    }

    /** A path into the request: a property, a list of the cell's texts ({@code plannedItems[]}), or a count of
     * elements with one answer ({@code responses[satisfaction=VERY_SATISFIED]}). */
    private static final Pattern PATH =
            Pattern.compile("[a-z][A-Za-z0-9]*((\\.[a-z][A-Za-z0-9]*)*|\\[([a-z][A-Za-z0-9]*=[A-Z0-9_]+)?\\])");

    /** The endpoint whose decision the cases ask, as the spec names it. */
    private static final Pattern DECISION = Pattern.compile("/api/v1(/[a-z][a-z-]*)+");

    /** A path into the answer: a property, or a list's element by a property's code, or every element's property. */
    private static final String ANSWER_SEGMENT = "[a-z][A-Za-z0-9]*(\\[([a-z][A-Za-z0-9]*=[A-Z0-9_]+)?\\])?";

    private static final Pattern ANSWER_PATH = Pattern.compile(ANSWER_SEGMENT + "(\\." + ANSWER_SEGMENT + ")*");

    private static final Pattern STEP =
            Pattern.compile("([a-z][A-Za-z0-9]*)(\\[(?:([a-z][A-Za-z0-9]*)=([A-Z0-9_]+))?\\])?");

    /** The steps of a path the form's patterns have accepted: {@code steps[step=X].treatment} → two steps. */
    public static List<Step> steps(String path) {
        List<Step> steps = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            var step = STEP.matcher(segment);
            if (!step.matches()) {
                throw new IllegalArgumentException("Not a path: " + path);
            }
            steps.add(new Step(step.group(1), step.group(2) != null, step.group(3), step.group(4)));
        }
        return List.copyOf(steps);
    }

    public static boolean isCaseWorkbook(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(WORKBOOK_SUFFIX);
    }

    public static boolean isCaseForm(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(FORM_SUFFIX);
    }

    /**
     * Where the form of a workbook of cases may be, in order: beside the rules under the workbook's own name
     * ({@code decision-tables/x/y.cases.xlsx} → {@code rules/x/y.cases.yaml}), a county's under
     * {@code rules/counties/<code>/} before the base's; then the capability's form of cases ({@code rules/x/x.cases.yaml}),
     * which a county's own workbook of cases ({@code decision-tables/counties/<code>/x/z.cases.xlsx}, named apart
     * from the base's so the base's cases still run against the county) uses.
     */
    public static List<String> formPaths(String workbookPath) {
        String own = "rules"
                + workbookPath.substring("decision-tables".length(), workbookPath.length() - WORKBOOK_SUFFIX.length())
                + FORM_SUFFIX;
        String folder = own.substring(0, own.lastIndexOf('/'));
        String capability = folder.substring(folder.lastIndexOf('/') + 1);
        String capabilityForm = folder + "/" + capability + FORM_SUFFIX;
        java.util.LinkedHashSet<String> paths = new java.util.LinkedHashSet<>();
        for (String path : List.of(own, capabilityForm)) {
            paths.add(path);
            paths.add(path.replaceFirst("^rules/counties/[^/]+/", "rules/"));
        }
        return List.copyOf(paths);
    }

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
        String decision = String.valueOf(root.get("decision"));
        if (!DECISION.matcher(decision).matches()) {
            throw new TableForm.InvalidFormException(
                    "测试用例表须用 decision 指明问哪一项判定（接口路径，如 /api/v1/eligibility），而不是“" + decision + "”");
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
            if (!(input != null ? PATH : ANSWER_PATH).matcher(path).matches()) {
                throw new TableForm.InvalidFormException(
                        "“" + column.header() + "” 的字段路径“" + path + "”应形如 deficiencies.functionsIncomplete");
            }
            if (input != null) {
                inputs.add(new Input(path, steps(path), column));
            } else {
                Kind kind = switch (path) {
                    case "decidedBy" -> Kind.DECIDED_BY;
                    case "reasons" -> Kind.REASONS;
                    default -> Kind.ANSWER;
                };
                Object match = spec.get("match");
                if (match != null && !"within".equals(match)) {
                    throw new TableForm.InvalidFormException(
                            "“" + column.header() + "” 的 match 只能是 within（所填文字出现在结论的文字中即可）");
                }
                expectations.add(new Expectation(kind, path, steps(path), column, match != null));
            }
        }
        if (expectations.isEmpty()) {
            throw new TableForm.InvalidFormException("测试用例表至少要有一列期望（expect）");
        }
        return new CaseForm(decision, table, List.copyOf(inputs), List.copyOf(expectations));
    }
}
