package cn.wenzhou.renovation.goldencases;

import cn.wenzhou.renovation.assessment.InventoryWorkbook;
import cn.wenzhou.renovation.calendar.DateNotCoveredException;
import cn.wenzhou.renovation.decision.Decider;
import cn.wenzhou.renovation.decision.DecisionEndpoints;
import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import cn.wenzhou.renovation.kernel.ProblemException;
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
import cn.wenzhou.renovation.web.FieldProblems;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * A ruleset's run: the cases that do not hold, how many cases were asked, and by workbook the rules the answers
     * named (what the cases exercise, for the clause index).
     */
    public record Run(List<CaseFailure> failures, int cases, Map<String, Set<String>> answeredRules) {

        public List<CaseFailure> ownFailures() {
            return failures.stream().filter(f -> !f.baseCaseOnCounty()).toList();
        }

        public List<CaseFailure> baseDifferences() {
            return failures.stream().filter(CaseFailure::baseCaseOnCounty).toList();
        }
    }

    /** Every decision of the service, by the endpoint a case form names it by. */
    private final DecisionEndpoints deciders;

    private final Validator validator;
    private final ObjectMapper json;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    private final Cache<String, Run> runs =
            Caffeine.newBuilder().maximumSize(16).build();

    GoldenCases(DecisionEndpoints deciders, Validator validator, ObjectMapper json) {
        this.deciders = deciders;
        this.validator = validator;
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
        Map<String, Set<String>> answered = new java.util.TreeMap<>();
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
                answered.computeIfAbsent(workbook.file(), f -> new java.util.TreeSet<>())
                        .addAll(outcome.answeredRules());
            }
            cases += workbook.rows().size();
        }
        answered.replaceAll((file, rules) -> Set.copyOf(rules));
        return new Run(List.copyOf(failures), cases, Map.copyOf(answered));
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
                fill(request, input, literal);
            }
        }
        Decider<?, ?> decider = deciders.at(form.decision()).orElse(null);
        if (decider == null) {
            return Outcome.failed(RuleProblem.atCell(
                    path,
                    sheet,
                    row.cells().get(TableForm.ID_KEY),
                    which + "没有得到判定：表格定义的 decision “" + form.decision() + "”不是本服务的判定"));
        }
        Decided decided = decide(decider, ruleset, request);
        if (decided.answer() == null) {
            return Outcome.failed(refused(form, path, sheet, row, which, decided));
        }
        JsonNode answered = decided.answer();
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
                JsonNode actual = at(answered, expectation.steps());
                yield same(expectation, literal, actual)
                        ? Optional.empty()
                        : Optional.of(header + "期望 " + shown(column, literal) + "，实际 " + shown(column, actual));
            }
        };
    }

    private static boolean same(CaseForm.Expectation expectation, String literal, JsonNode actual) {
        FormColumn column = expectation.column();
        if (actual.isMissingNode() || actual.isNull()) {
            return false;
        }
        if (actual.isArray() && column.type() != ValueType.CODES) {
            // Values expected of a list, separated by ；: each is one of its elements (plannedItems[].item.code), or,
            // for a column that reads a list of sentences (blockers[].message), appears within one.
            return Arrays.stream(literal.split("；"))
                    .allMatch(part -> codes(actual).stream()
                            .anyMatch(text -> expectation.withinText() ? text.contains(part) : text.equals(part)));
        }
        return switch (column.type()) {
            case INTEGER, DECIMAL -> actual.isNumber() && actual.decimalValue().compareTo(new BigDecimal(literal)) == 0;
            case YES_NO -> actual.isBoolean() && actual.asBoolean() == Boolean.parseBoolean(literal);
            case SHARE ->
                ExactRatio.parse(literal)
                        .equals(ExactRatio.parse(actual.path("fraction").asText(actual.asText())));
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

    /**
     * The rule the answer names as making its decision: the reason whose effect is DECISION in its {@code reasons}
     * or in a list of reasons named for what they decide ({@code scopeReasons}).
     */
    private static String decidingRule(JsonNode answered) {
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) answered::fields) {
            if (field.getKey().equals("reasons") || field.getKey().endsWith("Reasons")) {
                for (JsonNode reason : field.getValue()) {
                    if ("DECISION".equals(reason.path("effect").asText())) {
                        return reason.path("ruleId").asText(null);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The answer's value at a case form's path: {@code publicity.satisfied}; {@code steps[step=FEASIBILITY_STUDY].treatment}
     * (the element whose {@code step} is that code); {@code missingDocuments[].code} (every element's code, as a list).
     */
    static JsonNode at(JsonNode node, List<CaseForm.Step> steps) {
        if (steps.isEmpty()) {
            return node;
        }
        CaseForm.Step step = steps.get(0);
        List<CaseForm.Step> rest = steps.subList(1, steps.size());
        JsonNode value = node.path(step.property());
        if (!step.list()) {
            return at(value, rest);
        }
        if (step.everyElement()) {
            ArrayNode all = JsonNodeFactory.instance.arrayNode();
            value.forEach(element -> {
                JsonNode picked = at(element, rest);
                if (!picked.isMissingNode()) {
                    all.add(picked);
                }
            });
            return all;
        }
        for (JsonNode element : value) {
            if (step.code().equals(element.path(step.key()).asText())) {
                return at(element, rest);
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Every rule id the answer gives, wherever it gives it (reasons, why not, per step…). */
    private static Set<String> ruleIds(JsonNode answered) {
        Set<String> ids = new LinkedHashSet<>();
        answered.findValues("ruleId").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** What a decider made of a case's request: its answer, or the fields it refused and why. */
    private record Decided(JsonNode answer, List<FieldProblem> refused) {

        static Decided refusing(String field, String message) {
            return new Decided(null, List.of(new FieldProblem(field, message)));
        }
    }

    /**
     * The case's request read, checked and decided as a portal's would be: read as the decider's request type, its
     * constraints checked, decided with the ruleset; a refusal names the request's field.
     */
    private Decided decide(Decider<?, ?> decider, CompiledRuleset ruleset, ObjectNode request) {
        try {
            Object typed = json.readerFor(decider.requestType()).readValue(request);
            List<FieldProblem> violations = validator.validate(typed).stream()
                    .map(v -> new FieldProblem(
                            FieldProblems.field(v),
                            v.getConstraintDescriptor().getAnnotation()
                                            instanceof jakarta.validation.constraints.NotNull
                                    ? "须填写"
                                    : v.getMessage()))
                    .toList();
            if (!violations.isEmpty()) {
                return new Decided(null, violations);
            }
            return new Decided(json.valueToTree(decider.decideRead(ruleset, typed)), List.of());
        } catch (JsonMappingException e) {
            return Decided.refusing(FieldProblems.path(e), FieldProblems.mappingMessage(e));
        } catch (IOException e) {
            return Decided.refusing("body", "无法读取");
        } catch (InvalidFieldException e) {
            return Decided.refusing(e.field(), e.getMessage());
        } catch (DateNotCoveredException e) {
            return Decided.refusing(e.field(), e.getMessage());
        } catch (ProblemException e) {
            return Decided.refusing("body", e.getMessage());
        }
    }

    /** A case the decision refuses, at the cell of the input it names: 「建成年份」… */
    private static RuleProblem refused(
            CaseForm form, String path, String sheet, StaffTableRows.Row row, String which, Decided decided) {
        String cell = row.cells().get(TableForm.ID_KEY);
        List<String> told = new ArrayList<>();
        for (FieldProblem error : decided.refused()) {
            String field = error.field().replaceFirst("\\[\\d+]$", "[]");
            Optional<CaseForm.Input> input = form.inputs().stream()
                    .filter(i -> i.path().equals(field) || i.path().startsWith(field + "["))
                    .findFirst();
            String message = policyText(error.message());
            if (input.isPresent()) {
                cell = told.isEmpty() ? row.cells().get(input.get().column().key()) : cell;
                String header = input.get().column().header();
                told.add(message.contains(header) ? message : "「" + header + "」" + message);
            } else {
                told.add(message);
            }
        }
        return RuleProblem.atCell(path, sheet, cell, which + "无法判定：" + String.join("；", told));
    }

    /** The Chinese part of a bilingual message (「建成年份 2030 晚于评估日期 … (completion year is after …)」). */
    private static String policyText(String message) {
        String chinese = message == null ? "" : message.replaceFirst("\\s*\\([^()]*[A-Za-z][^()]*\\)\\s*$", "");
        return chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? chinese
                : "的取值不被判定接受";
    }

    /**
     * A cell put into the request at its column's path: {@code deficiencies.functionsIncomplete}; {@code plannedItems[]}
     * (each text separated by ；, one element each); {@code responses[satisfaction=VERY_SATISFIED]} (that many elements
     * with that answer, for a survey's count of answers).
     */
    private void fill(ObjectNode request, CaseForm.Input input, String literal) {
        CaseForm.Step list = input.steps().get(0);
        if (!list.list()) {
            InventoryWorkbook.put(request, input.path(), value(input.column(), literal));
            return;
        }
        ArrayNode elements = request.has(list.property())
                ? (ArrayNode) request.get(list.property())
                : request.putArray(list.property());
        if (list.everyElement()) {
            Arrays.stream(literal.split("；")).map(String::strip).forEach(elements::add);
            return;
        }
        int count = new BigDecimal(literal).intValueExact();
        for (int i = 0; i < count; i++) {
            elements.addObject().put(list.key(), list.code());
        }
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
