package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellRangeAddress;
import org.drools.template.parser.DataListener;

/**
 * The one place where a cell of a decision table becomes text that Drools splices into DRL.
 *
 * <p>Outside the rule rows (the RuleSet header and each table's keyword, object, template and label
 * rows) a cell is the publisher's code, as a deployment is, and is passed on as written. Inside a rule
 * row a cell is data: it is rendered by us as a literal whose form the column's template dictates, and
 * refused at its cell otherwise.
 * <ul>
 * <li>a value the template puts inside quotes (e.g. {@code "$param"}) is text without that quote, a
 * backslash or control characters, so it can never leave the string;</li>
 * <li>a value the template splices bare (e.g. {@code new PriorityCutoff($param)},
 * {@code HousingKind.$param}) is a number, true/false or a code name, nothing that can call, assign or
 * close a bracket;</li>
 * <li>the rule name is such text; the DESCRIPTION column, which Drools writes into a comment, is
 * dropped (it is for people); salience is an integer, other rule attributes bare literals.</li>
 * </ul>
 * Formulas are refused anywhere on a rule sheet, for every role: Drools would read their cached value,
 * which any program can write, while a person sees the formula. Rich text is refused in rule rows.
 * The invariant is applied on every compile (startup, validation, activation, replay), so a version kept
 * before it existed cannot run what it would refuse today.
 */
final class RuleSheetRendering {

