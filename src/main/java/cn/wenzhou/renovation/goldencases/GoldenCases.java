package cn.wenzhou.renovation.goldencases;

import cn.wenzhou.renovation.api.model.FieldError;
import cn.wenzhou.renovation.assessment.InventoryWorkbook;
import cn.wenzhou.renovation.assessment.ProjectAssessor;
import cn.wenzhou.renovation.ruleset.authoring.RulesetScenarios;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseRows;
import cn.wenzhou.renovation.ruleset.engine.stafftable.FormColumn;
import cn.wenzhou.renovation.ruleset.engine.stafftable.StaffTableRows;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The golden cases policy staff keep beside their tables ({@code decision-tables/<capability>/<name>.cases.xlsx}, one
 * case per row: the inputs in Chinese columns, the decision expected and the rule expected to make it), which come
 * with the rules (a version holds its cases; the ruleset read them when it was built), each asked of the ruleset
 * through the same decider a portal reaches. A county's own cases run against the county; the base's cases
 * run against every county too, so a county without cases of its own is never silently uncovered, and where the
 * county answers otherwise the case is listed as the county's difference. Results are kept per ruleset version.
 */
@Component
public class GoldenCases implements RulesetScenarios {

    private static final String COUNTY_TABLES = "decision-tables/" + RuleSourceLoader.COUNTIES + "/";

    /**
     * One case that does not hold: where (file, sheet, cell, row), what was expected and given, and every rule the
     * answer named (none when the case could not be decided).
     */
    public record CaseFailure(
            RuleProblem problem, String file, int row, boolean baseCaseOnCounty, Set<String> answeredRules) {}

    /** A case's outcome: its problem, if it does not hold, and the rules its answer named. */
    private record Outcome(Optional<RuleProblem> problem, Set<String> answeredRules) {

        static Outcome failed(RuleProblem problem) {
            return new Outcome(Optional.of(problem), Set.of());
        }
    }

    /** A ruleset's run: the cases that do not hold, and how many cases were asked. */
    public record Run(List<CaseFailure> failures, int cases) {

        public List<CaseFailure> ownFailures() {
            return failures.stream().filter(f -> !f.baseCaseOnCounty()).toList();
        }

        public List<CaseFailure> baseDifferences() {
            return failures.stream().filter(CaseFailure::baseCaseOnCounty).toList();
        }
    }

    private final ProjectAssessor assessor;
    private final ObjectMapper json;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    private final Cache<String, Run> runs =
            Caffeine.newBuilder().maximumSize(16).build();

    GoldenCases(ProjectAssessor assessor, ObjectMapper json) {
        this.assessor = assessor;
        this.json = json;
    }

    @Override
    public List<RuleProblem> failures(CompiledRuleset ruleset) {
        return run(ruleset).failures().stream().map(CaseFailure::problem).toList();
    }

    /** The cases that hold on the active ruleset and not on the candidate, each named by its file and row. */
    @Override
    public List<RuleProblem> changedBy(CompiledRuleset active, CompiledRuleset candidate) {
        Set<String> before = active == null
                ? Set.of()
                : run(active).failures().stream().map(GoldenCases::key).collect(Collectors.toSet());
        return run(candidate).failures().stream()
                .filter(f -> !before.contains(key(f)))
                .map(CaseFailure::problem)
                .toList();
    }

    private static String key(CaseFailure failure) {
        return failure.file() + "#" + failure.row();
    }

    /** Every case of the jurisdiction (and, for a county, the base's) asked of {@code ruleset}. */
    public Run run(CompiledRuleset ruleset) {
        return runs.get(ruleset.jurisdiction() + "|" + ruleset.version(), k -> ask(ruleset));
    }

    /** The workbooks of cases a ruleset answers: its own, and for a county the base's as well. */
    public List<String> caseWorkbooks(CompiledRuleset ruleset) {
        return ruleset.cases().stream().map(CaseRows::file).toList();
    }

    private Run ask(CompiledRuleset ruleset) {
        List<CaseFailure> failures = new ArrayList<>();
        int cases = 0;
        for (CaseRows workbook : ruleset.cases()) {
            // A county's ruleset holds the base's cases and its own (under decision-tables/counties/<code>/).
            boolean baseCaseOnCounty = !JurisdictionDescriptor.BASE.equals(ruleset.jurisdiction())
                    && !workbook.file().startsWith(COUNTY_TABLES + ruleset.jurisdiction() + "/");
            for (StaffTableRows.Row row : workbook.rows()) {
                Outcome outcome =
                        ask(ruleset, workbook.form(), workbook.file(), workbook.sheet(), row, baseCaseOnCounty);
                outcome.problem()
                        .ifPresent(p -> failures.add(new CaseFailure(
                                p, workbook.file(), row.excelRow(), baseCaseOnCounty, outcome.answeredRules())));
            }
            cases += workbook.rows().size();
        }
        return new Run(List.copyOf(failures), cases);
    }

