package cn.wenzhou.renovation.ruleset.engine.stafftable;

import cn.wenzhou.renovation.kernel.ExactRatio;
import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.workbook.CellKind;
import cn.wenzhou.renovation.workbook.SheetCell;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one cell of a staff table the way people type it, by the type its column declares, into the literal a
 * rule template receives; or says in Chinese, for that cell, what was expected. The only place a staff cell
 * becomes template text: numbers are digits, codes are codes from the form, and text, dates and shares carry
 * no quote, backslash or control character, so none can leave the place the template gives it.
 */
public final class CellReading {

    /** What a cell holds for a rule: a literal for the template, nothing, or why it cannot be read. */
    public sealed interface Read {}

    /** A value: {@code literal} for the template, {@code shown} as staff wrote it (for messages and diffs). */
    public record Value(String literal, String shown) implements Read {}

    public record Blank() implements Read {}

    /** The column's word for no value (不限): empty for the template, yet filled in. */
    public record None() implements Read {}

    public record Refused(String why) implements Read {}

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private CellReading() {}

    public static Read read(FormColumn column, SheetCell cell) {
        if (cell == null || cell.kind() == CellKind.TEXT && cell.value().isBlank()) {
            return new Blank();
        }
        if (cell.isFormula()) {
            return new Refused("是公式：表格只接受直接填写的取值（公式显示的值可能与文件中保存的不同），请改为直接填写");
        }
        if (cell.kind() == CellKind.ERROR) {
            return new Refused("显示错误值 " + cell.value() + "：请直接填写取值");
        }
        String shown = RuleWorkbook.text(cell);
        if (column.none() != null && normalised(shown).equals(column.none())) {
            return new None();
        }
        return switch (column.type()) {
            case INTEGER, DECIMAL -> number(column, cell, shown);
            case SHARE -> share(column, cell, shown);
            case YES_NO -> yesNo(cell, shown);
            case DATE -> date(cell, shown);
            case CODE -> code(column, shown);
            case CODES -> codes(column, shown);
            case TEXT -> text(shown);
        };
    }

    private static Read number(FormColumn column, SheetCell cell, String shown) {
        boolean whole = column.type() == ValueType.INTEGER;
        String expected = whole ? "整数" : "数值";
        if (cell.kind() == CellKind.NUMBER && cell.dateFormatted()) {
            return new Refused("被表格程序当作了日期 " + shown + "：这里应填写" + expected + "，请把单元格格式设为“常规”后重新填写");
        }
        String typed = normalised(shown).replace(",", "").replace(" ", "");
        if (column.unit() != null && typed.endsWith(column.unit())) {
            typed = typed.substring(0, typed.length() - column.unit().length());
        }
        if (!(whole ? INTEGER : DECIMAL).matcher(typed).matches()) {
            return new Refused("应填写" + expected + "（阿拉伯数字" + example(column) + "）"
                    + (column.none() == null ? "" : "或“" + column.none() + "”") + "，而不是“" + shown + "”");
        }
        BigDecimal value = new BigDecimal(typed);
        Optional<String> outside = outside(column, value, shown);
        return outside.<Read>map(Refused::new).orElseGet(() -> new Value(value.toPlainString(), shown));
    }

    private static Optional<String> outside(FormColumn column, BigDecimal value, String shown) {
        boolean low = column.min() != null && value.compareTo(new BigDecimal(column.min())) < 0;
        boolean high = column.max() != null && value.compareTo(new BigDecimal(column.max())) > 0;
        return low || high ? Optional.of("为 " + shown + "，超出合理范围 " + range(column)) : Optional.empty();
    }

    private static Read share(FormColumn column, SheetCell cell, String shown) {
        if (cell.kind() == CellKind.NUMBER && cell.dateFormatted()) {
            return new Refused("被表格程序当作了日期 " + shown + "：比例请填在设为“文本”的单元格中（如 9/10），或填 90%、0.9");
        }
        ExactRatio value;
        try {
            value = ExactRatio.parse(normalised(shown));
        } catch (IllegalArgumentException e) {
            return new Refused("应填写比例，如 2/3、90% 或 0.9，而不是“" + shown + "”");
        }
        boolean low = column.min() != null && !value.isAtLeast(ExactRatio.parse(column.min()));
        boolean high = column.max() != null && !ExactRatio.parse(column.max()).isAtLeast(value);
        if (low || high) {
            return new Refused("为 " + shown + "，超出合理范围 " + range(column));
        }
        return new Value(value.fraction(), shown);
    }

