package cn.wenzhou.renovation.ruleset.engine;

import cn.wenzhou.renovation.ruleset.engine.stafftable.RuleTemplate;
import cn.wenzhou.renovation.ruleset.engine.stafftable.StaffTableRows;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableRowChecks;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import cn.wenzhou.renovation.workbook.WorkbookRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;

/**
 * Turns a staff table (a data-only workbook, its form and its rule template) into DRL: the first sheet's rows
 * are read by the form, each value as the literal its type allows, and Drools' rule-template compiler expands
 * the template once per row. Keeps, for each generated rule, the row it came from, so a compiler message about
 * the DRL is reported at the sheet and cell staff edit.
 */
final class StaffTableTranslator {

    static final String FORM_SUFFIX = ".table.yaml";
    static final String TEMPLATE_SUFFIX = ".drt";
    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule \"([^\"]+)\"");

    /** {@code decision-tables/eligibility/scope-parameters.xlsx} is a staff table when its form is among the files. */
    static boolean isStaffTable(RuleFile file, Map<String, RuleFile> byBasePath) {
        return file.isSpreadsheet() && byBasePath.containsKey(formPath(file.path()));
    }

    /**
     * The form of each staff table among {@code files} (a ruleset's, a county's beside the base's), by the
     * workbook's path; a form that cannot be read is left out (the build names it).
     */
    static Map<String, TableForm> formsOf(List<RuleFile> files) {
        Map<String, RuleFile> byBasePath = new HashMap<>();
        files.forEach(f -> byBasePath.put(withoutCounty(f.path()), f));
        Map<String, TableForm> forms = new java.util.LinkedHashMap<>();
        for (RuleFile file : files) {
            if (isStaffTable(file, byBasePath)) {
                try {
                    forms.put(
                            file.path(),
                            TableForm.parse(new String(
                                    byBasePath.get(formPath(file.path())).content(), StandardCharsets.UTF_8)));
                } catch (TableForm.InvalidFormException e) {
                    // not listed: the build refuses the ruleset naming the form
                }
            }
        }
        return forms;
    }

    /** Where the form of a staff workbook is: beside the rules, under the same path, a county's like the base's. */
    static String formPath(String workbookPath) {
        return companion(workbookPath, FORM_SUFFIX);
    }

    static String templatePath(String workbookPath) {
        return companion(workbookPath, TEMPLATE_SUFFIX);
    }

    private static String companion(String workbookPath, String suffix) {
        String base = withoutCounty(workbookPath).replaceFirst("^decision-tables/", "rules/");
        return base.substring(0, base.lastIndexOf('.')) + suffix;
    }

    /** {@code decision-tables/counties/yueqing/x/y.xlsx} → {@code decision-tables/x/y.xlsx}. */
    static String withoutCounty(String path) {
        return path.replaceFirst("^([^/]+)/" + RuleSourceLoader.COUNTIES + "/[^/]+/", "$1/");
    }

    static TableTranslation.SheetDrl translate(RuleFile workbook, RuleFile formFile, RuleFile templateFile)
            throws TableTranslation.TranslationException {
        TableForm form;
        RuleTemplate template;
        try {
            form = TableForm.parse(new String(formFile.content(), StandardCharsets.UTF_8));
        } catch (TableForm.InvalidFormException e) {
            throw problem(RuleProblem.inFile(formFile.path(), "表格定义有误：" + e.getMessage()));
        }
        if (templateFile == null) {
            throw problem(RuleProblem.inFile(workbook.path(), "缺少规则模板 " + templatePath(workbook.path())));
        }
        try {
            template = RuleTemplate.parse(new String(templateFile.content(), StandardCharsets.UTF_8), form);
        } catch (TableForm.InvalidFormException e) {
            throw problem(RuleProblem.inFile(templateFile.path(), e.getMessage()));
        }
        WorkbookContent content;
        try {
            content = RuleWorkbook.read(workbook.content());
        } catch (WorkbookRefusedException e) {
            throw problem(RuleProblem.atCell(workbook.path(), e.sheet(), e.cell(), e.reason()));
        }
        if (!content.activeContent().isEmpty()) {
            throw problem(RuleProblem.inFile(
                    workbook.path(), "工作簿含有宏、指向其他工作簿的外部链接或 DDE 链接，不予接受：请把数值粘贴为值、另存为不含宏的 .xlsx 后再上传"));
        }
        if (content.sheets().isEmpty()) {
            throw problem(RuleProblem.inFile(workbook.path(), "工作簿中没有工作表"));
        }
        SheetContent sheet = content.sheets().get(0);
        StaffTableRows.Read read = StaffTableRows.read(workbook.path(), sheet, form);
        if (!read.problems().isEmpty()) {
            throw new TableTranslation.TranslationException(read.problems());
        }
        if (read.rows().isEmpty()) {
            throw problem(RuleProblem.atCell(workbook.path(), sheet.name(), null, "表格中没有任何规则行"));
        }
        List<RuleProblem> together = TableRowChecks.check(workbook.path(), sheet.name(), form, read.rows());
        if (!together.isEmpty()) {
            throw new TableTranslation.TranslationException(together);
        }
        String drl;
        try {
            drl = template.expand(
                    read.rows().stream().map(StaffTableRows.Row::literals).toList());
        } catch (RuntimeException e) {
            throw problem(RuleProblem.inFile(templateFile.path(), "规则模板无法展开：" + TableTranslation.rootMessage(e)));
        }
        return new TableTranslation.SheetDrl(
                workbook.path(), sheet.name(), drl, generatedRules(drl, read.rows()), sheet);
    }

    /** The rule each row became, found by its id (the template names each rule by it). */
    private static List<TableTranslation.GeneratedRule> generatedRules(String drl, List<StaffTableRows.Row> rows) {
        Map<String, StaffTableRows.Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<TableTranslation.GeneratedRule> rules = new ArrayList<>();
        List<String> lines = drl.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher declaration = RULE_DECLARATION.matcher(lines.get(i));
            StaffTableRows.Row row = declaration.find() ? byId.get(declaration.group(1)) : null;
            if (row != null) {
                String idCell = row.cells().get(TableForm.ID_KEY);
                String column = CellReference.convertNumToColString(new CellReference(idCell).getCol());
                rules.add(new TableTranslation.GeneratedRule(row.id(), row.excelRow(), column, i + 1, row.cells()));
            }
        }
        return rules;
    }

    private static TableTranslation.TranslationException problem(RuleProblem problem) {
        return new TableTranslation.TranslationException(List.of(problem));
    }
}
