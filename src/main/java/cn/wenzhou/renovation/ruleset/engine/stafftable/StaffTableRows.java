package cn.wenzhou.renovation.ruleset.engine.stafftable;

import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows of a staff table's sheet, each value read by its form ({@link CellReading}), with every finding at
 * its cell: a value that is not what its column holds, a required value left empty, a rule id given twice, a
 * parameter row deleted or one the form does not know.
 */
public final class StaffTableRows {

    /**
     * 来源 came to every table after versions were kept without it: a sheet without the column is read as citing
     * the guide, so those versions still roll back and replay.
     */
    private static final String OPTIONAL_HEADER = TableForm.Citation.SOURCE.header();

    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    /** One rule: its 1-based sheet row, its id, the literal of each template key (null when empty), their cells. */
    public record Row(int excelRow, String id, Map<String, String> literals, Map<String, String> cells) {}

    public record Read(SheetContent sheet, List<Row> rows, List<RuleProblem> problems) {}

    private StaffTableRows() {}

    public static Read read(String file, SheetContent sheet, TableForm form) {
        List<RuleProblem> problems = new ArrayList<>();
        TreeMap<Integer, Map<Integer, SheetCell>> byRow = new TreeMap<>();
        sheet.cells()
                .forEach(c ->
                        byRow.computeIfAbsent(c.row(), r -> new HashMap<>()).put(c.column(), c));
        // A formula is refused wherever it is, in a value cell, a title or a note alike.
        sheet.cells().stream()
                .filter(SheetCell::isFormula)
                .forEach(c -> problems.add(RuleProblem.atCell(
                        file, sheet.name(), c.reference(), "是公式：表格只接受直接填写的文字和取值（公式显示的值可能与文件中保存的不同），请改为直接填写")));
        Optional<Integer> headerRow = byRow.entrySet().stream()
                .filter(e ->
                        e.getValue().values().stream().anyMatch(c -> header(c).equals(normalised(form.idHeader()))))
                .map(Map.Entry::getKey)
                .findFirst();
        if (headerRow.isEmpty()) {
            problems.add(RuleProblem.atCell(file, sheet.name(), null, "找不到表头：应有一行以“" + form.idHeader() + "”开头的列标题"));
            return new Read(sheet, List.of(), problems);
        }
        Map<String, Integer> columnOf = new LinkedHashMap<>();
        byRow.get(headerRow.get()).values().forEach(c -> columnOf.putIfAbsent(header(c), c.column()));
        String headerCell = reference(headerRow.get(), columnOf.get(normalised(form.idHeader())));
        for (String expected : form.headers()) {
            if (!columnOf.containsKey(normalised(expected)) && !expected.equals(OPTIONAL_HEADER)) {
                problems.add(RuleProblem.atCell(
                        file, sheet.name(), headerCell, "表头缺少“" + expected + "”列：请使用下载的表格，不要删除或改写列标题"));
            }
        }
        if (!problems.isEmpty()) {
            return new Read(sheet, List.of(), problems);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Row> byId = new HashMap<>();
        boolean idRefused = false;
        for (var entry : byRow.tailMap(headerRow.get(), false).entrySet()) {
            Map<Integer, SheetCell> cells = entry.getValue();
            if (form.headers().stream().allMatch(h -> blank(cells.get(columnOf.get(normalised(h)))))) {
                continue;
            }
            int excelRow = entry.getKey() + 1;
            SheetCell idCell = cells.get(columnOf.get(normalised(form.idHeader())));
            String idRef = reference(entry.getKey(), columnOf.get(normalised(form.idHeader())));
            String id = RuleWorkbook.text(idCell);
            if (!RULE_ID.matcher(id).matches()) {
                problems.add(RuleProblem.atCell(
                        file,
                        sheet.name(),
                        idRef,
                        id.isEmpty()
                                ? form.idHeader() + "不能为空"
                                : form.idHeader() + "只能由字母、数字、-、_ 和 . 组成，而不是“" + id + "”"));
                idRefused = true;
                continue;
            }
            Row earlier = byId.get(id);
            if (earlier != null) {
                problems.add(RuleProblem.atCell(
                        file,
                        sheet.name(),
                        idRef,
                        form.idHeader() + " " + id + " 与第 " + earlier.excelRow() + " 行重复：每条" + form.rowNoun() + "一行"));
                continue;
            }
            Map<String, String> literals = new LinkedHashMap<>();
            form.keys().forEach(k -> literals.put(k, null));
            literals.put(TableForm.ID_KEY, id);
            Map<String, String> references = new LinkedHashMap<>();
            references.put(TableForm.ID_KEY, idRef);
            List<FormColumn> values = new ArrayList<>();
            List<String> valueHeaders = new ArrayList<>();
            if (form.isParameterTable()) {
                Optional<TableForm.Parameter> parameter = form.parameters().stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst();
                if (parameter.isEmpty()) {
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet.name(),
                            idRef,
                            "规则编号 " + id + " 不是本表的参数（本表的参数："
                                    + String.join(
                                            "、",
                                            form.parameters().stream()
                                                    .map(TableForm.Parameter::id)
                                                    .toList()) + "）"));
                    continue;
                }
                values.add(parameter.get().value());
                valueHeaders.add(TableForm.VALUE_HEADER);
            } else {
                form.nameValue().ifPresent(name -> {
                    values.add(name);
                    valueHeaders.add(form.nameHeader());
                });
                values.addAll(form.columns());
                form.columns().forEach(c -> valueHeaders.add(c.header()));
            }
            for (TableForm.Citation citation : form.citations()) {
                values.add(citation.column());
                valueHeaders.add(citation.header());
            }
            for (int i = 0; i < values.size(); i++) {
                FormColumn column = values.get(i);
                Integer at = columnOf.get(normalised(valueHeaders.get(i)));
                if (at == null) {
                    continue; // the optional 来源, absent: the row cites the guide, as a blank cell would
                }
                String ref = reference(entry.getKey(), at);
                references.put(column.key(), ref);
                boolean required = column.required() || form.isParameterTable() && i == 0;
                SheetCell cell = cells.get(at);
                if (cell != null && cell.isFormula()) {
                    continue; // refused above
                }
                CellReading.Read read = CellReading.read(column, cell);
                if (read instanceof CellReading.Value value) {
                    literals.put(column.key(), value.literal());
                } else if (read instanceof CellReading.None) {
                    literals.put(column.key(), null);
                } else if (read instanceof CellReading.Refused refused) {
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet.name(),
                            ref,
                            "「" + column.header() + "」" + refused.why() + "（" + form.rowNoun() + " " + id + "）"));
                } else if (required) {
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet.name(),
                            ref,
                            "「" + column.header() + "」不能为空"
                                    + (column.none() == null ? "" : "（没有限制请填“" + column.none() + "”）")
                                    + "（" + form.rowNoun() + " " + id + "）"));
                }
            }
            Row row = new Row(excelRow, id, literals, references);
            byId.put(id, row);
            rows.add(row);
        }
        if (form.isParameterTable()) {
            for (TableForm.Parameter parameter : form.parameters()) {
                // A row whose id was refused is the likely "deleted" one: its finding says it already.
                if (!byId.containsKey(parameter.id())
                        && !idRefused
                        && problems.stream().noneMatch(p -> p.message().contains(parameter.id()))) {
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet.name(),
                            headerCell,
                            "缺少参数“" + parameter.value().header() + "”（规则编号 " + parameter.id() + "）的一行：这一行被删除了，请恢复"));
                }
            }
        }
        return new Read(sheet, List.copyOf(rows), List.copyOf(problems));
    }

    private static String header(SheetCell cell) {
        return normalised(RuleWorkbook.text(cell));
    }

    /** Headers compare as staff see them: full-width and half-width alike, spaces and line breaks ignored. */
    private static String normalised(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static boolean blank(SheetCell cell) {
        return cell == null || RuleWorkbook.text(cell).isEmpty();
    }

    private static String reference(int row, int column) {
        return new CellReference(row, column).formatAsString(false);
    }
}
