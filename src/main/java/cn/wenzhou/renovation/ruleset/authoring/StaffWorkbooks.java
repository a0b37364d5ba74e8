package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.engine.stafftable.FormColumn;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.ValueType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a staff table as the form an officer owns: title and note across the table, Chinese headers that wrap,
 * one row per rule or parameter, the values she may change unlocked and tinted (with a drop-down for every
 * choice and 是/否, whole-number and share cells checked as she types), the rule id, name and citations locked,
 * the sheet protected without a password, and one page wide when printed with the headers repeated.
 */
public final class StaffWorkbooks {

    /** Rows 1–3: title, note, headers; rules from row 4. */
    public static final int HEADER_ROW = 2;

    public static final int FIRST_ROW = 3;
    /** The hidden sheet holding the drop-downs' Chinese labels (a list longer than 255 characters cannot be inline). */
    public static final String CHOICES_SHEET = "选项";

    /** Rows left open below a rule table for an officer to add rules to. */
    private static final int OPEN_ROWS = 20;

    private StaffWorkbooks() {}

    /** Character widths: the whole table fits a 1366-pixel screen (about 175 characters) without scrolling. */
    private static int width(String header, TableForm form) {
        if (header.equals(form.idHeader())) {
            return 30;
        }
        if (header.equals(form.nameHeader())) {
            return form.isParameterTable() ? 30 : 20;
        }
        return switch (header) {
            case "条款" -> 14;
            case "原文" -> 28;
            case "来源" -> 16;
            case "解释" -> 40;
            default -> {
                Optional<FormColumn> column = columnOf(form, header);
                int labels = column.map(c -> c.codes().values().stream()
                                .mapToInt(String::length)
                                .max()
                                .orElse(0))
                        .orElse(0);
                // Text wraps in a wide column; a choice is as wide as its longest label (a Chinese character is two).
                yield column.filter(c -> c.type() == ValueType.TEXT).isPresent()
                        ? 28
                        : Math.max(10, Math.min(24, Math.max(header.length(), labels) * 2 + 2));
            }
        };
    }

