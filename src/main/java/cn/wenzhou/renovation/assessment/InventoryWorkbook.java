package cn.wenzhou.renovation.assessment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenzhou.renovation.api.model.ApprovalPlanResponse;
import cn.wenzhou.renovation.api.model.AssessmentBatchResult;
import cn.wenzhou.renovation.api.model.AssessmentResponse;
import cn.wenzhou.renovation.api.model.Reason;
import cn.wenzhou.renovation.api.model.StepTreatment;
import cn.wenzhou.renovation.web.InvalidWorkbookException;
import cn.wenzhou.renovation.web.PayloadTooLargeException;

/**
 * The Excel inventory districts keep: one community per row in the template this class hands out,
 * read row by row into the same assessment items as the JSON batch, and returned with decision,
 * reason and clause columns filled. A bad row gets its problem written beside it; the others are assessed.
 */
@Component
public class InventoryWorkbook {

    static final String SHEET = "小区清单";
    private static final int HEADING_ROW = 0;
    private static final int PATH_ROW = 1;
    private static final int FIRST_DATA_ROW = 2;
    private static final int MAX_CELL_TEXT = 32_000;
    private static final List<String> RESULT_HEADINGS = List.of("改造范围结论", "表决结论", "资金结论", "审批路径", "理由", "依据条款", "问题");

