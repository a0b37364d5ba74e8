package cn.wenzhou.renovation.ruleset.engine.stafftable;

import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.poi.ss.util.CellReference;

/**
 * What a rule table's rows must satisfy together ({@link TableForm.RowChecks}), checked when the ruleset is built:
 * two rows that overlap (a blank matching any value), said as a duplicate when they decide alike and as a
 * conflict when they do not; a choice, or a combination of choices, no row decides. Each finding is in the
 * officer's words (the drop-down labels, 是/否) at the cell she would change or fill in.
 */
public final class TableRowChecks {

    private TableRowChecks() {}

    public static List<RuleProblem> check(String file, String sheet, TableForm form, List<StaffTableRows.Row> rows) {
        List<RuleProblem> problems = new ArrayList<>();
        TableForm.RowChecks checks = form.checks();
        overlaps(file, sheet, form, checks.unique(), rows, problems);
        for (String key : checks.complete()) {
            for (String value : domain(column(form, key))) {
                if (rows.stream().noneMatch(r -> value.equals(r.literals().get(key)))) {
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet,
                            openCell(rows, key),
                            "空缺：没有「" + column(form, key).header() + "」为“" + label(column(form, key), value)
                                    + "”的规则，这种情形无规则可判：请补一行"));
                }
            }
        }
        for (List<String> keys : checks.combinations()) {
            for (List<String> combination :
                    cartesian(keys.stream().map(k -> domain(column(form, k))).toList())) {
                boolean decided = rows.stream()
                        .anyMatch(r -> IntStream.range(0, keys.size())
                                .allMatch(i -> r.literals().get(keys.get(i)) == null
                                        || r.literals().get(keys.get(i)).equals(combination.get(i))));
                if (!decided) {
                    String which = IntStream.range(0, keys.size())
                            .mapToObj(i -> "「" + column(form, keys.get(i)).header() + "」为“"
                                    + label(column(form, keys.get(i)), combination.get(i)) + "”")
                            .collect(Collectors.joining("、"));
                    problems.add(RuleProblem.atCell(
                            file,
                            sheet,
                            openCell(rows, keys.get(0)),
                            "空缺：没有规则适用于" + which + "（空白视为任意值），这种情形无规则可判：请补一行"));
                }
            }
        }
        return problems;
    }

    private static void overlaps(
            String file,
            String sheet,
            TableForm form,
            List<String> unique,
            List<StaffTableRows.Row> rows,
            List<RuleProblem> problems) {
        if (unique.isEmpty()) {
            return;
        }
        List<StaffTableRows.Row> seen = new ArrayList<>();
        for (StaffTableRows.Row row : rows) {
            StaffTableRows.Row first = seen.stream()
                    .filter(earlier -> unique.stream().allMatch(k -> {
                        String a = earlier.literals().get(k);
                        String b = row.literals().get(k);
                        return a == null || b == null || a.equals(b);
                    }))
                    .findFirst()
                    .orElse(null);
            seen.add(row);
            if (first == null) {
                continue;
            }
            String what = unique.stream()
                    .map(k -> "「" + column(form, k).header() + "」"
                            + (row.literals().get(k) == null
                                    ? "空白（任意值）"
                                    : "为“"
                                            + label(
                                                    column(form, k),
                                                    row.literals().get(k)) + "”"))
                    .collect(Collectors.joining("、"));
            boolean alike = answer(form, unique, first).equals(answer(form, unique, row));
            problems.add(RuleProblem.atCell(
                    file,
                    sheet,
                    row.cells().get(unique.get(0)),
                    (alike ? "重复：" : "重叠且结论不同：") + "第 " + row.excelRow() + " 行（规则 " + row.id() + "）与第 "
                            + first.excelRow() + " 行（规则 " + first.id() + "）" + what
                            + (alike ? "，两行相同，请删去一行" : "，同一情形会得到两个结论：请合并或区分这两行")));
        }
    }

    /** What a row decides: its values outside the columns that say when it applies. */
    private static Map<String, String> answer(TableForm form, List<String> unique, StaffTableRows.Row row) {
        Map<String, String> answer = new LinkedHashMap<>();
        form.columns().stream()
                .map(FormColumn::key)
                .filter(k -> !unique.contains(k))
                .forEach(k -> answer.put(k, row.literals().get(k)));
        return answer;
    }

    private static FormColumn column(TableForm form, String key) {
        return form.valueOf(key).orElseThrow();
    }

    /** The values a choice column can take, as the literals its cells are read into. */
    private static List<String> domain(FormColumn column) {
        return column.type() == ValueType.YES_NO
                ? List.of("true", "false")
                : List.copyOf(column.codes().keySet());
    }

    private static String label(FormColumn column, String literal) {
        if (column.type() == ValueType.YES_NO) {
            return "true".equals(literal) ? "是" : "否";
        }
        return Objects.requireNonNullElse(column.codes().get(literal), literal);
    }

    /** The cell of {@code key}'s column in the first row below the table, where a missing rule would go. */
    private static String openCell(List<StaffTableRows.Row> rows, String key) {
        if (rows.isEmpty()) {
            return null;
        }
        StaffTableRows.Row last = rows.get(rows.size() - 1);
        String anyCell = last.cells().get(key);
        if (anyCell == null) {
            return null;
        }
        return CellReference.convertNumToColString(new CellReference(anyCell).getCol()) + (last.excelRow() + 1);
    }

    private static List<List<String>> cartesian(List<List<String>> domains) {
        List<List<String>> combinations = List.of(List.of());
        for (List<String> domain : domains) {
            List<List<String>> longer = new ArrayList<>();
            for (List<String> prefix : combinations) {
                for (String value : domain) {
                    List<String> next = new ArrayList<>(prefix);
                    next.add(value);
                    longer.add(List.copyOf(next));
                }
            }
            combinations = longer;
        }
        return combinations;
    }
}
