package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.authoring.StaffWorkbooks;
import cn.wenzhou.renovation.ruleset.engine.stafftable.FormColumn;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.ValueType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The layout rules of a workbook a policy officer owns (issue 20, point 1), as a list of what a workbook breaks:
 * no engine keyword or code on a visible sheet, the headers of its form, the sheet protected with only the value
 * cells open, a drop-down on every choice and 是/否 cell, shares kept as text, one page wide when printed.
 */
public final class StaffWorkbookLayout {

    private static final Pattern ENGINE_TEXT = Pattern.compile(
            "\\b(RuleSet|RuleTable|CONDITION|ACTION|METADATA)\\b|^Import$|insert\\(|\\$param|drools\\.|@\\{");

    private StaffWorkbookLayout() {}

    public static List<String> violations(TableForm form, byte[] workbookBytes) throws IOException {
        List<String> violations = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbookBytes))) {
            for (Sheet any : workbook) {
                if (workbook.isSheetHidden(workbook.getSheetIndex(any))) {
                    continue;
                }
                for (Row row : any) {
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (ENGINE_TEXT.matcher(text).find()) {
                            violations.add(where(any, cell) + " 显示引擎的关键字或代码：" + text);
                        }
                    }
                }
            }
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row headerRow = sheet.getRow(StaffWorkbooks.HEADER_ROW);
            List<String> headers = new ArrayList<>();
            if (headerRow != null) {
                headerRow.forEach(cell -> headers.add(formatter.formatCellValue(cell)));
            }
            if (!headers.equals(form.headers())) {
                violations.add("第 3 行的表头应为 " + form.headers() + "，实为 " + headers);
                return violations;
            }
            if (!sheet.getProtect()) {
                violations.add("工作表「" + sheet.getSheetName() + "」未保护：只有取值单元格应可编辑");
            }
            if (sheet.getPrintSetup().getFitWidth() != 1 || !sheet.getFitToPage()) {
                violations.add("打印未设为一页宽");
            }
            if (sheet.getRepeatingRows() == null) {
                violations.add("打印时未重复表头行");
            }
            for (int c = 0; c < headers.size(); c++) {
                if (!headerRow.getCell(c).getCellStyle().getWrapText()) {
                    violations.add(where(sheet, headerRow.getCell(c)) + " 表头不换行");
                }
            }
            for (int r = StaffWorkbooks.FIRST_ROW; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String id = formatter.formatCellValue(row.getCell(0));
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        continue;
                    }
                    String header = headers.get(c);
                    boolean ruleRow = !id.isEmpty();
                    if (ruleRow && !cell.getCellStyle().getLocked() && !StaffWorkbooks.isEditable(form, header)) {
                        violations.add(where(sheet, cell) + "（" + header + "）不是取值却可以编辑");
                    }
                    Optional<FormColumn> column = columnAt(form, header, id);
                    if (column.isEmpty()) {
                        continue;
                    }
                    ValueType type = column.get().type();
                    if ((type == ValueType.CODE || type == ValueType.YES_NO) && !hasDropDown(sheet, cell)) {
                        violations.add(where(sheet, cell) + "（" + header + "）是选项却没有下拉列表");
                    }
                    if (type == ValueType.SHARE
                            && !"@".equals(cell.getCellStyle().getDataFormatString())) {
                        violations.add(where(sheet, cell) + "（" + header + "）是比例，单元格应设为文本（否则 9/10 会变成日期）");
                    }
                }
            }
        }
        return violations;
    }

    private static Optional<FormColumn> columnAt(TableForm form, String header, String id) {
        if (header.equals(TableForm.VALUE_HEADER)) {
            return form.parameters().stream()
                    .filter(p -> p.id().equals(id))
                    .map(TableForm.Parameter::value)
                    .findFirst();
        }
        return form.columns().stream().filter(c -> c.header().equals(header)).findFirst();
    }

    private static boolean hasDropDown(XSSFSheet sheet, Cell cell) {
        for (XSSFDataValidation validation : sheet.getDataValidations()) {
            for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(cell)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String where(Sheet sheet, Cell cell) {
        return "工作表「" + sheet.getSheetName() + "」单元格 " + new CellReference(cell).formatAsString(false);
    }
}
