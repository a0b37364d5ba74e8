package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.wenzhou.renovation.ruleset.RulesetSources;
import cn.wenzhou.renovation.ruleset.RulesetValidation;
import cn.wenzhou.renovation.ruleset.RulesetValidator;
import cn.wenzhou.renovation.testing.RuleFolderCopy;

/**
 * The statutory guard on county variants made of an edited copy of the consent table: going below
 * Civil Code art. 278 (or Property Law art. 76 before 2021) is a violation naming the row; asking for
 * as much or more, in the same share or a stricter one, is not.
 */
class StatutoryConsentGuardTest {

    private static final String TABLE = "decision-tables/consent/consent.drl.xlsx";
    private static final String REQUIREMENTS = "表决通过标准";
    private static final String LEGAL_BASIS = "适用依据";

    @TempDir
    Path root;

    @Test
    void theRepositoryJurisdictionsMeetTheStatute() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);

        assertThat(validateAll()).allSatisfy(v -> assertThat(v.statutoryViolations()).as(v.jurisdiction()).isEmpty());
    }

    @Test
    void participationLoweredAloneStaysLawfulWhileTheGuideAsksTwoThirdsOfAllOwnersToAgree() throws IOException {
        Path table = countyTable("low-participation");
        RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-PARTICIPATION", "参与面积/总面积 ≥",
                cell -> cell.setCellValue("1/2"));

        assertThat(validate("low-participation").statutoryViolations()).isEmpty();
    }

    @Test
    void participationAndTheGuideLoweredToOneHalfBreakArticle278NamingTheRow() throws IOException {
        Path table = countyTable("low-participation");
        RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-PARTICIPATION", "参与面积/总面积 ≥",
                cell -> cell.setCellValue("1/2"));
        for (String row : List.of("CONSENT-GUIDE-FIRST-CONSENT", "CONSENT-GUIDE-DESIGN-PLAN")) {
            RuleFolderCopy.editCell(table, REQUIREMENTS, row, "同意面积/总面积 ≥", cell -> cell.setCellValue("1/2"));
        }

        RulesetValidation county = validate("low-participation");

        assertThat(county.valid()).isFalse();
        assertThat(county.problems()).isEmpty();
        assertThat(county.statutoryViolations()).singleElement().satisfies(violation -> {
            assertThat(violation.file()).isEqualTo("decision-tables/counties/low-participation/consent/consent.drl.xlsx");
            assertThat(violation.sheet()).isEqualTo(REQUIREMENTS);
            assertThat(violation.cell()).isEqualTo("B13");
            assertThat(violation.message()).contains("CONSENT-CIVIL-CODE-278-PARTICIPATION", "1/2", "2/3",
                    "STATUTE-CIVIL-CODE-278-PARTICIPATION-FLOOR", "2021-01-01");
        });
    }

    @Test
    void takingTheCivilCodeOutOfForceLeavesVotesFrom2021WithoutItsFloors() throws IOException {
        Path table = countyTable("no-civil-code");
        RuleFolderCopy.editCell(table, LEGAL_BASIS, "CONSENT-BASIS-CIVIL-CODE-278", "自（含）",
                cell -> cell.setCellValue("2030-01-01"));

        RulesetValidation county = validate("no-civil-code");

        // The guide's 2/3 of all area and households bounds participation (2/3) but not approval (3/4).
        assertThat(county.statutoryViolations()).isNotEmpty().allSatisfy(violation ->
                assertThat(violation.message()).contains("没有任何施行中的规则要求", "3/4", "2021-01-01"));
        assertThat(county.statutoryViolations()).extracting(v -> v.message())
                .anyMatch(m -> m.contains("同意业主专有部分面积占参与表决面积"))
                .anyMatch(m -> m.contains("同意业主户数占参与表决户数"))
                .noneMatch(m -> m.contains("参与表决业主专有部分面积占建筑物总面积"));
    }

    @Test
    void aStricterShareOfAllOwnersMeetsBothFloorsOfArticle278() throws IOException {
        Path table = countyTable("three-quarters-of-all");
        for (String row : List.of("CONSENT-GUIDE-FIRST-CONSENT", "CONSENT-GUIDE-DESIGN-PLAN")) {
            RuleFolderCopy.editCell(table, REQUIREMENTS, row, "同意面积/总面积 ≥", cell -> cell.setCellValue("3/4"));
            RuleFolderCopy.editCell(table, REQUIREMENTS, row, "同意户数/总户数 ≥", cell -> cell.setCellValue("3/4"));
        }
        for (String column : List.of("参与面积/总面积 ≥", "参与户数/总户数 ≥")) {
            RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-PARTICIPATION", column,
                    cell -> cell.setBlank());
        }
        for (String column : List.of("同意面积/参与面积 ≥", "同意户数/参与户数 ≥")) {
            RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-APPROVAL", column,
                    cell -> cell.setBlank());
        }

        RulesetValidation county = validate("three-quarters-of-all");

        assertThat(county.findings()).isEmpty();
        assertThat(county.valid()).isTrue();
    }

    @Test
    void raisingTheApprovalAboveThreeQuartersIsAllowed() throws IOException {
        Path table = countyTable("four-fifths");
        RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-APPROVAL", "同意户数/参与户数 ≥",
                cell -> cell.setCellValue("4/5"));

        assertThat(validate("four-fifths").statutoryViolations()).isEmpty();
    }

    @Test
    void theApprovalOneStepBelowThreeQuartersIsAViolation() throws IOException {
        Path table = countyTable("just-below");
        RuleFolderCopy.editCell(table, REQUIREMENTS, "CONSENT-CIVIL-CODE-278-APPROVAL", "同意户数/参与户数 ≥",
                cell -> cell.setCellValue("7499/10000"));

        assertThat(validate("just-below").statutoryViolations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("7499/10000", "3/4", "同意业主户数占参与表决户数"));
    }

    private Path countyTable(String code) throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        Path copy = root.resolve("decision-tables/counties/" + code + "/consent/consent.drl.xlsx");
        Files.createDirectories(copy.getParent());
        Files.copy(root.resolve(TABLE), copy);
        return copy;
    }

    private RulesetValidation validate(String code) {
        RulesetSources county = sources().stream().filter(s -> s.jurisdiction().code().equals(code)).findFirst().orElseThrow();
        return new RulesetValidator(List.of(new StatutoryConsentGuard())).validate(county);
    }

    private List<RulesetValidation> validateAll() {
        RulesetValidator validator = new RulesetValidator(List.of(new StatutoryConsentGuard()));
        return sources().stream().map(validator::validate).toList();
    }

    private List<RulesetSources> sources() {
        return RulesetSources.load(root.resolve("rules").toString(), root.resolve("decision-tables").toString());
    }
}
