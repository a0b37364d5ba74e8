package cn.wenzhou.renovation.assessment;

import cn.wenzhou.renovation.api.model.Reason;
import cn.wenzhou.renovation.decision.InventoryColumn;
import cn.wenzhou.renovation.decision.InventoryColumn.Kind;
import cn.wenzhou.renovation.decision.InventoryPart;
import cn.wenzhou.renovation.kernel.InvalidWorkbookException;
import cn.wenzhou.renovation.kernel.PayloadTooLargeException;
import cn.wenzhou.renovation.kernel.PersonalDataMasking;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.workbook.BoundedWorkbookReader;
import cn.wenzhou.renovation.workbook.CellKind;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookLimits;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

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
    /** Excel's own limit on a cell's text: a re-uploaded result with long reasons still reads. */
    private static final int EXCEL_MAX_CELL_TEXT = 32_767;
    /** Rows of the result kept in memory while it is written; the rest are flushed to a temporary file. */
    private static final int ROWS_IN_MEMORY = 200;

    private static final InventoryColumn PROJECT_NAME = InventoryColumn.of("projectName", "项目（小区）名称", Kind.TEXT);
    /** The result columns after each part's conclusion: every part's reasons, their clauses, a bad row's problem. */
    private static final List<String> SHARED_RESULT_HEADINGS = List.of("理由", "依据条款", "问题");

    /** Told after each row, for a progress bar on the command line. */
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void rowDone(int done, int total);
    }

    /** A part of the assessment as the inventory shows it. */
    private record Part(String name, InventoryPart<?> inventory) {}

    private final ProjectAssessor assessor;
    private final AssessmentProperties properties;
    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    /** The parts with inventory columns, in the spec's order: each capability declares its own. */
    private final List<Part> parts;
    /** The template's input columns, with paths as a whole assessment item names them. */
    private final List<InventoryColumn> columns;
    /** Each part's conclusion, then the shared result columns. */
    private final List<String> resultHeadings;

    InventoryWorkbook(ProjectAssessor assessor, AssessmentProperties properties) {
        this.assessor = assessor;
        this.properties = properties;
        this.parts = assessor.parts().stream()
                .flatMap(decider -> decider.inventoryPart().stream()
                        .map(inventory -> new Part(decider.assessmentPart().orElseThrow(), inventory)))
                .toList();
        List<InventoryColumn> all = new ArrayList<>(List.of(PROJECT_NAME));
        parts.forEach(part -> part.inventory().columns().forEach(column -> all.add(column.under(part.name()))));
        this.columns = List.copyOf(all);
        List<String> headings = new ArrayList<>();
        parts.forEach(part -> headings.add(part.inventory().conclusionHeading()));
        headings.addAll(SHARED_RESULT_HEADINGS);
        this.resultHeadings = List.copyOf(headings);
    }

    public byte[] template() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(SHEET);
            Map<Integer, InventoryColumn> byIndex = new TreeMap<>();
            for (int c = 0; c < columns.size(); c++) {
                byIndex.put(c, columns.get(c));
            }
            writeHeadings(workbook, sheet, byIndex, -1);
            Sheet help = workbook.createSheet("填写说明");
            String[] lines = {
                "每行填写一个小区。某一部分（改造范围、表决、资金、审批）的各列全部留空时，该部分不评估。",
                "“是/否”列填 是 或 否；金额以元为单位、面积以 m² 为单位，最多两位小数；日期填 yyyy-MM-dd 或 Excel 日期。",
                "住房区域类型: ORDINARY_RESIDENTIAL_COMMUNITY 住宅小区; MAINLY_SELF_BUILT_HOUSING_AREA 居民自建住房为主的区域; URBAN_VILLAGE 城中村; SHANTY_AREA_FOR_DEMOLITION_AND_REBUILD 拟拆除新建的棚户区。",
                "表决轮次: FIRST_CONSENT 改造意愿征求（三、1）; DESIGN_PLAN 改造设计方案表决（三、4）。",
                "第2行（隐藏）是各列的字段路径，请勿修改或删除；可以调整列的顺序。",
                "请填写数值而不是公式（公式单元格请“选择性粘贴—数值”）；不要加入宏、外部链接或其他工作表的引用。返回的结果只含模板中的列和结论列。",
                "上传到 POST /api/v1/assessments/workbook，或在命令行运行 java -jar renovation-decision-service.jar assess 清单.xlsx -o 结果.xlsx。",
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 150 * 256);
            return bytes(workbook);
        }
    }

    /**
     * Reads the 小区清单 sheet with the inventory's limits (no other sheet is inflated), assesses every
     * filled row, and returns a new workbook holding only the template's columns, the values read from
     * them and the result columns: nothing of the upload is copied.
     */
    public byte[] assess(byte[] upload, CompiledRuleset ruleset, Progress progress) throws IOException {
        return assess(inventorySheet(upload), ruleset, progress);
    }

    /**
     * A community of an inventory: its row as Excel numbers it, its name, and the assessment item read from
     * the template's columns (nothing else of the upload).
     */
    public record InventoryRow(int row, String projectName, JsonNode item) {}

    /** The filled rows of an inventory, read with the inventory's limits. */
    public List<InventoryRow> rows(byte[] upload) {
        SheetContent sheet = inventorySheet(upload);
        Map<Integer, List<SheetCell>> cellsByRow = new TreeMap<>();
        for (SheetCell cell : sheet.cells()) {
            cellsByRow.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell);
        }
        Map<Integer, InventoryColumn> columns = columnsOf(cellsByRow.get(PATH_ROW));
        List<InventoryRow> rows = new ArrayList<>();
        cellsByRow.forEach((row, cells) -> {
            if (row >= FIRST_DATA_ROW && cells.stream().anyMatch(c -> columns.containsKey(c.column()) && !blank(c))) {
                JsonNode item = item(cells, columns);
                rows.add(
                        new InventoryRow(row + 1, item.path(PROJECT_NAME.path()).asText(""), item));
            }
        });
        return rows;
    }

    /** Each part's conclusion for the community under the ruleset, by its heading; a row that cannot be assessed, its problem. */
    public Map<String, String> conclusions(InventoryRow row, CompiledRuleset ruleset) {
        ProjectAssessor.AssessedItem assessed = assessor.assessItem(row.row(), row.item(), ruleset);
        Map<String, String> conclusions = new java.util.LinkedHashMap<>();
        if (!assessed.valid()) {
            conclusions.put("问题", "无法评估");
            return conclusions;
        }
        for (Part part : parts) {
            Object answer = assessed.assessment().answers().get(part.name());
            if (answer != null) {
                conclusions.put(
                        part.inventory().conclusionHeading(), part.inventory().conclusionOf(answer));
            }
        }
        return conclusions;
    }

    private byte[] assess(SheetContent sheet, CompiledRuleset ruleset, Progress progress) throws IOException {
        Map<Integer, List<SheetCell>> cellsByRow = new TreeMap<>();
        for (SheetCell cell : sheet.cells()) {
            cellsByRow.computeIfAbsent(cell.row(), r -> new ArrayList<>()).add(cell);
        }
        Map<Integer, InventoryColumn> columns = columnsOf(cellsByRow.get(PATH_ROW));
        List<Integer> rows = new ArrayList<>();
        cellsByRow.forEach((row, cells) -> {
            if (row >= FIRST_DATA_ROW && cells.stream().anyMatch(c -> columns.containsKey(c.column()) && !blank(c))) {
                rows.add(row);
            }
        });
        int resultColumn =
                columns.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            workbook.setCompressTempFiles(true);
            Sheet result = workbook.createSheet(SHEET);
            writeHeadings(workbook, result, columns, resultColumn);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int i = 0; i < rows.size(); i++) {
                List<SheetCell> cells = cellsByRow.get(rows.get(i));
                ProjectAssessor.AssessedItem assessed = assessor.assessItem(i, item(cells, columns), ruleset);
                Row row = result.createRow(rows.get(i));
                writeInputs(row, cells, columns, date);
                writeResult(row, resultColumn, assessed, wrap);
                progress.rowDone(i + 1, rows.size());
            }
            return bytes(workbook);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** The 小区清单 sheet, read with the tightest limits: this endpoint is open to anyone. */
    private SheetContent inventorySheet(byte[] upload) {
        int rows = properties.maxBatchItems() + FIRST_DATA_ROW;
        long cells = (long) rows * (this.columns.size() + resultHeadings.size());
        WorkbookLimits limits = new WorkbookLimits(
                properties.maxWorkbookSheets(),
                rows,
                properties.maxWorkbookColumns(),
                cells,
                properties.maxWorkbookPartBytes().toBytes(),
                properties.maxWorkbookInflatedBytes().toBytes(),
                (int) Math.min(Integer.MAX_VALUE, cells),
                EXCEL_MAX_CELL_TEXT);
        WorkbookContent content;
        try {
            content = BoundedWorkbookReader.read(upload, limits, SHEET::equals);
        } catch (WorkbookRefusedException e) {
            if (!e.isOverLimit()) {
                throw new InvalidWorkbookException(e.reason());
            }
            if (SHEET.equals(e.sheet()) && e.cell() != null && new CellReference(e.cell()).getRow() >= rows) {
                int item = new CellReference(e.cell()).getRow() - FIRST_DATA_ROW + 1;
                throw new PayloadTooLargeException(
                        "body",
                        "清单的第 " + item + " 行数据（单元格 " + e.cell() + "）超出上限：一次最多 " + properties.maxBatchItems()
                                + " 行 (renovation.assessment.max-batch-items)");
            }
            throw new PayloadTooLargeException("body", e.reason() + " (renovation.assessment.max-workbook-*)");
        }
        SheetContent sheet = content.sheet(SHEET)
                .orElseThrow(() -> new InvalidWorkbookException(
                        "工作簿中没有名为“" + SHEET + "”的工作表：请使用 GET /api/v1/assessments/template.xlsx 下载的模板"));
        for (SheetCell cell : sheet.cells()) {
            if (cell.isFormula()) {
                boolean dde = content.activeContent().stream().anyMatch(a -> a.endsWith("#" + cell.reference()));
                throw new InvalidWorkbookException("工作表“" + SHEET + "”的单元格 " + cell.reference()
                        + (dde
                                ? " 是 DDE 公式（打开时会运行外部程序），已拒收"
                                : " 是公式：清单只接受录入的值（公式保存的结果可能与 Excel 重新计算的不同），请复制后“选择性粘贴—数值”再上传"));
            }
        }
        if (!content.activeContent().isEmpty()) {
            throw new InvalidWorkbookException("工作簿含有打开时会运行代码或读取外部数据的内容（" + String.join("、", content.activeContent())
                    + "）：清单不接受宏、外部链接、数据连接或嵌入对象，请删除后另存再上传");
        }
        return sheet;
    }

    private Map<Integer, InventoryColumn> columnsOf(List<SheetCell> pathRow) {
        if (pathRow == null) {
            throw new InvalidWorkbookException("第2行（字段路径）缺失：请使用模板");
        }
        Map<String, InventoryColumn> known =
                this.columns.stream().collect(Collectors.toMap(InventoryColumn::path, c -> c));
        Map<Integer, InventoryColumn> columns = new TreeMap<>();
        for (SheetCell cell : pathRow) {
            String path = cell.kind() == CellKind.TEXT ? cell.value().strip() : "";
            if (path.isEmpty() || resultHeadings.contains(path)) {
                continue;
            }
            InventoryColumn column = known.get(path);
            if (column == null) {
                throw new InvalidWorkbookException("第2行第" + (cell.column() + 1) + "列的字段路径“" + path + "”不是模板中的列");
            }
            columns.put(cell.column(), column);
        }
        if (columns.isEmpty()) {
            throw new InvalidWorkbookException("第2行没有任何字段路径：请使用模板");
        }
        return columns;
    }

    /** A row as an assessment item: the same JSON a portal would send, so it is checked the same way. */
    private JsonNode item(List<SheetCell> cells, Map<Integer, InventoryColumn> columns) {
        ObjectNode item = nodes.objectNode();
        for (SheetCell cell : cells) {
            InventoryColumn column = columns.get(cell.column());
            if (column != null && !blank(cell)) {
                put(item, column.path(), value(cell, column));
            }
        }
        return item;
    }

    private JsonNode value(SheetCell cell, InventoryColumn column) {
        if (cell.kind() == CellKind.BOOLEAN) {
            return nodes.booleanNode("TRUE".equals(cell.value()));
        }
        if (cell.kind() == CellKind.NUMBER) {
            if (column.kind() == Kind.DATE && cell.dateFormatted()) {
                return nodes.textNode(localDate(cell).toString());
            }
            BigDecimal number = new BigDecimal(cell.value());
            if (column.kind() == Kind.INTEGER && number.stripTrailingZeros().scale() <= 0) {
                return nodes.numberNode(number.toBigIntegerExact());
            }
            return column.kind() == Kind.TEXT || column.kind() == Kind.CHOICE
                    ? nodes.textNode(number.toPlainString())
                    : nodes.numberNode(number);
        }
        String text = cell.value().strip();
        return switch (column.kind()) {
            case YES_NO ->
                "是".equals(text)
                        ? nodes.booleanNode(true)
                        : "否".equals(text) ? nodes.booleanNode(false) : nodes.textNode(text);
            case DECIMAL -> decimalOrText(text.replace(",", ""));
            // Whole numbers typed as text (a cell formatted as text) are still numbers.
            case INTEGER ->
                text.matches("-?\\d{1,9}") ? nodes.numberNode(Integer.parseInt(text)) : nodes.textNode(text);
            default -> nodes.textNode(text);
        };
    }

    private static LocalDate localDate(SheetCell cell) {
        return DateUtil.getLocalDateTime(Double.parseDouble(cell.value())).toLocalDate();
    }

    private JsonNode decimalOrText(String text) {
        try {
            return nodes.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return nodes.textNode(text);
        }
    }

    /** Sets {@code value} at a dotted path of {@code item} ({@code deficiencies.functionsIncomplete}), making the objects on the way. */
    public static void put(ObjectNode item, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = item;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static boolean blank(SheetCell cell) {
        return cell.kind() == CellKind.TEXT && cell.value().isBlank();
    }

    /**
     * Headings, the hidden path row and the drop-downs of {@code columns} (by column index), then the result
     * headings from {@code resultColumn} (none when negative).
     */
    private void writeHeadings(
            Workbook workbook, Sheet sheet, Map<Integer, InventoryColumn> columns, int resultColumn) {
        CellStyle heading = headingStyle(workbook);
        Row headings = sheet.createRow(HEADING_ROW);
        Row paths = sheet.createRow(PATH_ROW);
        DataValidationHelper validations = sheet.getDataValidationHelper();
        columns.forEach((c, column) -> {
            Cell cell = headings.createCell(c);
            cell.setCellValue(column.heading());
            cell.setCellStyle(heading);
            paths.createCell(c).setCellValue(column.path());
            sheet.setColumnWidth(c, Math.max(12, column.heading().length() * 2 + 2) * 256);
            if (!column.choices().isEmpty()) {
                var rule = validations.createValidation(
                        validations.createExplicitListConstraint(
                                column.choices().toArray(String[]::new)),
                        new CellRangeAddressList(FIRST_DATA_ROW, properties.maxBatchItems() + FIRST_DATA_ROW, c, c));
                rule.setShowErrorBox(true);
                sheet.addValidationData(rule);
            }
        });
        if (resultColumn >= 0) {
            for (int i = 0; i < resultHeadings.size(); i++) {
                Cell cell = headings.createCell(resultColumn + i);
                cell.setCellValue(resultHeadings.get(i));
                cell.setCellStyle(heading);
                paths.createCell(resultColumn + i).setCellValue(resultHeadings.get(i));
                sheet.setColumnWidth(resultColumn + i, (i >= parts.size() ? 60 : 24) * 256);
            }
        }
        // The path row is what the service reads; staff see the Chinese headings above it.
        paths.setZeroHeight(true);
        sheet.createFreezePane(1, FIRST_DATA_ROW);
    }

    /** The values read from the template's columns, written back as typed values (text, number, date, yes/no). */
    private static void writeInputs(
            Row row, List<SheetCell> cells, Map<Integer, InventoryColumn> columns, CellStyle date) {
        for (SheetCell cell : cells) {
            if (!columns.containsKey(cell.column())) {
                continue;
            }
            Cell written = row.createCell(cell.column());
            switch (cell.kind()) {
                case NUMBER -> {
                    if (cell.dateFormatted()) {
                        written.setCellValue(localDate(cell));
                        written.setCellStyle(date);
                    } else {
                        written.setCellValue(Double.parseDouble(cell.value()));
                    }
                }
                case BOOLEAN -> written.setCellValue("TRUE".equals(cell.value()));
                // Text is the caller's free text going back out: personal numbers in it are masked, as in every answer.
                default -> written.setCellValue(PersonalDataMasking.mask(cell.value()));
            }
        }
    }

    /** Each part's conclusion, then the reasons, their clauses and a bad row's problem. */
    private void writeResult(Row row, int first, ProjectAssessor.AssessedItem item, CellStyle wrap) {
        String[] values = new String[resultHeadings.size()];
        int reasonsColumn = parts.size();
        if (!item.valid()) {
            values[reasonsColumn + 2] = item.result().getProblem().getErrors().stream()
                    .map(e -> e.getField().replaceFirst("^items\\[\\d+]\\.?", "") + ": " + e.getMessage())
                    .collect(Collectors.joining("\n"));
        } else {
            List<Reason> reasons = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                Object answer = item.assessment().answers().get(parts.get(p).name());
                if (answer != null) {
                    values[p] = parts.get(p).inventory().conclusionOf(answer);
                    reasons.addAll(parts.get(p).inventory().reasonsOf(answer));
                }
            }
            values[reasonsColumn] = reasons.stream()
                    .map(r -> r.getRuleId() + "：" + r.getMessage())
                    .distinct()
                    .collect(Collectors.joining("\n"));
            Set<String> clauses = new LinkedHashSet<>();
            reasons.forEach(r ->
                    clauses.add(r.getClause().getSection() + "「" + r.getClause().getQuote() + "」"));
            values[reasonsColumn + 1] = String.join("\n", clauses);
        }
        for (int i = 0; i < values.length; i++) {
            Cell cell = row.createCell(first + i);
            cell.setBlank();
            if (values[i] != null) {
                cell.setCellValue(
                        values[i].length() > MAX_CELL_TEXT ? values[i].substring(0, MAX_CELL_TEXT) + "…" : values[i]);
                cell.setCellStyle(wrap);
            }
        }
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
