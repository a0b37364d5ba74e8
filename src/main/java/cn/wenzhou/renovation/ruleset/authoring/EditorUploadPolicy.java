package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.ruleset.authoring.diff.RuleTableContent;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rules editor (not a publisher) may upload. Validation compiles and runs the rules, and rules
 * are code: a DRL file, a decision table's templates, or a value spliced into an unquoted template
 * (e.g. {@code new PriorityCutoff($param)}) could run anything in the service. So an editor may change
 * the values of rule rows only: no DRL and no change outside the rule rows. What a rule-row value may
 * be is decided for every role by the compiler ({@code RuleSheetRendering}), which reads the workbook
 * through the same {@link RuleWorkbook}. Publishers are trusted with templates and DRL as for a deployment.
 */
public final class EditorUploadPolicy {

    private EditorUploadPolicy() {}

    /** Refuses, naming {@code files[i]}, any upload an editor may not make; {@code current} is what each replaces. */
    public static void check(List<RuleFile> placed, Map<String, RuleFile> current) {
        for (int i = 0; i < placed.size(); i++) {
            RuleFile file = placed.get(i);
            String field = "files[" + i + "]";
            if (file.isDrl()) {
                throw new UploadNotPermittedException(field, "DRL 规则文件可执行任意代码，只能由发布人员（rules-publisher）上传校验；编辑人员请上传决策表");
            }
            String lower = file.path().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".drt") || lower.endsWith(".table.yaml")) {
                throw new UploadNotPermittedException(
                        field, "表格的规则模板和定义决定每行如何成为规则，只能由发布人员（rules-publisher）上传；编辑人员请上传表格本身");
            }
            RuleFile before = current.get(file.path());
            if (before == null) {
                throw new UploadNotPermittedException(field, "只能修改已有决策表的规则行");
            }
            if (!file.isDecisionTable()) {
                // A staff table holds data only: every cell is read by its form's types when the rules are built.
                continue;
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
        }
        Map<String, String> outsideAfter = cellsOutsideRuleRows(after, ruleRows);
        Map<String, String> outsideBefore = cellsOutsideRuleRows(before, ruleRows);
        Set<String> addresses = new HashSet<>(outsideAfter.keySet());
        addresses.addAll(outsideBefore.keySet());
        for (String address : addresses.stream().sorted().toList()) {
            if (!outsideAfter.getOrDefault(address, "").equals(outsideBefore.getOrDefault(address, ""))) {
                throw new UploadNotPermittedException(
                        field, address + " 不在规则行内：编辑人员只能修改规则行的取值，" + "表头、模板和说明须由发布人员（rules-publisher）修改");
            }
        }
    }

    /** Every non-blank cell that is not in a rule row of a rule table, by sheet and address. */
    private static Map<String, String> cellsOutsideRuleRows(RuleFile file, Map<String, Set<Integer>> ruleRows)
            throws IOException {
        Map<String, String> cells = new HashMap<>();
        try {
            for (SheetContent sheet : RuleWorkbook.read(file.content()).sheets()) {
                Set<Integer> rows = ruleRows.getOrDefault(sheet.name(), Set.of());
                for (SheetCell cell : sheet.cells()) {
                    String text = cell.isFormula() ? "=" + cell.formula() : RuleWorkbook.text(cell);
                    if (!rows.contains(cell.row() + 1) && !text.isBlank()) {
                        cells.put("工作表「" + sheet.name() + "」单元格 " + cell.reference(), text);
                    }
                }
            }
        } catch (WorkbookRefusedException e) {
            throw new IOException(e.reason(), e);
        }
        return cells;
    }
}
