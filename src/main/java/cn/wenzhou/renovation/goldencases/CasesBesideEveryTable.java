package cn.wenzhou.renovation.goldencases;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RuleSourceLoader;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A table is refused without golden cases beside it, as a policy without its suite: every folder holding a table
 * holds a workbook of cases too. A county's tables count under the base's folder, whose cases run against the
 * county. Checked whenever a ruleset is built (startup, every validation, the command line's {@code validate}).
 */
@Component
class CasesBesideEveryTable implements RulesetCheck {

    private static final String TABLES = "decision-tables/";
    private static final String COUNTY_TABLES = TABLES + RuleSourceLoader.COUNTIES + "/";

    @Override
    public List<RuleProblem> check(CompiledRuleset ruleset) {
        Set<String> withCases =
                ruleset.cases().stream().map(c -> tableFolder(c.file())).collect(Collectors.toSet());
        return ruleset.files().stream()
                .filter(file -> file.startsWith(TABLES) && file.endsWith(".xlsx"))
                .filter(file -> !CaseForm.isCaseWorkbook(file) && !withCases.contains(tableFolder(file)))
                .map(file -> RuleProblem.inFile(
                        file,
                        "这张表格没有测试用例：请在 " + tableFolder(file) + " 放一个测试用例工作簿（文件名以 " + CaseForm.WORKBOOK_SUFFIX
                                + " 结尾），每行一个用例，写明情况、期望的结论和作出结论的规则"))
                .toList();
    }

    /** {@code decision-tables/eligibility/}, also for a county's {@code decision-tables/counties/yueqing/eligibility/x.xlsx}. */
    private static String tableFolder(String file) {
        String base = file.replaceFirst("^" + COUNTY_TABLES + "[^/]+/", TABLES);
        return base.substring(0, base.lastIndexOf('/') + 1);
    }
}
