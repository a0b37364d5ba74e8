package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.workbook.BoundedWorkbookReader;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookLimits;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.math.BigDecimal;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The one way a decision-table file is read, by the compiler, the table checks, the diff and the
 * editor check alike, so that none of them can see a cell differently from another; and the one way
 * a cell's value is turned into the text people and rules read.
 */
public final class RuleWorkbook {

    /** A rule table has a few hundred cells; these leave room for a county's longest list and refuse a flood. */
    public static final WorkbookLimits LIMITS =
            new WorkbookLimits(32, 5_000, 64, 100_000, 16L << 20, 48L << 20, 100_000, 4_000);

    private RuleWorkbook() {}

    /** Every sheet of a decision-table file, within {@link #LIMITS}. */
    public static WorkbookContent read(byte[] xlsx) throws WorkbookRefusedException {
        return BoundedWorkbookReader.read(xlsx, LIMITS, sheet -> true);
    }

    /**
     * A cell as people and rules read it: text as written (without surrounding blanks), a number in
     * plain form (2000, 0.9), a date-formatted number as its ISO date, true/false.
     */
    public static String text(SheetCell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.kind()) {
            case TEXT -> cell.value().strip();
            case BOOLEAN -> cell.value().toLowerCase(Locale.ROOT);
            case NUMBER -> number(cell);
            case ERROR -> cell.value();
        };
    }

    private static String number(SheetCell cell) {
        BigDecimal value = new BigDecimal(cell.value());
        if (cell.dateFormatted() && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(2_958_465)) < 0) {
            return DateUtil.getLocalDateTime(value.doubleValue()).toLocalDate().toString();
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** A column keyword of a rule table in its long form: Drools' short ones (N, I, C, A, @, P) read as NAME, DESCRIPTION… */
    public static String keyword(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "N" -> "NAME";
            case "I" -> "DESCRIPTION";
            case "C" -> "CONDITION";
            case "A" -> "ACTION";
            case "@" -> "METADATA";
            case "P" -> "PRIORITY";
            default -> upper;
        };
    }
}