    private static final String RULE_TABLE = "ruletable";
    private static final int KEYWORD_ROW = 1;
    private static final int TEMPLATE_ROW = 3;
    private static final int FIRST_RULE_ROW = 5;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern CODE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z0-9_\\-]+");

    /** A value handed to Drools' sheet listener, exactly as {@code ExcelParser} would hand it. */
    record FedCell(int row, int column, String value, int mergedColumnStart) {}

    /** The cells of one rule sheet as Drools is to see them, or why some cannot be. */
    record RenderedSheet(List<FedCell> cells, List<RuleProblem> problems) {}

    private RuleSheetRendering() {}

    static RenderedSheet render(String file, SheetContent sheet) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<Long, SheetCell> byPosition = new HashMap<>();
        TreeMap<Integer, List<SheetCell>> rows = new TreeMap<>();
        for (SheetCell cell : sheet.cells()) {
            if (cell.isFormula()) {
                problems.add(RuleProblem.atCell(
                        file, sheet.name(), cell.reference(), "单元格是公式：决策表只接受直接填写的数值或文字（公式所显示的值可能与文件中保存的不同），请改为直接填写取值"));
                continue;
            }
            byPosition.put(key(cell.row(), cell.column()), cell);
            rows.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell);
        }
        List<FedCell> fed = new ArrayList<>();
        Table table = null;
        for (int r = 0; r <= sheet.lastRow(); r++) {
            List<SheetCell> row = withMerged(r, rows.getOrDefault(r, List.of()), sheet, byPosition);
            if (table != null && r >= table.firstRuleRow() && !table.hasCellIn(row)) {
                table = null; // Drools ends a rule table at its first blank row
            }
            for (SheetCell cell : row) {
                String text = RuleWorkbook.text(cell);
                int merged = mergedColumnStart(sheet, cell.row(), cell.column());
                if (text.toLowerCase(Locale.ROOT).equals(RULE_TABLE)
                        || text.toLowerCase(Locale.ROOT).startsWith(RULE_TABLE + " ")) {
                    table = Table.at(cell, byPosition);
                    fed.add(new FedCell(cell.row(), cell.column(), text, merged));
                } else if (table != null && r >= table.firstRuleRow()) {
                    ruleValue(file, sheet.name(), table, cell, text, problems)
                            .ifPresent(value -> fed.add(new FedCell(cell.row(), cell.column(), value, merged)));
                } else {
                    fed.add(new FedCell(cell.row(), cell.column(), text, merged));
                }
            }
        }
        return new RenderedSheet(List.copyOf(fed), List.copyOf(problems));
    }

    /** A rule table's columns: keyword and template by column index. */
    private record Table(int firstRow, int firstColumn, Map<Integer, String> keywords, Map<Integer, String> templates) {

        static Table at(SheetCell ruleTableCell, Map<Long, SheetCell> byPosition) {
            Map<Integer, String> keywords = new HashMap<>();
            Map<Integer, String> templates = new HashMap<>();
            int row = ruleTableCell.row();
            byPosition.values().stream()
                    .filter(c -> c.row() == row + KEYWORD_ROW && c.column() >= ruleTableCell.column())
                    .forEach(c -> keywords.put(c.column(), RuleWorkbook.keyword(RuleWorkbook.text(c))));
            byPosition.values().stream()
                    .filter(c -> c.row() == row + TEMPLATE_ROW && c.column() >= ruleTableCell.column())
                    .forEach(c -> templates.put(c.column(), RuleWorkbook.text(c)));
            return new Table(row, ruleTableCell.column(), keywords, templates);
        }

        int firstRuleRow() {
            return firstRow + FIRST_RULE_ROW;
        }

        boolean hasCellIn(List<SheetCell> row) {
            return row.stream()
                    .anyMatch(c ->
                            c.column() >= firstColumn && !RuleWorkbook.text(c).isEmpty());
        }
    }

    /** The literal a rule row's cell becomes, or empty when the cell is dropped or refused. */
    private static Optional<String> ruleValue(
            String file, String sheet, Table table, SheetCell cell, String text, List<RuleProblem> problems) {
        String keyword = table.keywords().get(cell.column());
        if (cell.column() < table.firstColumn() || keyword == null || text.isEmpty() || keyword.equals("DESCRIPTION")) {
            // Not a column of the table (a note beside it), or a description, which Drools writes into a
            // comment: either is for people and never compiled.
            return Optional.empty();
        }
        if (cell.richText()) {
            problems.add(RuleProblem.atCell(file, sheet, cell.reference(), "单元格内的文字带有局部格式（部分加粗、变色等）：请清除格式后重新填写"));
            return Optional.empty();
        }
        String template = table.templates().getOrDefault(cell.column(), "");
        String bare = digits(text);
        Optional<String> why = switch (keyword) {
            case "NAME" -> textProblem(text, '"');
            case "PRIORITY", "SALIENCE" -> INTEGER.matcher(bare).matches() ? Optional.empty() : Optional.of("应为整数");
            case "CONDITION", "ACTION", "METADATA" -> templateProblem(template, text);
            default -> ATTRIBUTE.matcher(bare).matches() ? Optional.empty() : Optional.of("只能填写字母、数字、- 和 _");
        };
        if (why.isPresent()) {
            problems.add(
                    RuleProblem.atCell(file, sheet, cell.reference(), why.get() + "，而不是 “" + abbreviate(text) + "”"));
            return Optional.empty();
        }
        boolean splicedBare = switch (keyword) {
            case "NAME" -> false;
            case "CONDITION", "ACTION", "METADATA" ->
                placeholderQuotes(template).contains(null);
            default -> true;
        };
        return Optional.of(splicedBare ? bare : text);
    }

    /** Why a value cannot be spliced into the template, or empty when it can. */
    private static Optional<String> templateProblem(String template, String text) {
        List<Character> quotes = placeholderQuotes(template);
        if (quotes.isEmpty()) {
            return textProblem(text, '"'); // a marker cell: the template does not read it
        }
        if (quotes.contains(null)) {
            String value = digits(text);
            if (NUMBER.matcher(value).matches() || CODE.matcher(value).matches()) {
                return Optional.empty();
            }
            return Optional.of("应为数字、true/false 或代码（字母、数字和 _）");
        }
        for (Character quote : quotes) {
            Optional<String> why = textProblem(text, quote);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /** Text that stays inside a string delimited by {@code quote}. */
    private static Optional<String> textProblem(String text, char quote) {
        if (text.indexOf(quote) >= 0 || text.indexOf('\\') >= 0) {
            return Optional.of(quote == '"' ? "含有英文引号 \" 或反斜杠 \\：文字中的引号请用中文引号“”" : "含有英文单引号 ' 或反斜杠 \\：请改用中文引号‘’");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' || c == '\u2028' || c == '\u2029') {
                return Optional.of("含有不可见的控制字符，请重新输入该单元格");
            }
        }
        return Optional.empty();
    }

    /**
     * For each value placeholder of a template ({@code $param}, {@code $1}…, or a bare {@code $} in a
     * {@code forall}), the quote character of the string it sits in, or null where it is spliced bare.
     * {@code $in.basis()} and the like are pattern bindings, not placeholders.
     */
    private static List<Character> placeholderQuotes(String template) {
        List<Character> quotes = new ArrayList<>();
        Character open = null;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (open != null) {
                if (c == '\\') {
                    i++;
                } else if (c == open) {
                    open = null;
                } else if (c == '$' && isPlaceholder(template, i)) {
                    quotes.add(open);
                }
            } else if (c == '"' || c == '\'') {
                open = c;
            } else if (c == '$' && isPlaceholder(template, i)) {
                quotes.add(null);
            }
        }
        return quotes;
    }

    private static boolean isPlaceholder(String template, int dollar) {
        String rest = template.substring(dollar + 1);
        return rest.startsWith("param")
                || rest.isEmpty()
                || !Character.isJavaIdentifierPart(rest.charAt(0))
                || Character.isDigit(rest.charAt(0));
    }

    /** Full-width digits and signs typed with a Chinese input method read as the number they show. */
    private static String digits(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    /** A merged range reads as its top-left cell at every position, as Drools' own reader has it. */
    private static List<SheetCell> withMerged(
            int row, List<SheetCell> cells, SheetContent sheet, Map<Long, SheetCell> byPosition) {
        if (sheet.merged().isEmpty()) {
            return cells;
        }
        TreeMap<Integer, SheetCell> byColumn = new TreeMap<>();
        cells.forEach(c -> byColumn.put(c.column(), c));
        for (CellRangeAddress range : sheet.merged()) {
            if (row < range.getFirstRow() || row > range.getLastRow()) {
                continue;
            }
            SheetCell topLeft = byPosition.get(key(range.getFirstRow(), range.getFirstColumn()));
            if (topLeft == null) {
                continue;
            }
            int last = Math.min(range.getLastColumn(), range.getFirstColumn() + 256);
            for (int column = range.getFirstColumn(); column <= last; column++) {
                byColumn.put(
                        column,
                        new SheetCell(
                                row,
                                column,
                                topLeft.kind(),
                                topLeft.value(),
                                null,
                                topLeft.richText(),
                                topLeft.numberFormat(),
                                topLeft.dateFormatted()));
            }
        }
        return List.copyOf(byColumn.values());
    }

    private static int mergedColumnStart(SheetContent sheet, int row, int column) {
        for (CellRangeAddress range : sheet.merged()) {
            if (range.isInRange(row, column)) {
                return range.getFirstColumn();
            }
        }
        return DataListener.NON_MERGED;
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
