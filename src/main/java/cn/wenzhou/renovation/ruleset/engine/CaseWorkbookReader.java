package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseRows;
import cn.wenzhou.renovation.ruleset.engine.stafftable.StaffTableRows;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a workbook of golden cases with its form when a ruleset is built, within the rule tables' limits: a case
 * typed wrong, a form missing or a workbook without cases is a finding at its file and cell, like a table's.
 */
final class CaseWorkbookReader {

    private CaseWorkbookReader() {}

    static Optional<CaseRows> read(RuleFile workbook, Map<String, RuleFile> byPath, List<RuleProblem> problems) {
        List<String> formPaths = CaseForm.formPaths(workbook.path());
        Optional<RuleFile> formFile =
                formPaths.stream().map(byPath::get).filter(f -> f != null).findFirst();
        if (formFile.isEmpty()) {
            problems.add(RuleProblem.inFile(
                    workbook.path(), "测试用例缺少表格定义 " + formPaths.get(formPaths.size() - 1) + "，无法读取其中的用例"));
            return Optional.empty();
        }
        CaseForm form;
        try {
            form = CaseForm.parse(new String(formFile.get().content(), StandardCharsets.UTF_8));
        } catch (TableForm.InvalidFormException e) {
            problems.add(RuleProblem.inFile(formFile.get().path(), "测试用例的表格定义有误：" + e.getMessage()));
            return Optional.empty();
        }
        WorkbookContent content;
        try {
            content = RuleWorkbook.read(workbook.content());
        } catch (WorkbookRefusedException e) {
            problems.add(RuleProblem.atCell(workbook.path(), e.sheet(), e.cell(), e.reason()));
            return Optional.empty();
        }
        if (!content.activeContent().isEmpty()) {
            problems.add(RuleProblem.inFile(
                    workbook.path(), "工作簿含有宏、指向其他工作簿的外部链接或 DDE 链接，不予接受：请把数值粘贴为值、另存为不含宏的 .xlsx 后再上传"));
            return Optional.empty();
        }
        if (content.sheets().isEmpty()) {
            problems.add(RuleProblem.inFile(workbook.path(), "工作簿中没有工作表"));
            return Optional.empty();
        }
        SheetContent sheet = content.sheets().get(0);
        StaffTableRows.Read read = StaffTableRows.read(workbook.path(), sheet, form.table());
        if (!read.problems().isEmpty()) {
            problems.addAll(read.problems());
            return Optional.empty();
        }
        if (read.rows().isEmpty()) {
            problems.add(RuleProblem.atCell(workbook.path(), sheet.name(), null, "没有任何测试用例：每张表格都应有用例说明它应如何判定"));
            return Optional.empty();
        }
        return Optional.of(new CaseRows(workbook.path(), sheet.name(), form, read.rows()));
    }
}