    /**
     * The workbook of {@code form} holding {@code rows}: each row maps a header to its value (text, a number, a
     * date, true/false; a code is written as its Chinese label).
     */
    public static byte[] write(TableForm form, List<Map<String, Object>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(safeSheetName(form.title()));
            Styles styles = new Styles(workbook);
            List<String> headers = form.headers();
            int last = headers.size() - 1;

            Row title = sheet.createRow(0);
            cell(title, 0, form.title(), styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row note = sheet.createRow(1);
            cell(note, 0, form.note(), styles.note);
            note.setHeightInPoints(Math.max(30, 15 * (1 + form.note().length() / 80)));
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(32);
            for (int c = 0; c <= last; c++) {
                cell(headerRow, c, headers.get(c), styles.header);
                sheet.setColumnWidth(c, width(headers.get(c), form) * 256);
            }

            int rowCount = form.isParameterTable() ? rows.size() : rows.size() + OPEN_ROWS;
            for (int r = 0; r < rowCount; r++) {
                Row row = sheet.createRow(FIRST_ROW + r);
                Map<String, Object> values = r < rows.size() ? rows.get(r) : Map.of();
                Optional<FormColumn> parameter = form.isParameterTable()
                        ? form.parameters().stream()
                                .filter(p -> p.id().equals(String.valueOf(values.get(form.idHeader()))))
                                .map(TableForm.Parameter::value)
                                .findFirst()
                        : Optional.empty();
                for (int c = 0; c <= last; c++) {
                    String header = headers.get(c);
                    Optional<FormColumn> column =
                            header.equals(TableForm.VALUE_HEADER) ? parameter : columnOf(form, header);
                    // Rows left open for new rules take every value, their rule id and citations included.
                    boolean editable = isEditable(form, header) || r >= rows.size();
                    CellStyle style =
                            styles.of(editable, column.map(FormColumn::type).orElse(ValueType.TEXT));
                    Object value = values.get(header);
                    if (value == null && header.equals(form.nameHeader())) {
                        value = parameter.map(FormColumn::header).orElse(null);
                    }
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(style);
                    write(cell, column.orElse(null), value);
                }
                row.setHeightInPoints(height(row, headers, form));
            }
            validations(workbook, sheet, form, rows.size(), rowCount);

            sheet.createFreezePane(2, FIRST_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            // Protected without a password: anyone may open and read it; only the tinted cells take input.
            sheet.enableLocking();
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * Spreadsheets do not grow a row for its wrapped text when they open a file: the height its longest cell needs,
     * counting a Chinese character as nearly two columns of width.
     */
    private static float height(Row row, List<String> headers, TableForm form) {
        int lines = 1;
        for (Cell cell : row) {
            String text = cell.toString();
            int units = text.codePoints().map(ch -> ch < 0x2E80 ? 10 : 18).sum() / 10;
            int width = width(headers.get(cell.getColumnIndex()), form) - 1;
            lines = Math.max(lines, (units + width - 1) / Math.max(1, width));
        }
        return Math.min(lines, 12) * 15f + 3;
    }

    /**
     * The values an officer changes: the parameter's 取值, a rule table's value columns, and the row's citation, since
     * a county that changes a row cites its own document's clause, quote and 来源 (and anyone may explain, 解释).
     */
    public static boolean isEditable(TableForm form, String header) {
        return header.equals(TableForm.VALUE_HEADER)
                || form.citations().stream().anyMatch(c -> c.header().equals(header))
                || !form.isParameterTable()
                        && form.columns().stream().anyMatch(c -> c.header().equals(header))
                || !form.isParameterTable() && header.equals(form.nameHeader());
    }

    private static Optional<FormColumn> columnOf(TableForm form, String header) {
        return form.columns().stream().filter(c -> c.header().equals(header)).findFirst();
    }

    private static void write(Cell cell, FormColumn column, Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return;
        }
        if (column != null && column.type() == ValueType.CODE) {
            cell.setCellValue(column.codes().getOrDefault(String.valueOf(value), String.valueOf(value)));
        } else if (column != null && column.type() == ValueType.CODES) {
            cell.setCellValue(java.util.Arrays.stream(String.valueOf(value).split("[;；]"))
                    .map(String::strip)
                    .map(code -> column.codes().getOrDefault(code, code))
                    .collect(java.util.stream.Collectors.joining("；")));
        } else if (column != null && column.type() == ValueType.YES_NO && value instanceof Boolean yes) {
            cell.setCellValue(yes ? "是" : "否");
        } else if (value instanceof Number number && (column == null || column.type() != ValueType.SHARE)) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else {
            cell.setCellValue(String.valueOf(value));
        }
    }

    /** A drop-down for every choice and 是/否, a whole-number check for integers, each with a Chinese message. */
    private static void validations(XSSFWorkbook workbook, XSSFSheet sheet, TableForm form, int rules, int rows) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        List<String> headers = form.headers();
        XSSFSheet choices = null;
        for (int c = 0; c < headers.size(); c++) {
            String header = headers.get(c);
            if (header.equals(TableForm.VALUE_HEADER)) {
                for (int r = 0; r < rules; r++) {
                    String id = String.valueOf(
                            sheet.getRow(FIRST_ROW + r).getCell(0).getStringCellValue());
                    int row = FIRST_ROW + r;
                    int column = c;
                    form.parameters().stream()
                            .filter(p -> p.id().equals(id))
                            .findFirst()
                            .flatMap(p -> constraint(helper, p.value()))
                            .ifPresent(constraint -> add(sheet, helper, constraint, row, row, column, form, id));
                }
                continue;
            }
            Optional<FormColumn> column = columnOf(form, header);
            if (column.isEmpty()) {
                continue;
            }
            FormColumn spec = column.get();
            DataValidationConstraint constraint;
            if (spec.type() == ValueType.CODE) {
                if (choices == null) {
                    choices = workbook.createSheet(CHOICES_SHEET);
                    workbook.setSheetHidden(workbook.getSheetIndex(choices), true);
                }
                int listColumn = c;
                List<String> labels = new ArrayList<>(spec.codes().values());
                for (int i = 0; i < labels.size(); i++) {
                    Row row = choices.getRow(i) == null ? choices.createRow(i) : choices.getRow(i);
                    row.createCell(listColumn).setCellValue(labels.get(i));
                }
                String letter = CellReference.convertNumToColString(listColumn);
                Name name = workbook.createName();
                name.setNameName("选项_" + letter);
                name.setRefersToFormula("'" + CHOICES_SHEET + "'!$" + letter + "$1:$" + letter + "$" + labels.size());
                constraint = helper.createFormulaListConstraint(name.getNameName());
            } else {
                Optional<DataValidationConstraint> typed = constraint(helper, spec);
                if (typed.isEmpty()) {
                    continue;
                }
                constraint = typed.get();
            }
            add(sheet, helper, constraint, FIRST_ROW, FIRST_ROW + rows - 1, c, form, spec.header());
        }
    }

    private static Optional<DataValidationConstraint> constraint(DataValidationHelper helper, FormColumn column) {
        return switch (column.type()) {
            case YES_NO -> Optional.of(helper.createExplicitListConstraint(new String[] {"是", "否"}));
            case CODE ->
                Optional.of(helper.createExplicitListConstraint(
                        column.codes().values().toArray(String[]::new)));
            default -> Optional.empty();
        };
    }

    private static void add(
            XSSFSheet sheet,
            DataValidationHelper helper,
            DataValidationConstraint constraint,
            int firstRow,
            int lastRow,
            int column,
            TableForm form,
            String what) {
        DataValidation validation =
                helper.createValidation(constraint, new CellRangeAddressList(firstRow, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setSuppressDropDownArrow(true);
        validation.createErrorBox(form.title(), "请从下拉列表中选择（" + what + "）");
        sheet.addValidationData(validation);
    }

    private static void cell(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

    /** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    static String safeSheetName(String title) {
        String name = title.replaceAll("[:\\\\/?*\\[\\]]", "");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** The styles of the form: title, note, header, and locked or editable cells by type. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        private final XSSFWorkbook workbook;
        private final Map<String, CellStyle> cells = new java.util.HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            note = workbook.createCellStyle();
            note.setWrapText(true);
            note.setVerticalAlignment(VerticalAlignment.TOP);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = bordered();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        CellStyle of(boolean editable, ValueType type) {
            return cells.computeIfAbsent(editable + "|" + type, k -> {
                CellStyle style = bordered();
                style.setWrapText(true);
                style.setVerticalAlignment(VerticalAlignment.TOP);
                style.setLocked(!editable);
                if (editable) {
                    style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                // A share typed as 9/10 stays text: in a General cell a spreadsheet turns it into a date.
                if (type == ValueType.SHARE
                        || type == ValueType.TEXT
                        || type == ValueType.CODE
                        || type == ValueType.CODES) {
                    style.setDataFormat(workbook.createDataFormat().getFormat("@"));
                }
                if (type == ValueType.DATE) {
                    style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                }
                return style;
            });
        }

        private CellStyle bordered() {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
