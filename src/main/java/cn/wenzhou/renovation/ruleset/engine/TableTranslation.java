package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;

/**
 * The DRL a staff table became ({@link StaffTableTranslator}), and what is needed to map a compiler message about
 * that DRL back to the sheet and cell a person edits: Drools' own messages name neither.
 */
public final class TableTranslation {

    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("Rule name='([^']+)'");

    private TableTranslation() {}

    /** The DRL generated from one sheet, and the sheet as read. */
    record SheetDrl(String file, String sheet, String drl, List<GeneratedRule> rules, SheetContent source) {

        /** Maps a compiler message (and its line in {@link #drl}, or -1) back to a cell of the sheet. */
        RuleProblem locate(int line, String message) {
            Optional<GeneratedRule> rule = ruleAt(line).or(() -> ruleNamedIn(message));
            String offendingLine =
                    line > 0 ? drl.lines().skip(line - 1L).findFirst().orElse("") : "";
            return locate(rule, message, offendingLine);
        }

        /** Maps a failure of a named rule (e.g. a cell value its consequence cannot read) back to a cell. */
        Optional<RuleProblem> locateRule(String ruleName, String message) {
            return rules.stream()
                    .filter(r -> r.name().equals(ruleName))
                    .findFirst()
                    .map(rule -> locate(Optional.of(rule), message, ""));
        }

        private RuleProblem locate(Optional<GeneratedRule> rule, String message, String offendingLine) {
            List<Integer> rows = rule.map(r -> List.of(r.row()))
                    .orElseGet(() -> rules.stream().map(GeneratedRule::row).toList());
            // The message quotes the bad value; the rule's own name would match its NAME cell, so drop it.
            String quoted = rule.map(r -> message.replace(r.name(), "")).orElse(message);
            Optional<CellReference> cell =
                    bestMatchingCell(source, rows, quoted).or(() -> bestMatchingCell(source, rows, offendingLine));
            String where = cell.map(c -> c.formatAsString(false))
                    .orElse(rule.map(r -> "第 " + r.row() + " 行").orElse(null));
            String ruleName = rule.map(r -> "规则 " + r.name() + ": ").orElse("");
            return RuleProblem.atCell(file, sheet, where, ruleName + message.strip());
        }

        private Optional<GeneratedRule> ruleAt(int line) {
            if (line <= 0) {
                return Optional.empty();
            }
            return rules.stream()
                    .filter(r -> r.firstLine() <= line)
                    .max(Comparator.comparingInt(GeneratedRule::firstLine));
        }

        private Optional<GeneratedRule> ruleNamedIn(String message) {
            Matcher m = RULE_NAME_IN_MESSAGE.matcher(message);
            if (!m.find()) {
                return Optional.empty();
            }
            String name = m.group(1);
            return rules.stream().filter(r -> r.name().equals(name)).findFirst();
        }
    }

    /**
     * The rule one table row became. Lines are 1-based within the sheet's DRL; {@code firstColumn} is the column of
     * the row's rule id cell (e.g. {@code A}); {@code valueCells} the cell of each of its values by template key.
     */
    record GeneratedRule(String name, int row, String firstColumn, int firstLine, Map<String, String> valueCells) {

        String firstCell() {
            return firstColumn + row;
        }
    }

    /**
     * What today's cell checks refuse in these files (formulas, values that are not literals, active
     * content), without building any rules: how a kept version is judged before it is listed as servable.
     */
    public static List<RuleProblem> refusedCells(List<RuleFile> files) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleFile> byBasePath = new java.util.HashMap<>();
        files.forEach(f -> byBasePath.put(StaffTableTranslator.withoutCounty(f.path()), f));
        for (RuleFile file : files) {
            try {
                if (StaffTableTranslator.isStaffTable(file, byBasePath)) {
                    StaffTableTranslator.translate(
                            file,
                            byBasePath.get(StaffTableTranslator.formPath(file.path())),
                            byBasePath.get(StaffTableTranslator.templatePath(file.path())));
                }
            } catch (TranslationException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    /** The cell of the given rows whose text occurs in the message; the longest such text wins. */
    private static Optional<CellReference> bestMatchingCell(SheetContent sheet, List<Integer> rows, String haystack) {
        CellReference best = null;
        int bestLength = 0;
        for (SheetCell cell : sheet.cells()) {
            if (!rows.contains(cell.row() + 1)) {
                continue;
            }
            String text = RuleWorkbook.text(cell);
            if (text.length() > bestLength && haystack.contains(text)) {
                best = new CellReference(cell.row(), cell.column());
                bestLength = text.length();
            }
        }
        return Optional.ofNullable(best);
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    static final class TranslationException extends Exception {
        private final List<RuleProblem> problems;

        TranslationException(List<RuleProblem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        List<RuleProblem> problems() {
            return problems;
        }
    }
}