    private static Read yesNo(SheetCell cell, String shown) {
        String typed = normalised(shown);
        if (typed.equals("是") || cell.kind() == CellKind.BOOLEAN && typed.equals("true")) {
            return new Value("true", shown);
        }
        if (typed.equals("否") || cell.kind() == CellKind.BOOLEAN && typed.equals("false")) {
            return new Value("false", shown);
        }
        return new Refused("应选择 是 或 否，而不是“" + shown + "”");
    }

    private static Read date(SheetCell cell, String shown) {
        if (cell.kind() == CellKind.NUMBER && !cell.dateFormatted()) {
            return new Refused("应填写日期，如 2021-01-01、2021/1/1 或 2021年1月1日，而不是数字 " + shown);
        }
        Matcher parts = DATE.matcher(normalised(shown));
        if (parts.matches()) {
            try {
                LocalDate date = LocalDate.of(
                        Integer.parseInt(parts.group(1)),
                        Integer.parseInt(parts.group(2)),
                        Integer.parseInt(parts.group(3)));
                return new Value(date.toString(), shown);
            } catch (DateTimeException e) {
                return new Refused("不是存在的日期：“" + shown + "”");
            }
        }
        return new Refused("应填写日期，如 2021-01-01、2021/1/1 或 2021年1月1日，而不是“" + shown + "”");
    }

    private static Read code(FormColumn column, String shown) {
        String typed = normalised(shown);
        for (Map.Entry<String, String> code : column.codes().entrySet()) {
            if (normalised(code.getValue()).equals(typed) || code.getKey().equals(typed)) {
                return new Value(code.getKey(), shown);
            }
        }
        return new Refused("应从下拉列表中选择（" + String.join("、", column.codes().values()) + "），而不是“" + shown + "”");
    }

    /** Several choices: each a label (or code), separated as people separate them: ；;、，, or a line break. */
    private static Read codes(FormColumn column, String shown) {
        java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>();
        for (String part : normalised(shown).split("[;；、,，\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<String> code = column.codes().entrySet().stream()
                    .filter(c ->
                            normalised(c.getValue()).equals(part) || c.getKey().equals(part))
                    .map(Map.Entry::getKey)
                    .findFirst();
            if (code.isEmpty()) {
                return new Refused("中的“" + part + "”不是可选的答案：可选 "
                        + String.join("、", column.codes().values()) + "，多个以“；”分隔");
            }
            chosen.add(code.get());
        }
        if (chosen.isEmpty()) {
            return new Blank();
        }
        return new Value(String.join("；", chosen), shown);
    }

    private static Read text(String shown) {
        if (shown.indexOf('"') >= 0 || shown.indexOf('\\') >= 0) {
            return new Refused("含有英文引号 \" 或反斜杠 \\：文字中的引号请用中文引号“”");
        }
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' || c == '\u2028' || c == '\u2029') {
                return new Refused("含有不可见的控制字符，请重新输入该单元格");
            }
        }
        // A line break inside a cell is kept as one space: the template's string stays on its line.
        return new Value(shown.replaceAll("\\s*[\\r\\n]+\\s*", " "), shown);
    }

    /** Full-width digits and signs, as a Chinese input method types them, read as the ASCII they show. */
    private static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static String example(FormColumn column) {
        String example = column.min() != null ? column.min() : column.max();
        return example == null ? "" : "，如 " + example + (column.unit() == null ? "" : column.unit());
    }

    /** 1949–2020（含本数）, 不小于 0, 不大于 1. */
    private static String range(FormColumn column) {
        if (column.min() != null && column.max() != null) {
            return column.min() + "–" + column.max() + "（含本数）";
        }
        return column.min() != null ? "（不应小于 " + column.min() + "）" : "（不应大于 " + column.max() + "）";
    }
}
