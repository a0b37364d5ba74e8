package cn.wenzhou.renovation.goldencases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The golden cases policy staff keep beside the tables: they hold on the rules the service serves, a county is
 * asked the base's cases too, an edit that changes a case is told as 「期望 … 实际 …，由规则 … 作出」 at the cell of
 * the expectation, and a case the officer typed wrong is named at its cell.
 */
@DeployedService
class GoldenCasesTest {

    /** The case of the eligibility cases built in 2000 itself, the cut-off year (以前 includes the year). */
    private static final String BUILT_IN_2000 = "3";

    private static final String ELIGIBILITY_CASES = "decision-tables/eligibility/eligibility.cases.xlsx";

    @Autowired
    private GoldenCases cases;

    @Autowired
    private RulesetRegistry registry;

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wenzhou", "yueqing"})
    void everyCaseOfTheJurisdictionHolds(String jurisdiction) {
        GoldenCases.Run run = cases.run(registry.serving(jurisdiction).ruleset());

        assertThat(run.ownFailures()).extracting(f -> f.problem().toString()).isEmpty();
        assertThat(run.cases()).isPositive();
    }

    /**
     * A county never goes uncovered: Wenzhou's cases are asked of it too, and each one it answers otherwise names a
     * rule of the county's own files among its reasons (its subdistricts), which is the difference its diff explains.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yueqing"})
    void baseCasesAskedOfACountyDifferOnlyWhereTheCountysOwnRulesAnswer(String county) {
        CompiledRuleset ruleset = registry.serving(county).ruleset();
        List<GoldenCases.CaseFailure> differences = cases.run(ruleset).baseDifferences();

        assertThat(cases.caseWorkbooks(ruleset))
                .contains(
                        ELIGIBILITY_CASES,
                        "decision-tables/counties/" + county + "/eligibility/subdistricts.cases.xlsx");
        for (GoldenCases.CaseFailure difference : differences) {
            RuleProblem problem = difference.problem();
            assertThat(problem.message()).startsWith("（市级测试用例在本县的判定）").contains("期望", "实际", "由规则");
            assertThat(difference.answeredRules())
                    .as("%s", problem)
                    .anyMatch(rule -> ruleset.originOf(rule).file().contains("counties/" + county + "/"));
        }
    }

    /** As a policy without its suite: a folder of tables whose cases are taken away fails at each of its tables. */
    @CompilesEditedRules
    @Test
    void aTableWithoutCasesBesideItIsRefused() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Files.delete(root.resolve(ELIGIBILITY_CASES));
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        List<RuleProblem> failures = new CasesBesideEveryTable().check(edited);

