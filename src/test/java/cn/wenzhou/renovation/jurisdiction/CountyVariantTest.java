package cn.wenzhou.renovation.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.Eligibility;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.eligibility.HousingKind;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompilationException;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.versions.JurisdictionRefusedException;
import cn.wenzhou.renovation.ruleset.versions.RulesetProperties;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.UnknownJurisdictionException;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.Registries;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * County variants as files only: a folder under counties/ overlays the Wenzhou base, and the
 * registry serves it under its code without any Java change.
 */
@CompilesEditedRules
class CountyVariantTest {

    @TempDir
    Path root;

    @Test
    void aCountyAddedAsFilesOnlyIsServedWithItsOwnTableAndInheritsTheRest() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path county = root.resolve("decision-tables/counties/demo-county/eligibility");
        Files.createDirectories(county);
        Files.copy(
                root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE), county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME));
        RuleFolderCopy.editCell(
                county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME),
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(2005));
        // The changed row cites the county's own document, as its officer writes it in the copy.
        java.util.Map.of("条款", "二、（一）", "原文", "2005年底前建成的城镇老旧小区", "来源", "示例县老旧小区改造实施方案")
                .forEach((column, text) -> {
                    try {
                        RuleFolderCopy.editCell(
                                county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME),
                                RuleFolderCopy.PARAMETER_SHEET,
                                RuleFolderCopy.CUTOFF_ROW,
                                column,
                                cell -> cell.setCellValue(text));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        Files.writeString(
                root.resolve("decision-tables/counties/demo-county/jurisdiction.yaml"),
                "name: 示例县（虚构）\nparent: wenzhou\ndemonstration: true\n");

        RulesetRegistry registry = registry();

        assertThat(registry.active("demo-county").clauseOf(RuleFolderCopy.CUTOFF_ROW))
                .hasValueSatisfying(clause -> {
                    assertThat(clause.source()).isEqualTo("示例县老旧小区改造实施方案");
                    assertThat(clause.section()).isEqualTo("二、（一）");
                    assertThat(clause.quote()).isEqualTo("2005年底前建成的城镇老旧小区");
                });
        assertThat(registry.active("wenzhou").clauseOf(RuleFolderCopy.CUTOFF_ROW))
                .hasValueSatisfying(clause -> assertThat(clause.source()).isNull());

        assertThat(decide(registry, "demo-county", 2003)).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(decide(registry, "wenzhou", 2003)).isNotEqualTo(Eligibility.PRIORITY_RENOVATION);
        RulesetSources demo = registry.validation("demo-county").orElseThrow().sources();
        assertThat(demo.jurisdiction().name()).isEqualTo("示例县（虚构）");
        assertThat(demo.jurisdiction().demonstration()).isTrue();
        assertThat(demo.overridden()).containsExactly(RuleFolderCopy.ELIGIBILITY_TABLE);
        assertThat(demo.added()).isEmpty();
        assertThat(registry.active("demo-county").version())
                .isNotEqualTo(registry.active("wenzhou").version());
    }

    @Test
    void theRepositoryServesWenzhouAndYueqingWhereOnlyYueqingLimitsTheSubdistricts() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry registry = registry();

        assertThat(registry.jurisdictions())
                .extracting(RulesetValidation::jurisdiction)
                .containsExactly("wenzhou", "yueqing");
        assertThat(registry.jurisdictions()).allMatch(RulesetValidation::valid);
        assertThat(decideIn(registry, "yueqing", "柳市镇")).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(decideIn(registry, "wenzhou", "柳市镇")).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(decideIn(registry, "yueqing", "乐成街道")).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(decideIn(registry, "yueqing", null)).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void aBrokenCountyTableRefusesThatCountyAloneNamingItsCell() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, "broken");
        Path county = root.resolve("decision-tables/counties/broken/eligibility");
        Files.createDirectories(county);
        Files.copy(
                root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE), county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME));
        RuleFolderCopy.editCell(
                county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME),
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue("二千"));

        RulesetRegistry registry = registry();

        RulesetValidation broken = registry.validation("broken").orElseThrow();
        assertThat(broken.valid()).isFalse();
        assertThat(broken.problems()).anySatisfy(problem -> {
            assertThat(problem.file())
                    .isEqualTo("decision-tables/counties/broken/eligibility/" + RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
            assertThat(problem.sheet()).isEqualTo(RuleFolderCopy.PARAMETER_SHEET);
            assertThat(problem.cell()).isNotNull();
        });
        JurisdictionRefusedException refused =
                catchThrowableOfType(JurisdictionRefusedException.class, () -> registry.active("broken"));
        assertThat(refused.findings()).isEqualTo(broken.findings());
        assertThat(decideIn(registry, "wenzhou", "柳市镇")).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(decideIn(registry, "yueqing", "柳市镇")).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void aCountyFolderWithoutItsDescriptorIsRefusedNamingTheFileItNeeds() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path county = root.resolve("decision-tables/counties/unnamed/eligibility");
        Files.createDirectories(county);
        Files.copy(
                root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE), county.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME));

        RulesetRegistry registry = registry();

        RulesetValidation unnamed = registry.validation("unnamed").orElseThrow();
        assertThat(unnamed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/counties/unnamed/jurisdiction.yaml");
            assertThat(problem.message()).contains("缺少 jurisdiction.yaml", "name", "parent: wenzhou", "source");
        });
        assertThat(catchThrowableOfType(JurisdictionRefusedException.class, () -> registry.active("unnamed")))
                .isNotNull();
        assertThat(decideIn(registry, "yueqing", "柳市镇")).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void aBrokenBaseTableStillStopsStartupSinceNothingCouldBeServed() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCell(
                root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE),
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue("二千"));

        RulesetCompilationException failure = catchThrowableOfType(RulesetCompilationException.class, this::registry);

        assertThat(failure.jurisdiction()).isEqualTo("wenzhou");
        assertThat(failure.getMessage()).contains(RuleFolderCopy.ELIGIBILITY_TABLE);
    }

    @Test
    void aCountyCannotReplaceTheStatutoryFloors() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, "lawless");
        Path county = root.resolve("rules/counties/lawless/statute");
        Files.createDirectories(county);
        Files.copy(root.resolve("rules/statute/consent-floors.drl"), county.resolve("consent-floors.drl"));

        RulesetValidation lawless = registry().validation("lawless").orElseThrow();

        assertThat(lawless.valid()).isFalse();
        assertThat(lawless.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("rules/counties/lawless/statute/consent-floors.drl");
            assertThat(problem.message()).contains("法律底线");
        });
    }

    @Test
    void anUnknownCodeIsRefused() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry registry = registry();

        assertThat(catchThrowableOfType(UnknownJurisdictionException.class, () -> registry.active("atlantis")))
                .isNotNull();
    }

    private RulesetRegistry registry() {
        return Registries.over(new RulesetProperties(
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString(),
                "wenzhou",
                null));
    }

    private static Eligibility decide(RulesetRegistry registry, String jurisdiction, int completionYear) {
        Community community = community(completionYear, "乐成街道");
        return EligibilityService.decide(registry.active(jurisdiction), community)
                .decision()
                .eligibility();
    }

    private static Eligibility decideIn(RulesetRegistry registry, String jurisdiction, String subdistrict) {
        return EligibilityService.decide(registry.active(jurisdiction), community(1995, subdistrict))
                .decision()
                .eligibility();
    }

    /** A community that qualifies on every count but its completion year, in the given subdistrict. */
    private static Community community(int completionYear, String subdistrict) {
        Community community = new Community();
        community.setCompletionYear(completionYear);
        community.setHousingKind(HousingKind.ORDINARY_RESIDENTIAL_COMMUNITY);
        community.setListedInShantyRenovationPlan(false);
        community.setFunctionsIncomplete(true);
        community.setFacilitiesIncomplete(true);
        community.setPropertyManagementInadequate(true);
        community.setStrongRenovationWillingness(true);
        community.setEvaluationDate(LocalDate.of(2025, 11, 3));
        community.setSubdistrict(subdistrict);
        return community;
    }
}
