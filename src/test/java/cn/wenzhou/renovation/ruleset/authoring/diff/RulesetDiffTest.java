package cn.wenzhou.renovation.ruleset.authoring.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff in the terms a policy officer reads: rows and rules, not bytes. */
class RulesetDiffTest {

    private static final String BASE_DRL = "rules/eligibility/local.drl";
    private static final String COUNTY_DRL = "rules/counties/demo/eligibility/local.drl";
    private static final String BASE_TABLE = "decision-tables/eligibility/subdistricts.xlsx";
    private static final String COUNTY_TABLE = "decision-tables/counties/yueqing/eligibility/subdistricts.xlsx";

    @TempDir
    Path root;

    @Test
    void aRuleChangedOnALineItSharesIsTheOnlyRuleReportedChanged() {
        String before = """
                package cn.wenzhou.renovation.eligibility;
                rule "A" when then end rule "B" when eval(true) then end
                """;
        String after = before.replace("eval(true)", "eval(false)");

        RulesetDiff diff = diff(Map.of(BASE_DRL, before), Map.of(COUNTY_DRL, after));

        assertThat(diff.rules()).singleElement().satisfies(change -> {
            assertThat(change.ruleId()).isEqualTo("B");
            assertThat(change.change()).isEqualTo(ChangeKind.CHANGED);
            assertThat(change.before()).contains("eval(true)").doesNotContain("rule \"A\"");
            assertThat(change.after()).contains("eval(false)");
        });
    }

    @Test
    void reindentingARuleIsNoChange() {
        String before = "package p;\nrule \"A\"\nwhen\nthen\nend\n";
        String after = "package p;\nrule \"A\"\n    when\n    then\nend\n";

        assertThat(diff(Map.of(BASE_DRL, before), Map.of(COUNTY_DRL, after)).isEmpty())
                .isTrue();
    }

    @Test
    void aCountyDrlThatDoesNotParseIsUnreadableNotEveryRuleRemoved() {
        String before = "package p;\nrule \"A\"\nwhen\nthen\nend\nrule \"B\"\nwhen\nthen\nend\n";
        String broken = before.replace("rule \"B\"", "rule \"B\" (");

        RulesetDiff diff = diff(Map.of(BASE_DRL, before), Map.of(COUNTY_DRL, broken));

        assertThat(diff.rules()).isEmpty();
        assertThat(diff.unreadable())
                .singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo(COUNTY_DRL));
    }

    @Test
    void aTableRowAddedAndOneRemovedAreReportedByRuleId() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path table = root.resolve(COUNTY_TABLE);
        byte[] before = Files.readAllBytes(table);
        RuleFolderCopy.editCell(
                table,
                "乐清市改造街道",
                "ELIG-YUEQING-AREA-CHENGNAN",
                "规则编号",
                cell -> cell.setCellValue("ELIG-YUEQING-AREA-LIUSHI"));
        RuleFolderCopy.editCell(
                table, "乐清市改造街道", "ELIG-YUEQING-AREA-LIUSHI", "街道（乡镇）名称", cell -> cell.setCellValue("柳市镇"));

        RulesetSources base = RulesetSources.base(List.of(new RuleFile(BASE_TABLE, before)));
        RulesetSources county = RulesetSources.county(
                "yueqing", base.files(), List.of(new RuleFile(COUNTY_TABLE, Files.readAllBytes(table))));
        RulesetDiff diff = RulesetDiff.between(base, county);

        assertThat(diff.tables())
                .singleElement()
                .satisfies(t -> assertThat(t.rows())
                        .extracting(RowChange::change, RowChange::ruleId)
                        .containsExactly(
                                tuple(ChangeKind.ADDED, "ELIG-YUEQING-AREA-LIUSHI"),
                                tuple(ChangeKind.REMOVED, "ELIG-YUEQING-AREA-CHENGNAN")));
        assertThat(diff.summary())
                .contains(
                        "subdistricts.xlsx 工作表「乐清市改造街道」 新增规则 ELIG-YUEQING-AREA-LIUSHI：街道（乡镇）名称 柳市镇",
                        "subdistricts.xlsx 工作表「乐清市改造街道」 删除规则 ELIG-YUEQING-AREA-CHENGNAN：街道（乡镇）名称 城南街道");
    }

    private static RulesetDiff diff(Map<String, String> baseFiles, Map<String, String> countyFiles) {
        RulesetSources base = RulesetSources.base(files(baseFiles));
        return RulesetDiff.between(base, RulesetSources.county("demo", base.files(), files(countyFiles)));
    }

    private static List<RuleFile> files(Map<String, String> texts) {
        return texts.entrySet().stream()
                .map(e -> new RuleFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
    }
}