        assertThat(new CasesBesideEveryTable().check(registry.serving("yueqing").ruleset()))
                .as("a county's tables are covered by the base's cases")
                .isEmpty();
        assertThat(failures)
                .extracting(RuleProblem::file)
                .containsExactlyInAnyOrderElementsOf(StaffTables.workbooks(root).stream()
                        .filter(p -> p.startsWith("decision-tables/eligibility/"))
                        .toList());
        assertThat(failures)
                .allSatisfy(p ->
                        assertThat(p.message()).startsWith("这张表格没有测试用例：请在 decision-tables/eligibility/ 放一个测试用例工作簿"));
    }

    @CompilesEditedRules
    @Test
    void aMovedCutOffIsToldAtTheExpectedDecisionOfEachCaseItChanges() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(1999));
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        List<RuleProblem> changed = cases.changedBy(registry.serving("wenzhou").ruleset(), edited);

        assertThat(changed).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).endsWith(".cases.xlsx");
            assertThat(problem.message()).matches("(?s)测试用例第 \\d+ 行「.+」：「.+」期望 .+，实际 .+，由规则 \\S+ 作出");
        });
        String row = Integer.toString(Integer.parseInt(BUILT_IN_2000) + 3);
        assertThat(changed)
                .filteredOn(p -> p.file().equals(ELIGIBILITY_CASES) && p.cell().equals("M" + row))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.sheet()).isEqualTo("改造范围测试用例");
                    assertThat(p.message())
                            .startsWith("测试用例第 " + row + " 行「2000年当年建成")
                            .contains("「期望结论」期望 重点改造，实际 不符合改造范围的条件")
                            .endsWith("由规则 ELIG-DECIDE-NOT-ELIGIBLE 作出");
                });
    }

    /** An expectation about one step of a list (期望：初步设计) is told at that step's cell, old and new in words. */
    @CompilesEditedRules
    @Test
    void aLoweredMergeCeilingIsToldAtTheApprovalStepItChanges() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        String ceiling = RuleFolderCopy.editCell(
                root.resolve("decision-tables/approval/simplification-measures.xlsx"),
                "APPROVAL-PARAM-MERGE-PROPOSAL-FEASIBILITY-DESIGN",
                "总投资上限（元，含本数）",
                cell -> cell.setCellValue(1));
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        List<RuleProblem> changed = cases.changedBy(registry.serving("wenzhou").ruleset(), edited);

        assertThat(ceiling).isNotBlank();
        assertThat(changed)
                .filteredOn(p -> p.file().equals("decision-tables/approval/approval.cases.xlsx"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message())
                        .contains("「期望：初步设计」期望 合并编报和审批，实际 ")
                        .endsWith("由规则 APPROVAL-SCOPE-OPTIMIZED 作出"));
    }

    @Test
    void aCaseTypedWrongIsAFindingAtItsCellWhenTheRulesetIsBuilt() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path workbook = root.resolve(ELIGIBILITY_CASES);
        String cell = RuleFolderCopy.editCell(workbook, BUILT_IN_2000, "建成年份", c -> c.setCellValue("二千"));

        assertThat(problemsBuilding(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(ELIGIBILITY_CASES);
            assertThat(p.cell()).isEqualTo(cell);
            assertThat(p.message()).contains("「建成年份」应填写整数", "二千", "用例 " + BUILT_IN_2000);
        });
    }

    @CompilesEditedRules
    @Test
    void aCaseTheDecisionRefusesIsNamedAtTheInputItRefuses() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path workbook = root.resolve(ELIGIBILITY_CASES);
        String cell = RuleFolderCopy.editCell(workbook, BUILT_IN_2000, "建成年份", c -> c.setCellValue(2099));
        CompiledRuleset edited = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        assertThat(cases.failures(edited)).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo(cell);
            assertThat(p.message())
                    .contains("无法判定", "建成年份 2099", "晚于评估日期")
                    .doesNotContain("completion year", "items[0]");
        });
    }

    @Test
    void aCaseWorkbookWithoutItsFormIsRefusedNotSilentlySkipped() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Files.delete(root.resolve("rules/eligibility/eligibility.cases.yaml"));

        assertThat(problemsBuilding(root))
                .anySatisfy(p -> assertThat(p.message()).contains("测试用例缺少表格定义"));
    }

    @CompilesEditedRules
    @Test
    void aCaseAddedIsAChangeOfTheRulesetAndTheSameCasesSavedAgainAreNot() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        CompiledRuleset repository = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
        Path workbook = root.resolve(ELIGIBILITY_CASES);
        StaffTables.write(root, ELIGIBILITY_CASES, StaffTables.rows(workbook));
        CompiledRuleset resaved = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
        RuleFolderCopy.editCell(workbook, BUILT_IN_2000, "用例说明", c -> c.setCellValue("2000年建成，改写了说明"));
        CompiledRuleset described = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));

        assertThat(resaved.hasSameRulesAs(repository)).isTrue();
        assertThat(described.hasSameRulesAs(repository)).isFalse();
    }

    private static List<RuleProblem> problemsBuilding(Path folder) {
        try {
            RepositoryRuleset.compile(folder.resolve("rules"), folder.resolve("decision-tables"));
        } catch (RulesetCompilationException e) {
            return e.problems();
        }
        throw new AssertionError("the ruleset was built");
    }

    private static Set<String> capabilities(List<String> workbooks) {
        return workbooks.stream()
                .filter(w -> !w.startsWith("decision-tables/counties/"))
                .map(w -> w.split("/")[1])
                .collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
