package cn.wenzhou.renovation.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

import cn.wenzhou.renovation.workbook.CellKind;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookLimits;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;

/**
 * The one way a decision-table file is read, by the compiler, the table checks, the diff and the
 * editor check alike, so that none of them can see a cell differently from another; and the one way
 * a cell's value is turned into the text people and rules read.
 */
public final class RuleWorkbook {

    /** A rule table has a few hundred cells; these leave room for a county's longest list and refuse a flood. */
    public static final WorkbookLimits LIMITS = new WorkbookLimits(32, 5_000, 64, 100_000, 16L << 20, 48L << 20,
            100_000, 4_000);

    private RuleWorkbook() {
    }

    /** Every sheet of a decision-table file, within {@link #LIMITS}. */
    public static WorkbookContent read(byte[] xlsx) throws WorkbookRefusedException {
        return readWithUsermodel(xlsx);
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

    // Interim: POI's usermodel until the bounded streaming reader lands; same records, same meaning.
    private static WorkbookContent readWithUsermodel(byte[] xlsx) throws WorkbookRefusedException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            List<SheetContent> sheets = new ArrayList<>();
            for (Sheet sheet : workbook) {
                names.add(sheet.getSheetName());
                List<SheetCell> cells = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        SheetCell read = cellOf(cell);
                        if (read != null) {
                            cells.add(read);
                        }
                    }
                }
                List<CellRangeAddress> merged = new ArrayList<>();
                for (int i = 0; i < sheet.getNumMergedRegions(); i++) {
                    merged.add(sheet.getMergedRegion(i));
                }
                sheets.add(new SheetContent(sheet.getSheetName(), cells, merged));
            }
            return new WorkbookContent(names, sheets, List.of());
        } catch (IOException | RuntimeException e) {
            throw new WorkbookRefusedException("不是有效的 .xlsx 工作簿");
        }
    }

    private static SheetCell cellOf(Cell cell) {
        boolean formula = cell.getCellType() == CellType.FORMULA;
        CellType type = formula ? cell.getCachedFormulaResultType() : cell.getCellType();
        String format = cell.getCellStyle() == null ? "General" : cell.getCellStyle().getDataFormatString();
        String formulaText = formula ? cell.getCellFormula() : null;
        return switch (type) {
            case STRING -> {
                String text = cell.getStringCellValue();
                boolean rich = cell.getRichStringCellValue() instanceof XSSFRichTextString r && r.numFormattingRuns() > 1;
                yield text.isEmpty() && !formula ? null
                        : new SheetCell(cell.getRowIndex(), cell.getColumnIndex(), CellKind.TEXT, text, formulaText, rich, format, false);
            }
            case NUMERIC -> new SheetCell(cell.getRowIndex(), cell.getColumnIndex(), CellKind.NUMBER,
                    BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString(), formulaText, false, format,
                    DateUtil.isCellDateFormatted(cell));
            case BOOLEAN -> new SheetCell(cell.getRowIndex(), cell.getColumnIndex(), CellKind.BOOLEAN,
                    cell.getBooleanCellValue() ? "TRUE" : "FALSE", formulaText, false, format, false);
            case ERROR -> new SheetCell(cell.getRowIndex(), cell.getColumnIndex(), CellKind.ERROR, "#ERROR", formulaText, false,
                    format, false);
            default -> formula ? new SheetCell(cell.getRowIndex(), cell.getColumnIndex(), CellKind.TEXT, "", formulaText, false,
                    format, false) : null;
        };
    }
}
