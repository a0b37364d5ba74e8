package cn.wenzhou.renovation.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Turns each rule sheet of a decision table into DRL, one sheet at a time, and keeps what is needed
 * to map a compiler message about the generated DRL back to the sheet and cell a person edits.
 * Drools' own messages about spreadsheets name neither.
 */
final class DecisionTableTranslator {

    /** Drools writes this comment above every rule it generates: {@code // rule values at B10, header at B5}. */
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+),");
    private static final Pattern RULE_NAME_IN_MESSAGE = Pattern.compile("Rule name='([^']+)'");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^rule \"([^\"]+)\"");
    private static final String RULESET_KEYWORD = "RuleSet";

    private final DataFormatter formatter = new DataFormatter();

    /** The DRL generated from one sheet. */
    record SheetDrl(String file, String sheet, String drl, List<GeneratedRule> rules) {

        /** Maps a compiler message (and its line in {@link #drl}, or -1) back to a cell of the sheet. */
        RuleProblem locate(int line, String message, Sheet source, DataFormatter formatter) {
            Optional<GeneratedRule> rule = ruleAt(line).or(() -> ruleNamedIn(message));
            String offendingLine = line > 0 ? drl.lines().skip(line - 1L).findFirst().orElse("") : "";
            return locate(rule, message, offendingLine, source, formatter);
        }

        /** Maps a failure of a named rule (e.g. a cell value its consequence cannot read) back to a cell. */
        Optional<RuleProblem> locateRule(String ruleName, String message, Sheet source, DataFormatter formatter) {
            return rules.stream().filter(r -> r.name().equals(ruleName)).findFirst()
                    .map(rule -> locate(Optional.of(rule), message, "", source, formatter));
        }

        private RuleProblem locate(Optional<GeneratedRule> rule, String message, String offendingLine, Sheet source,
                DataFormatter formatter) {
            List<Integer> rows = rule.map(r -> List.of(r.row()))
                    .orElseGet(() -> rules.stream().map(GeneratedRule::row).toList());
            // The message quotes the bad value; the rule's own name would match its NAME cell, so drop it.
            String quoted = rule.map(r -> message.replace(r.name(), "")).orElse(message);
            Optional<CellReference> cell = bestMatchingCell(source, rows, quoted, formatter)
                    .or(() -> bestMatchingCell(source, rows, offendingLine, formatter));
            String where = cell.map(c -> c.formatAsString(false))
                    .orElse(rule.map(r -> "第 " + r.row() + " 行").orElse(null));
            String ruleName = rule.map(r -> "规则 " + r.name() + ": ").orElse("");
            return RuleProblem.atCell(file, sheet, where, ruleName + message.strip());
        }

        private Optional<GeneratedRule> ruleAt(int line) {
            if (line <= 0) {
                return Optional.empty();
            }
            return rules.stream().filter(r -> r.firstLine() <= line).max(Comparator.comparingInt(GeneratedRule::firstLine));
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
    record GeneratedRule(String name, int row, String firstColumn, int firstLine) {

        String firstCell() {
            return firstColumn + row;
        }
    }

    List<SheetDrl> translate(RuleFile file) throws TranslationException {
        List<SheetDrl> result = new ArrayList<>();
        for (String sheet : ruleSheets(file)) {
            String drl;
            try {
                drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(file.content()), sheet);
            } catch (RuntimeException e) {
                throw new TranslationException(RuleProblem.atCell(file.path(), sheet, null,
                        "决策表结构无法解析: " + rootMessage(e)));
            }
            result.add(new SheetDrl(file.path(), sheet, drl, generatedRules(drl)));
        }
        return result;
    }

    Sheet sheet(RuleFile file, String sheetName) throws IOException {
        Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()));
        return workbook.getSheet(sheetName);
    }

    DataFormatter formatter() {
        return formatter;
    }

    /** Sheets holding a {@code RuleSet} keyword; others (a 说明 sheet, say) are documentation. */
    private List<String> ruleSheets(RuleFile file) throws TranslationException {
        List<String> sheets = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                if (containsRuleSetKeyword(sheet)) {
                    sheets.add(sheet.getSheetName());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TranslationException(RuleProblem.inFile(file.path(), "无法读取电子表格: " + rootMessage(e)));
        }
        return sheets;
    }

    private boolean containsRuleSetKeyword(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (RULESET_KEYWORD.equals(formatter.formatCellValue(cell).strip())) {
                    return true;
                }
            }
        }
        return false;
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
    private static Optional<CellReference> bestMatchingCell(Sheet sheet, List<Integer> rows, String haystack,
            DataFormatter formatter) {
        CellReference best = null;
        int bestLength = 0;
        for (int excelRow : rows) {
            Row row = sheet.getRow(excelRow - 1);
            if (row == null) {
                continue;
            }
            for (Cell cell : row) {
                String text = formatter.formatCellValue(cell).strip();
                if (text.length() > bestLength && haystack.contains(text)) {
                    best = new CellReference(cell.getRowIndex(), cell.getColumnIndex());
                    bestLength = text.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    static final class TranslationException extends Exception {
        private final RuleProblem problem;

        TranslationException(RuleProblem problem) {
            super(problem.toString());
            this.problem = problem;
        }

        RuleProblem problem() {
            return problem;
        }
    }
}
