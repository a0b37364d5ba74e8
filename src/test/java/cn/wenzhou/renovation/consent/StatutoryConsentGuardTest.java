package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.RulesetValidation;
import cn.wenzhou.renovation.ruleset.authoring.RulesetValidator;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.engine.stafftable.TableForm;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statutory guard on county variants made of an edited copy of the consent table: going below
 * Civil Code art. 278 (or Property Law art. 76 before 2021) is a violation naming the row; asking for
 * as much or more, in the same share or a stricter one, is not.
 */
@CompilesEditedRules
class StatutoryConsentGuardTest {

    private static final String TABLE = "decision-tables/consent/consent-thresholds.xlsx";
    private static final String LEGAL_BASES_TABLE = "decision-tables/consent/legal-bases.xlsx";
    private static final String REQUIREMENTS = "表决通过标准";
    private static final String LEGAL_BASIS = "适用依据";

    @TempDir
    Path root;

    @Test
    void everyRepositoryJurisdictionMeetsTheStatute() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);

        List<RulesetValidation> all = validateAll();
        assertThat(all).extracting(RulesetValidation::jurisdiction).contains("wenzhou", "yueqing");
        assertThat(all).allSatisfy(StatutoryConsentGuardTest::assertLawful);
    }

    @Test
    void participationLoweredAloneStaysLawfulWhileTheGuideAsksTwoThirdsOfAllOwnersToAgree() throws IOException {
        Path table = countyTable("low-participation");
        setRequirement(table, "CONSENT-CIVIL-CODE-278-PARTICIPATION", "参与面积/总面积 ≥", "1/2");

        assertLawful(validate("low-participation"));
    }

    @Test
    void participationAndTheGuideLoweredToOneHalfBreakArticle278NamingTheRow() throws IOException {
        Path table = countyTable("low-participation");
        String participation = setRequirement(table, "CONSENT-CIVIL-CODE-278-PARTICIPATION", "参与面积/总面积 ≥", "1/2");
        for (String row : List.of("CONSENT-GUIDE-FIRST-CONSENT", "CONSENT-GUIDE-DESIGN-PLAN")) {
            setRequirement(table, row, "同意面积/总面积 ≥", "1/2");
        }

        RulesetValidation county = validate("low-participation");

        assertThat(county.valid()).isFalse();
        assertThat(county.problems()).isEmpty();
        assertThat(county.statutoryViolations()).singleElement().satisfies(violation -> {
            assertThat(violation.file())
                    .isEqualTo("decision-tables/counties/low-participation/consent/consent-thresholds.xlsx");
            assertThat(violation.sheet()).isEqualTo(REQUIREMENTS);
            assertThat(violation.cell()).as("the share that breaks the floor").isEqualTo(participation);
            assertThat(violation.message())
                    .contains(
                            "CONSENT-CIVIL-CODE-278-PARTICIPATION",
                            "1/2",
                            "2/3",
                            "STATUTE-CIVIL-CODE-278-PARTICIPATION-FLOOR",
                            "2021-01-01");
        });
    }

    @Test
    void takingTheCivilCodeOutOfForceLeavesVotesFrom2021WithoutItsFloors() throws IOException {
        Path table = countyTable("no-civil-code", LEGAL_BASES_TABLE);
        RuleFolderCopy.editCell(
                table, LEGAL_BASIS, "CONSENT-BASIS-CIVIL-CODE-278", "自（含）", cell -> cell.setCellValue("2030-01-01"));

        RulesetValidation county = validate("no-civil-code");

        // The guide's 2/3 of all area and households bounds participation (2/3) but not approval (3/4).
        assertThat(county.statutoryViolations())
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation.message()).contains("没有任何施行中的规则要求", "3/4", "2021-01-01"));
        assertThat(county.statutoryViolations())
                .extracting(v -> v.message())
                .anyMatch(m -> m.contains("同意业主专有部分面积占参与表决面积"))
                .anyMatch(m -> m.contains("同意业主户数占参与表决户数"))
                .noneMatch(m -> m.contains("参与表决业主专有部分面积占建筑物总面积"));
    }

    @Test
    void aStricterShareOfAllOwnersMeetsBothFloorsOfArticle278() throws IOException {
        Path table = countyTable("three-quarters-of-all");
        for (String row : List.of("CONSENT-GUIDE-FIRST-CONSENT", "CONSENT-GUIDE-DESIGN-PLAN")) {
            setRequirement(table, row, "同意面积/总面积 ≥", "3/4");
            setRequirement(table, row, "同意户数/总户数 ≥", "3/4");
        }
        for (String column : List.of("参与面积/总面积 ≥", "参与户数/总户数 ≥")) {
            setRequirement(table, "CONSENT-CIVIL-CODE-278-PARTICIPATION", column, null);
        }
        for (String column : List.of("同意面积/参与面积 ≥", "同意户数/参与户数 ≥")) {
            setRequirement(table, "CONSENT-CIVIL-CODE-278-APPROVAL", column, null);
        }

        RulesetValidation county = validate("three-quarters-of-all");

        assertThat(county.findings()).isEmpty();
        assertThat(county.valid()).isTrue();
    }

    @Test
    void raisingTheApprovalAboveThreeQuartersIsAllowed() throws IOException {
        Path table = countyTable("four-fifths");
        setRequirement(table, "CONSENT-CIVIL-CODE-278-APPROVAL", "同意户数/参与户数 ≥", "4/5");

        assertLawful(validate("four-fifths"));
    }

    @Test
    void theApprovalOneStepBelowThreeQuartersIsAViolation() throws IOException {
        Path table = countyTable("just-below");
        setRequirement(table, "CONSENT-CIVIL-CODE-278-APPROVAL", "同意户数/参与户数 ≥", "7499/10000");

        assertThat(validate("just-below").statutoryViolations())
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("7499/10000", "3/4", "同意业主户数占参与表决户数"));
    }

    @Test
    void aCountyRuleThatCountsFailedRequirementsAsMetIsCaughtByTheVotesJustBelowTheFloors() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, "lenient");
        Path tally = root.resolve("rules/counties/lenient/consent/tally.drl");
        Files.createDirectories(tally.getParent());
        String base = Files.readString(root.resolve("rules/consent/tally.drl"));
        String notMet = base.substring(base.indexOf("rule \"CONSENT-REQUIREMENT-NOT-MET\""));
        String lenient = notMet.replaceFirst(
                "CriterionResult\\.of\\(\\$r, \\$v, false\\)", "CriterionResult.of(\\$r, \\$v, true)");
        assertThat(lenient).isNotEqualTo(notMet);
        Files.writeString(tally, base.replace(notMet, lenient));

        RulesetValidation county = validate("lenient");

        // No table row is lower than the law: only the votes show it.
        assertThat(county.problems()).isEmpty();
        assertThat(county.statutoryViolations()).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.file()).isEqualTo("rules/counties/lenient/consent/tally.drl");
            assertThat(violation.message()).contains("判定为同意充分", "CONSENT-DECIDE-SUFFICIENT");
        });
        assertThat(county.statutoryViolations())
                .extracting(v -> v.message())
                .anyMatch(m -> m.contains("同意业主专有部分面积占参与表决面积仅为 74999/100000"));
    }

    @Test
    void aCountyRuleThatWithdrawsTheFloorsIsAViolation() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, "sneaky");
        Path sneaky = root.resolve("rules/counties/sneaky/consent/no-floors.drl");
        Files.createDirectories(sneaky.getParent());
        Files.writeString(sneaky, """
                package cn.wenzhou.renovation.consent;

                rule "SNEAKY-WITHDRAW-FLOORS"
                    @clause("一、改造范围")
                    @quote("重点改造2000年前建成的")
                when
                    $floor : StatutoryFloor()
                then
                    delete($floor);
                end
                """);

        assertThat(validate("sneaky").statutoryViolations())
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("法律底线规则没有给出底线"));
    }

    @Test
    void anUnreadableShareInACountyRowIsRefusedWithItsRowNotACrash() throws IOException {
        Path table = countyTable("unreadable");
        String cell = setRequirement(table, "CONSENT-CIVIL-CODE-278-APPROVAL", "同意面积/参与面积 ≥", "九成");

        RulesetValidation county = validate("unreadable");

        assertThat(county.valid()).isFalse();
        // Read by its column's type when the rules are built: one finding, at the cell, before any probe runs.
        assertThat(county.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("decision-tables/counties/unreadable/consent/consent-thresholds.xlsx");
            assertThat(problem.sheet()).isEqualTo(REQUIREMENTS);
            assertThat(problem.cell()).isEqualTo(cell);
            assertThat(problem.message()).contains("CONSENT-CIVIL-CODE-278-APPROVAL", "九成", "应填写比例");
        });
    }

    @Test
    void everyMeasureHasItsColumnInTheThresholdsTableSoAFindingCanPointAtItsCell() throws IOException {
        TableForm form = StaffTables.formOf(TABLE);

        assertThat(java.util.Arrays.stream(Measure.values()).map(Measure::templateKey))
                .allSatisfy(key -> assertThat(form.valueOf(key)).as(key).isPresent());
    }

    private static void assertLawful(RulesetValidation validation) {
        assertThat(validation.findings()).as(validation.jurisdiction()).isEmpty();
        assertThat(validation.valid()).as(validation.jurisdiction()).isTrue();
    }

    /** Types a minimum into sheet 表决通过标准, row {@code ruleId}, column {@code column}; {@code null} empties the cell. */
    private static String setRequirement(Path table, String ruleId, String column, String minimum) throws IOException {
        return RuleFolderCopy.editCell(table, REQUIREMENTS, ruleId, column, cell -> {
            if (minimum == null) {
                cell.setBlank();
            } else {
                cell.setCellValue(minimum);
            }
        });
    }

    private Path countyTable(String code) throws IOException {
        return countyTable(code, TABLE);
    }

    /** A county's copy of one of the base's consent tables. */
    private Path countyTable(String code, String baseTable) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.declareCounty(root, code);
        Path copy = root.resolve(baseTable.replace("decision-tables/", "decision-tables/counties/" + code + "/"));
        Files.createDirectories(copy.getParent());
        Files.copy(root.resolve(baseTable), copy);
        return copy;
    }

    private RulesetValidation validate(String code) {
        RulesetSources county = sources().stream()
                .filter(s -> s.jurisdiction().code().equals(code))
                .findFirst()
                .orElseThrow();
        return new RulesetValidator(List.of(new StatutoryConsentGuard())).validate(county);
    }

    private List<RulesetValidation> validateAll() {
        RulesetValidator validator = new RulesetValidator(List.of(new StatutoryConsentGuard()));
        return sources().stream().map(validator::validate).toList();
    }

    private List<RulesetSources> sources() {
        return RulesetSources.load(
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString());
    }
}
