package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;

/**
 * Turns each rule sheet of a decision table into DRL, one sheet at a time, and keeps what is needed
 * to map a compiler message about the generated DRL back to the sheet and cell a person edits.
 * Drools' own messages about spreadsheets name neither. The workbook is read by {@link RuleWorkbook}
 * and each cell rendered by {@link RuleSheetRendering}; Drools' sheet listener gets only those values,
 * never the file.
 */
public final class DecisionTableTranslator {

    /** Drools writes this comment above every rule it generates: {@code // rule values at B10, header at B5}. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+),");

    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("Rule name='([^']+)'");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^rule \"([^\"]+)\"");
    private static final String RULESET_KEYWORD = "RuleSet";

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
     * A rule Drools generated from one spreadsheet row. Lines are 1-based within the sheet's DRL;
     * {@code firstColumn} is the row's first column (its rule id cell, e.g. {@code B}).
     */
    record GeneratedRule(String name, int row, String firstColumn, int firstLine, Map<String, String> valueCells) {

        GeneratedRule(String name, int row, String firstColumn, int firstLine) {
            this(name, row, firstColumn, firstLine, Map.of());
        }

        String firstCell() {
            return firstColumn + row;
        }
    }

    List<SheetDrl> translate(RuleFile file) throws TranslationException {
        WorkbookContent workbook;
        try {
            workbook = RuleWorkbook.read(file.content());
        } catch (WorkbookRefusedException e) {
            throw new TranslationException(List.of(RuleProblem.atCell(file.path(), e.sheet(), e.cell(), e.reason())));
        }
        if (!workbook.activeContent().isEmpty()) {
            throw new TranslationException(List.of(
                    RuleProblem.inFile(file.path(), "工作簿含有宏、指向其他工作簿的外部链接或 DDE 链接，不予接受：请把数值粘贴为值、另存为不含宏的 .xlsx 后再上传")));
        }
        List<SheetDrl> result = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (SheetContent sheet : workbook.sheets()) {
            if (!containsRuleSetKeyword(sheet)) {
                continue; // a 说明 sheet, say: documentation
            }
            RuleSheetRendering.RenderedSheet rendered = RuleSheetRendering.render(file.path(), sheet);
            if (!rendered.problems().isEmpty()) {
                problems.addAll(rendered.problems());
                continue;
            }
            String drl;
            try {
                drl = drlOf(rendered);
            } catch (RuntimeException e) {
                problems.add(RuleProblem.atCell(file.path(), sheet.name(), null, "决策表结构无法解析: " + rootMessage(e)));
                continue;
            }
            result.add(new SheetDrl(file.path(), sheet.name(), drl, generatedRules(drl), sheet));
        }
        if (!problems.isEmpty()) {
            throw new TranslationException(problems);
        }
        return result;
    }

    /**
     * What today's cell checks refuse in these files (formulas, values that are not literals, active
     * content), without building any rules: how a kept version is judged before it is listed as servable.
     */
    public static List<RuleProblem> refusedCells(List<RuleFile> files) {
        DecisionTableTranslator translator = new DecisionTableTranslator();
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleFile> byBasePath = new java.util.HashMap<>();
        files.forEach(f -> byBasePath.put(StaffTableTranslator.withoutCounty(f.path()), f));
        for (RuleFile file : files) {
            try {
                if (file.isDecisionTable()) {
                    translator.translate(file);
                } else if (StaffTableTranslator.isStaffTable(file, byBasePath)) {
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

    /** Drools' own sheet listener, fed the rendered values instead of the file. */
    private static String drlOf(RuleSheetRendering.RenderedSheet rendered) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        int lastRow = -1;
        for (RuleSheetRendering.FedCell cell : rendered.cells()) {
            while (lastRow < cell.row()) {
                lastRow++;
                listener.newRow(lastRow, 0);
            }
            listener.newCell(cell.row(), cell.column(), cell.value(), cell.mergedColumnStart());
        }
        listener.finishSheet();
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    /** Sheets holding a {@code RuleSet} keyword; others (a 说明 sheet, say) are documentation. */
    private static boolean containsRuleSetKeyword(SheetContent sheet) {
        return sheet.cells().stream().anyMatch(cell -> RULESET_KEYWORD.equals(RuleWorkbook.text(cell)));
    }

    private static List<GeneratedRule> generatedRules(String drl) {
        List<GeneratedRule> rules = new ArrayList<>();
        List<String> lines = drl.lines().toList();
        Integer pendingRow = null;
        String pendingColumn = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher rowComment = ROW_COMMENT.matcher(line);
            if (rowComment.find()) {
                pendingRow = Integer.parseInt(rowComment.group(2));
                pendingColumn = rowComment.group(1);
                continue;
            }
            Matcher declaration = RULE_DECLARATION.matcher(line);
            if (declaration.find() && pendingRow != null) {
                rules.add(new GeneratedRule(declaration.group(1), pendingRow, pendingColumn, i + 1));
                pendingRow = null;
            }
        }
        return rules;
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
