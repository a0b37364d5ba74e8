package cn.wenzhou.renovation.administration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import cn.wenzhou.renovation.ruleset.RuleFile;
import cn.wenzhou.renovation.ruleset.diff.RuleTableContent;

/**
 * What a rules editor (not a publisher) may upload. Validation compiles and runs the rules, and rules
 * are code: a DRL file, a decision table's templates, or a value spliced into an unquoted template
 * (e.g. {@code new PriorityCutoff($param)}) could run anything in the service. So an editor may change
 * the values of rule rows only: no DRL, no change outside the rule rows, and each value a plain
 * literal where the template does not quote it. Publishers are trusted as for a deployment.
 */
final class EditorUploadPolicy {

    /** Numbers, shares, dates, codes, 是/否, Chinese text: nothing that can leave a literal. */
    private static final Pattern PLAIN_LITERAL = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}_.,:/%+\\-、；，。：（）“”《》·]*");

    private EditorUploadPolicy() {
    }

    /** Refuses, naming {@code files[i]}, any upload an editor may not make; {@code current} is what each replaces. */
    static void check(List<RuleFile> placed, Map<String, RuleFile> current) {
        for (int i = 0; i < placed.size(); i++) {
            RuleFile file = placed.get(i);
            String field = "files[" + i + "]";
            if (file.isDrl()) {
                throw new UploadNotPermittedException(field,
                        "DRL 规则文件可执行任意代码，只能由发布人员（rules-publisher）上传校验；编辑人员请上传决策表");
            }
            RuleFile before = current.get(file.path());
            if (before == null) {
                throw new UploadNotPermittedException(field, "只能修改已有决策表的规则行");
            }
            try {
                checkTable(file, before, field);
            } catch (IOException e) {
                throw new UploadNotPermittedException(field, "无法读取工作簿");
            }
        }
    }

    private static void checkTable(RuleFile after, RuleFile before, String field) throws IOException {
        List<RuleTableContent> tables = RuleTableContent.read(after.content());
        Map<String, Set<Integer>> ruleRows = new HashMap<>();
        for (RuleTableContent table : tables) {
            Set<Integer> rows = ruleRows.computeIfAbsent(table.sheet(), s -> new HashSet<>());
            table.rows().values().forEach(row -> rows.add(row.excelRow()));
            checkValues(table, field);
        }
        Map<String, String> outsideAfter = cellsOutsideRuleRows(after, ruleRows);
        Map<String, String> outsideBefore = cellsOutsideRuleRows(before, ruleRows);
        Set<String> addresses = new HashSet<>(outsideAfter.keySet());
        addresses.addAll(outsideBefore.keySet());
        for (String address : addresses.stream().sorted().toList()) {
            if (!outsideAfter.getOrDefault(address, "").equals(outsideBefore.getOrDefault(address, ""))) {
                throw new UploadNotPermittedException(field, address + " 不在规则行内：编辑人员只能修改规则行的取值，"
                        + "表头、模板和说明须由发布人员（rules-publisher）修改");
            }
        }
    }

    private static void checkValues(RuleTableContent table, String field) {
        Map<String, RuleTableContent.Column> columns = new HashMap<>();
        table.columns().forEach(c -> columns.put(c.heading(), c));
        for (RuleTableContent.TableRow row : table.rows().values()) {
            row.cells().forEach((heading, cell) -> {
                RuleTableContent.Column column = columns.get(heading);
                String text = cell.text();
                boolean quotedTemplate = column != null && column.code().contains("\"$param\"");
                boolean code = column != null && (column.keyword().equals("CONDITION") || column.keyword().equals("ACTION"));
                boolean safe = text.indexOf('"') < 0 && text.indexOf('\\') < 0
                        && (!code || quotedTemplate || PLAIN_LITERAL.matcher(text).matches());
                if (!safe) {
                    throw new UploadNotPermittedException(field, "工作表「" + table.sheet() + "」单元格 " + cell.reference()
                            + " 的取值含有可改变规则代码的字符（如英文引号、反斜杠、英文括号或分号）：编辑人员只能填写数值、代码和文字");
                }
            });
        }
    }

    /** Every non-blank cell that is not in a rule row of a rule table, by sheet and address. */
    private static Map<String, String> cellsOutsideRuleRows(RuleFile file, Map<String, Set<Integer>> ruleRows) throws IOException {
        Map<String, String> cells = new HashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : workbook) {
                Set<Integer> rows = ruleRows.getOrDefault(sheet.getSheetName(), Set.of());
                for (Row row : sheet) {
                    if (rows.contains(row.getRowNum() + 1)) {
                        continue;
                    }
                    for (Cell cell : row) {
                        String text = formatter.formatCellValue(cell);
                        if (!text.isBlank()) {
                            cells.put("工作表「" + sheet.getSheetName() + "」单元格 "
                                    + new CellReference(cell.getRowIndex(), cell.getColumnIndex()).formatAsString(false), text);
                        }
                    }
                }
            }
        }
        return cells;
    }
}