    /** Told after each row, for a progress bar on the command line. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void rowDone(int done, int total);
    }

    private final ProjectAssessor assessor;
    private final AssessmentProperties properties;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);

    InventoryWorkbook(ProjectAssessor assessor, AssessmentProperties properties) {
        this.assessor = assessor;
        this.properties = properties;
    }

    public byte[] template() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle heading = headingStyle(workbook);
            Row headings = sheet.createRow(HEADING_ROW);
            Row paths = sheet.createRow(PATH_ROW);
            DataValidationHelper validations = sheet.getDataValidationHelper();
            for (int c = 0; c < InventoryColumn.ALL.size(); c++) {
                InventoryColumn column = InventoryColumn.ALL.get(c);
                Cell cell = headings.createCell(c);
                cell.setCellValue(column.heading());
                cell.setCellStyle(heading);
                paths.createCell(c).setCellValue(column.path());
                sheet.setColumnWidth(c, Math.max(12, column.heading().length() * 2 + 2) * 256);
                if (!column.choices().isEmpty()) {
                    var rule = validations.createValidation(
                            validations.createExplicitListConstraint(column.choices().toArray(String[]::new)),
                            new CellRangeAddressList(FIRST_DATA_ROW, properties.maxBatchItems() + FIRST_DATA_ROW, c, c));
                    rule.setShowErrorBox(true);
                    sheet.addValidationData(rule);
                }
            }
            // The path row is what the service reads; staff see the Chinese headings above it.
            paths.setZeroHeight(true);
            sheet.createFreezePane(1, FIRST_DATA_ROW);
            Sheet help = workbook.createSheet("填写说明");
            String[] lines = {
                "每行填写一个小区。某一部分（改造范围、表决、资金、审批）的各列全部留空时，该部分不评估。",
                "“是/否”列填 是 或 否；金额以元为单位、面积以 m² 为单位，最多两位小数；日期填 yyyy-MM-dd 或 Excel 日期。",
                "住房区域类型: ORDINARY_RESIDENTIAL_COMMUNITY 住宅小区; MAINLY_SELF_BUILT_HOUSING_AREA 居民自建住房为主的区域; URBAN_VILLAGE 城中村; SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD 拟拆除新建的棚户区。",
                "表决轮次: FIRST_CONSENT 改造意愿征求（三、1）; DESIGN_PLAN 改造设计方案表决（三、4）。",
                "第2行（隐藏）是各列的字段路径，请勿修改或删除；可以调整列的顺序。",
                "上传到 POST /api/v1/assessments/workbook，或在命令行运行 java -jar renovation-decision-service.jar assess 清单.xlsx -o 结果.xlsx。",
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 150 * 256);
            return bytes(workbook);
        }
    }

    /** Reads every filled row, assesses it, writes the result columns, and returns the workbook. */
    public byte[] assess(byte[] upload, String jurisdiction, Progress progress) throws IOException {
        try (Workbook workbook = open(upload)) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                throw new InvalidWorkbookException("工作簿中没有名为“" + SHEET + "”的工作表：请使用 GET /api/v1/assessments/template.xlsx 下载的模板");
            }
            Map<Integer, InventoryColumn> columns = columnsOf(sheet);
            List<Integer> rows = filledRows(sheet, columns);
            if (rows.size() > properties.maxBatchItems()) {
                throw new PayloadTooLargeException("body", "清单有 " + rows.size() + " 行，一次最多 "
                        + properties.maxBatchItems() + " 行 (renovation.assessment.max-batch-items)");
            }
            int resultColumn = resultColumn(sheet);
            writeResultHeadings(workbook, sheet, resultColumn);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            DataFormatter formatter = new DataFormatter();
            assessor.withOneRuleset(jurisdiction, () -> {
                for (int i = 0; i < rows.size(); i++) {
                    Row row = sheet.getRow(rows.get(i));
                    AssessmentBatchResult result = assessor.assessItem(i, item(row, columns, formatter), jurisdiction);
                    writeResult(row, resultColumn, result, wrap);
                    progress.rowDone(i + 1, rows.size());
                }
                return rows.size();
            });
            return bytes(workbook);
        }
    }

    /** Where the result columns go: after the inputs, or over the results of an earlier run of the same workbook. */
    private static int resultColumn(Sheet sheet) {
        Row paths = sheet.getRow(PATH_ROW);
        for (Cell cell : paths) {
            if (cell.getCellType() == CellType.STRING && RESULT_HEADINGS.get(0).equals(cell.getStringCellValue().strip())) {
                return cell.getColumnIndex();
            }
        }
        return paths.getLastCellNum();
    }

    private static Workbook open(byte[] upload) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(upload));
        } catch (IOException | RuntimeException e) {
            throw new InvalidWorkbookException("无法读取上传的文件：应为 .xlsx 工作簿 (not an .xlsx workbook)");
        }
    }

    private static Map<Integer, InventoryColumn> columnsOf(Sheet sheet) {
        Row paths = sheet.getRow(PATH_ROW);
        if (paths == null) {
            throw new InvalidWorkbookException("第2行（字段路径）缺失：请使用模板");
        }
        Map<String, InventoryColumn> known = InventoryColumn.ALL.stream()
                .collect(Collectors.toMap(InventoryColumn::path, c -> c));
        Map<Integer, InventoryColumn> columns = new HashMap<>();
        for (Cell cell : paths) {
            String path = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : "";
            if (path.isEmpty() || RESULT_HEADINGS.contains(path)) {
                continue;
            }
            InventoryColumn column = known.get(path);
            if (column == null) {
                throw new InvalidWorkbookException("第2行第" + (cell.getColumnIndex() + 1) + "列的字段路径“" + path
                        + "”不是模板中的列");
            }
            columns.put(cell.getColumnIndex(), column);
        }
        if (columns.isEmpty()) {
            throw new InvalidWorkbookException("第2行没有任何字段路径：请使用模板");
        }
        return columns;
    }

    private static List<Integer> filledRows(Sheet sheet, Map<Integer, InventoryColumn> columns) {
        List<Integer> rows = new ArrayList<>();
        for (int r = FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && columns.keySet().stream().anyMatch(c -> !blank(row.getCell(c)))) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** A row as an assessment item: the same JSON a portal would send, so it is checked the same way. */
    private JsonNode item(Row row, Map<Integer, InventoryColumn> columns, DataFormatter formatter) {
        ObjectNode item = nodes.objectNode();
        columns.forEach((index, column) -> {
            Cell cell = row.getCell(index);
            if (!blank(cell)) {
                put(item, column.path(), value(cell, column, formatter));
            }
        });
        return item;
    }

    private JsonNode value(Cell cell, InventoryColumn column, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.BOOLEAN) {
            return nodes.booleanNode(cell.getBooleanCellValue());
        }
        if (type == CellType.NUMERIC) {
            if (column.kind() == InventoryColumn.Kind.DATE && DateUtil.isCellDateFormatted(cell)) {
                return nodes.textNode(cell.getLocalDateTimeCellValue().toLocalDate().toString());
            }
            BigDecimal number = new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue()));
            if (column.kind() == InventoryColumn.Kind.INTEGER && number.stripTrailingZeros().scale() <= 0) {
                return nodes.numberNode(number.toBigIntegerExact());
            }
            return column.kind() == InventoryColumn.Kind.TEXT || column.kind() == InventoryColumn.Kind.CHOICE
                    ? nodes.textNode(number.toPlainString()) : nodes.numberNode(number);
        }
        // A formula's cached text is its value; only the formatter would show the formula itself.
        String text = (type == CellType.STRING ? cell.getStringCellValue() : formatter.formatCellValue(cell)).strip();
        return switch (column.kind()) {
            case YES_NO -> "是".equals(text) ? nodes.booleanNode(true) : "否".equals(text) ? nodes.booleanNode(false) : nodes.textNode(text);
            case DECIMAL -> decimalOrText(text.replace(",", ""));
            // Whole numbers typed as text (a cell formatted as text) are still numbers.
            case INTEGER -> text.matches("-?\\d{1,9}") ? nodes.numberNode(Integer.parseInt(text)) : nodes.textNode(text);
            default -> nodes.textNode(text);
        };
    }

    private JsonNode decimalOrText(String text) {
        try {
            return nodes.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return nodes.textNode(text);
        }
    }

    private static void put(ObjectNode item, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = item;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static boolean blank(Cell cell) {
        return cell == null || cell.getCellType() == CellType.BLANK
                || (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank());
    }

    private static void writeResultHeadings(Workbook workbook, Sheet sheet, int first) {
        CellStyle heading = headingStyle(workbook);
        for (int i = 0; i < RESULT_HEADINGS.size(); i++) {
            Cell cell = sheet.getRow(HEADING_ROW).createCell(first + i);
            cell.setCellValue(RESULT_HEADINGS.get(i));
            cell.setCellStyle(heading);
            sheet.getRow(PATH_ROW).createCell(first + i).setCellValue(RESULT_HEADINGS.get(i));
            sheet.setColumnWidth(first + i, (i >= 4 ? 60 : 24) * 256);
        }
    }

    private static void writeResult(Row row, int first, AssessmentBatchResult result, CellStyle wrap) {
        String[] values = new String[RESULT_HEADINGS.size()];
        if (result.getProblem() != null) {
            values[6] = result.getProblem().getErrors().stream()
                    .map(e -> e.getField().replaceFirst("^items\\[\\d+]\\.?", "") + ": " + e.getMessage())
                    .collect(Collectors.joining("\n"));
        } else {
            AssessmentResponse assessment = result.getAssessment();
            List<Reason> reasons = new ArrayList<>();
            if (assessment.getEligibility() != null) {
                values[0] = assessment.getEligibility().getDecisionLabel();
                reasons.addAll(assessment.getEligibility().getReasons());
                reasons.addAll(assessment.getEligibility().getWhyNot());
            }
            if (assessment.getConsent() != null) {
                values[1] = assessment.getConsent().getDecisionLabel();
                reasons.addAll(assessment.getConsent().getReasons());
                reasons.addAll(assessment.getConsent().getWhyNot());
            }
            if (assessment.getFunding() != null) {
                values[2] = assessment.getFunding().getDecisionLabel();
                reasons.addAll(assessment.getFunding().getReasons());
                reasons.addAll(assessment.getFunding().getWhyNot());
            }
            if (assessment.getApprovals() != null) {
                values[3] = approvalSummary(assessment.getApprovals());
                reasons.addAll(assessment.getApprovals().getScopeReasons());
                assessment.getApprovals().getSteps().forEach(s -> reasons.add(s.getReason()));
            }
            values[4] = reasons.stream().map(r -> r.getRuleId() + "：" + r.getMessage()).distinct()
                    .collect(Collectors.joining("\n"));
            Set<String> clauses = new LinkedHashSet<>();
            reasons.forEach(r -> clauses.add(r.getClause().getSection() + "「" + r.getClause().getQuote() + "」"));
            values[5] = String.join("\n", clauses);
        }
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(first + i);
            cell.setBlank();
            if (values[i] != null) {
                cell.setCellValue(values[i].length() > MAX_CELL_TEXT ? values[i].substring(0, MAX_CELL_TEXT) + "…" : values[i]);
                cell.setCellStyle(wrap);
            }
        }
    }

    private static String approvalSummary(ApprovalPlanResponse plan) {
        String changed = plan.getSteps().stream()
                .filter(s -> s.getTreatment() == StepTreatment.MERGED || s.getTreatment() == StepTreatment.WAIVED
                        || s.getTreatment() == StepTreatment.SIMPLIFIED)
                .map(s -> s.getLabel() + "（" + treatmentLabel(s.getTreatment()) + "）")
                .collect(Collectors.joining("；"));
        return (Boolean.TRUE.equals(plan.getOptimizedScope()) ? "适用优化审批" : "不适用优化审批")
                + (changed.isEmpty() ? "" : "：" + changed);
    }

    private static String treatmentLabel(StepTreatment treatment) {
        return switch (treatment) {
            case MERGED -> "合并编报";
            case WAIVED -> "无需办理";
            case SIMPLIFIED -> "简化办理";
            case REQUIRED -> "须办理";
            case NOT_APPLICABLE -> "不涉及";
        };
    }

    private static CellStyle headingStyle(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