    /** One case: its request built from the typed cells, decided, and each expectation compared. */
    private Outcome ask(
            CompiledRuleset ruleset,
            CaseForm form,
            String path,
            String sheet,
            StaffTableRows.Row row,
            boolean baseCaseOnCounty) {
        String name =
                form.table().nameValue().map(n -> row.literals().get(n.key())).orElse(row.id());
        String which = (baseCaseOnCounty ? "（市级测试用例在本县的判定）" : "") + "测试用例第 " + row.excelRow() + " 行「" + name + "」";
        List<CaseForm.Expectation> expected = form.expectations().stream()
                .filter(e -> row.literals().get(e.column().key()) != null)
                .toList();
        if (expected.isEmpty()) {
            return Outcome.failed(RuleProblem.atCell(
                    path,
                    sheet,
                    row.cells().get(TableForm.ID_KEY),
                    which + "没有填写任何期望：请至少填写" + headers(form.expectations())));
        }
        ObjectNode request = nodes.objectNode();
        for (CaseForm.Input input : form.inputs()) {
            String literal = row.literals().get(input.column().key());
            if (literal != null) {
                InventoryWorkbook.put(request, input.path(), value(input.column(), literal));
            }
        }
        ObjectNode item = nodes.objectNode();
        item.set(form.part(), request);
        ProjectAssessor.AssessedItem assessed = assessor.assessItem(0, item, ruleset);
        if (!assessed.valid()) {
            return Outcome.failed(refused(form, path, sheet, row, which, assessed));
        }
        Object answer = assessed.assessment().answers().get(form.part());
        if (answer == null) {
            return Outcome.failed(RuleProblem.atCell(
                    path,
                    sheet,
                    row.cells().get(TableForm.ID_KEY),
                    which + "没有得到判定：表格定义的 part “" + form.part() + "”不是可判定的部分"));
        }
        JsonNode answered = json.valueToTree(answer);
        String decidedBy = decidingRule(answered);
        List<String> wrong = new ArrayList<>();
        String firstWrongCell = null;
        for (CaseForm.Expectation expectation : expected) {
            String literal = row.literals().get(expectation.column().key());
            Optional<String> mismatch = mismatch(expectation, literal, answered, decidedBy);
            if (mismatch.isPresent()) {
                wrong.add(mismatch.get());
                firstWrongCell = firstWrongCell == null
                        ? row.cells().get(expectation.column().key())
                        : firstWrongCell;
            }
        }
        Set<String> answeredRules = ruleIds(answered);
        if (wrong.isEmpty()) {
            return new Outcome(Optional.empty(), answeredRules);
        }
        return new Outcome(
                Optional.of(RuleProblem.atCell(
                        path,
                        sheet,
                        firstWrongCell,
                        which + "：" + String.join("；", wrong) + "，由规则 " + (decidedBy == null ? "（无）" : decidedBy)
                                + " 作出")),
                answeredRules);
    }

    /** 「期望结论」期望 重点改造，实际 可纳入改造范围 — or empty when the answer gives what the cell expects. */
    private Optional<String> mismatch(
            CaseForm.Expectation expectation, String literal, JsonNode answered, String decidedBy) {
        FormColumn column = expectation.column();
        String header = "「" + column.header() + "」";
        return switch (expectation.kind()) {
            case DECIDED_BY ->
                literal.equals(decidedBy)
                        ? Optional.empty()
                        : Optional.of(header + "期望 " + literal + "，实际 " + (decidedBy == null ? "无" : decidedBy));
            case REASONS -> {
                Set<String> given = ruleIds(answered);
                List<String> missing = Arrays.stream(literal.split("[;；、,，\\s]+"))
                        .filter(id -> !id.isBlank() && !given.contains(id))
                        .toList();
                yield missing.isEmpty()
                        ? Optional.empty()
                        : Optional.of(header + "期望 " + String.join("、", missing) + "，实际理由 "
                                + (given.isEmpty() ? "无" : String.join("、", given)));
            }
            case ANSWER -> {
                JsonNode actual = answered.at("/" + expectation.path().replace('.', '/'));
                yield same(column, literal, actual)
                        ? Optional.empty()
                        : Optional.of(header + "期望 " + shown(column, literal) + "，实际 " + shown(column, actual));
            }
        };
    }

