package cn.wenzhou.renovation.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One year's notice as staff keep it: an Excel form (sheet 放假安排, columns 日期 / 类别 / 节日 / 通知年份 / 来源,
 * 类别 chosen from a list) or the packaged CSV form. Staff download this year's, rewrite it from next
 * year's notice and upload it; the reader takes both forms back.
 */
public final class HolidayNoticeForm {

    static final String SHEET = "放假安排";
    static final List<String> HEADERS = List.of("日期", "类别", "节日", "通知年份", "来源");
    static final String HOLIDAY = "放假";
    static final String MAKEUP_WORKDAY = "调休上班";
    /** Rows the 类别 list and the date format reach: far more than any notice lists. */
    private static final int FORM_ROWS = 200;

    private HolidayNoticeForm() {}

    public static byte[] workbook(List<CalendarDay> days) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            Row top = sheet.createRow(0);
            for (int column = 0; column < HEADERS.size(); column++) {
                top.createCell(column).setCellValue(HEADERS.get(column));
                top.getCell(column).setCellStyle(header);
            }
            int rowNumber = 1;
            for (CalendarDay day : days) {
                Row row = sheet.createRow(rowNumber++);
                row.createCell(0).setCellValue(day.date());
                row.getCell(0).setCellStyle(date);
                row.createCell(1).setCellValue(day.kind() == CalendarDay.Kind.HOLIDAY ? HOLIDAY : MAKEUP_WORKDAY);
                row.createCell(2).setCellValue(day.holiday());
                row.createCell(3).setCellValue(day.noticeYear());
                row.createCell(4).setCellValue(day.source());
            }
            for (int r = rowNumber; r <= FORM_ROWS; r++) {
                sheet.createRow(r).createCell(0).setCellStyle(date);
            }
            DataValidationHelper validations = sheet.getDataValidationHelper();
            DataValidation kinds = validations.createValidation(
                    validations.createExplicitListConstraint(new String[] {HOLIDAY, MAKEUP_WORKDAY}),
                    new CellRangeAddressList(1, FORM_ROWS, 1, 1));
            kinds.setShowErrorBox(true);
            kinds.createErrorBox("类别", "请选择“放假”或“调休上班”");
            sheet.addValidationData(kinds);
            sheet.createFreezePane(0, 1);
            int[] widths = {14, 12, 20, 10, 70};
            for (int column = 0; column < widths.length; column++) {
                sheet.setColumnWidth(column, widths[column] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same rows in the packaged file's CSV form. */
    public static String csv(List<CalendarDay> days) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(
                csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord("date", "kind", "holiday", "notice_year", "source");
            for (CalendarDay day : days) {
                printer.printRecord(
                        day.date(),
                        day.kind().name().toLowerCase(Locale.ROOT),
                        day.holiday(),
                        day.noticeYear(),
                        day.source());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }
}