    private static boolean same(FormColumn column, String literal, JsonNode actual) {
        if (actual.isMissingNode() || actual.isNull()) {
            return false;
        }
        return switch (column.type()) {
            case INTEGER, DECIMAL -> actual.isNumber() && actual.decimalValue().compareTo(new BigDecimal(literal)) == 0;
            case YES_NO -> actual.isBoolean() && actual.asBoolean() == Boolean.parseBoolean(literal);
            case CODES -> codes(actual).equals(new LinkedHashSet<>(List.of(literal.split("；"))));
            default -> actual.asText().equals(literal);
        };
    }

    private static Set<String> codes(JsonNode actual) {
        Set<String> codes = new LinkedHashSet<>();
        if (actual.isArray()) {
            actual.forEach(n -> codes.add(n.asText()));
        } else {
            codes.add(actual.asText());
        }
        return codes;
    }

    /** A value as the officer's column shows it: a code by its label, a yes/no as 是/否. */
    private static String shown(FormColumn column, String literal) {
        return switch (column.type()) {
            case CODE -> column.codes().getOrDefault(literal, literal);
            case CODES ->
                Arrays.stream(literal.split("；"))
                        .map(code -> column.codes().getOrDefault(code, code))
                        .collect(Collectors.joining("；"));
            case YES_NO -> Boolean.parseBoolean(literal) ? "是" : "否";
            default -> literal;
        };
    }

    private static String shown(FormColumn column, JsonNode actual) {
        if (actual.isMissingNode() || actual.isNull()) {
            return "无";
        }
        if (column.type() == ValueType.CODES) {
            return shown(column, String.join("；", codes(actual)));
        }
        return shown(column, actual.isNumber() ? actual.decimalValue().toPlainString() : actual.asText());
    }

    /** The rule the answer names as making its decision (the reason whose effect is DECISION). */
    private static String decidingRule(JsonNode answered) {
        for (JsonNode reason : answered.path("reasons")) {
            if ("DECISION".equals(reason.path("effect").asText())) {
                return reason.path("ruleId").asText(null);
            }
        }
        return null;
    }

    /** Every rule id the answer gives, wherever it gives it (reasons, why not, per step…). */
    private static Set<String> ruleIds(JsonNode answered) {
        Set<String> ids = new LinkedHashSet<>();
        answered.findValues("ruleId").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** A case the decision refuses, at the cell of the input it names: 「建成年份」… */
    private RuleProblem refused(
            CaseForm form,
            String path,
            String sheet,
            StaffTableRows.Row row,
            String which,
            ProjectAssessor.AssessedItem assessed) {
        String prefix = "items[0]." + form.part() + ".";
        List<FieldError> errors = assessed.result().getProblem().getErrors() == null
                ? List.of()
                : assessed.result().getProblem().getErrors();
        String cell = row.cells().get(TableForm.ID_KEY);
        List<String> told = new ArrayList<>();
        for (FieldError error : errors) {
            String field = error.getField().startsWith(prefix)
                    ? error.getField().substring(prefix.length())
                    : error.getField();
            Optional<CaseForm.Input> input =
                    form.inputs().stream().filter(i -> i.path().equals(field)).findFirst();
            if (input.isPresent()) {
                cell = told.isEmpty() ? row.cells().get(input.get().column().key()) : cell;
                String message = policyText(error.getMessage());
                told.add(
                        message.contains(input.get().column().header())
                                ? message
                                : "「" + input.get().column().header() + "」" + message);
            } else {
                told.add(policyText(error.getMessage()));
            }
        }
        String why =
                told.isEmpty() ? String.valueOf(assessed.result().getProblem().getDetail()) : String.join("；", told);
        return RuleProblem.atCell(path, sheet, cell, which + "无法判定：" + why);
    }

    /** The Chinese part of a bilingual message (「建成年份 2030 晚于评估日期 … (completion year is after …)」). */
    private static String policyText(String message) {
        String chinese = message == null ? "" : message.replaceFirst("\\s*\\([^()]*[A-Za-z][^()]*\\)\\s*$", "");
        return chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? chinese
                : "的取值不被判定接受";
    }

    private JsonNode value(FormColumn column, String literal) {
        return switch (column.type()) {
            case INTEGER -> nodes.numberNode(new BigDecimal(literal).toBigIntegerExact());
            case DECIMAL -> nodes.numberNode(new BigDecimal(literal));
            case YES_NO -> nodes.booleanNode(Boolean.parseBoolean(literal));
            case CODES -> {
                ArrayNode codes = nodes.arrayNode();
                Arrays.stream(literal.split("；")).forEach(codes::add);
                yield codes;
            }
            default -> nodes.textNode(literal);
        };
    }

    private static String headers(List<CaseForm.Expectation> expectations) {
        return expectations.stream().map(e -> "「" + e.column().header() + "」").collect(Collectors.joining("或"));
    }
}
