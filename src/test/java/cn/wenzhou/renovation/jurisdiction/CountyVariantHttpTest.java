package cn.wenzhou.renovation.jurisdiction;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Two county variants added as files only, in a copy of the rule folders the service is pointed at:
 * {@code later-cutoff} moves the eligibility cut-off to 2005, {@code weakened} lowers the Civil Code
 * renovation approval to 2/3 of participants. Both are made up for this test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CountyVariantHttpTest {

    static final String CONSENT_TABLE = "decision-tables/consent/consent-thresholds.xlsx";
    static final String CONSENT_SHEET = "表决通过标准";
    static final String APPROVAL_ROW = "CONSENT-CIVIL-CODE-278-APPROVAL";
    static final String AGREEING_AREA_OF_PARTICIPATING = "同意面积/参与面积 ≥";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void countyFolders(DynamicPropertyRegistry registry) {
        Path root = prepare();
        registry.add("renovation.rules-dir", () -> root.resolve("rules").toString());
        registry.add(
                "renovation.decision-tables-dir",
                () -> root.resolve("decision-tables").toString());
    }

    private static Path prepare() {
        try {
            Path root = Files.createTempDirectory("county-variants");
            RuleFolderCopy.copyRepositoryRules(root);
            Path laterCutoff = countyCopy(root, "later-cutoff", RuleFolderCopy.ELIGIBILITY_TABLE);
            RuleFolderCopy.editCell(
                    laterCutoff,
                    RuleFolderCopy.PARAMETER_SHEET,
                    RuleFolderCopy.CUTOFF_ROW,
                    RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                    cell -> cell.setCellValue(2005));
            Path weakened = countyCopy(root, "weakened", CONSENT_TABLE);
            RuleFolderCopy.editCell(
                    weakened,
                    CONSENT_SHEET,
                    APPROVAL_ROW,
                    AGREEING_AREA_OF_PARTICIPATING,
                    cell -> cell.setCellValue("2/3"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A county folder with a descriptor and a copy of one base table; returns the copy. */
    static Path countyCopy(Path root, String code, String baseTable) throws IOException {
        Path copy = root.resolve(baseTable.replaceFirst("^decision-tables/", "decision-tables/counties/" + code + "/"));
        Files.createDirectories(copy.getParent());
        Files.copy(root.resolve(baseTable), copy);
        Files.writeString(
                root.resolve("decision-tables/counties/" + code + "/jurisdiction.yaml"),
                "name: " + code + "（虚构示例）\nparent: wenzhou\ndemonstration: true\n");
        return copy;
    }

    @Test
    void aCountyAddedAsFilesOnlyIsServedWithItsOwnCutoff() throws Exception {
        eligibility("later-cutoff", 2003)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("later-cutoff"))
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
        eligibility("wenzhou", 2003).andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"));
    }

    @Test
    void theDiffShowsTheCutoffChangeAsOldAndNewCellValues() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/later-cutoff/diff"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.demonstration").value(true))
                .andExpect(jsonPath("$.tables.length()").value(1))
                .andExpect(jsonPath("$.tables[0].file").value(RuleFolderCopy.ELIGIBILITY_TABLE))
                .andExpect(jsonPath("$.tables[0].sheet").value(RuleFolderCopy.PARAMETER_SHEET))
                .andExpect(jsonPath("$.tables[0].rows.length()").value(1))
                .andExpect(jsonPath("$.tables[0].rows[0].change").value("CHANGED"))
                .andExpect(jsonPath("$.tables[0].rows[0].ruleId").value(RuleFolderCopy.CUTOFF_ROW))
                .andExpect(jsonPath("$.tables[0].rows[0].cells.length()").value(1))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[0].column").value(RuleFolderCopy.CUTOFF_COLUMN_LABEL))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[0].before").value("2000"))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[0].after").value("2005"))
                .andExpect(jsonPath(
                        "$.summary",
                        hasItem(allOf(containsString(RuleFolderCopy.CUTOFF_ROW), containsString("2000 → 2005")))))
                .andExpect(jsonPath("$.rules").isEmpty())
                .andExpect(jsonPath("$.statutoryViolations").isEmpty());
    }

    @Test
    void aVariantBelowCivilCodeArticle278IsFlaggedWithTheRowThatBreaksIt() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions/weakened/diff"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.served").value(false))
                .andExpect(jsonPath("$.tables[0].rows[0].ruleId").value(APPROVAL_ROW))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[0].before").value("3/4"))
                .andExpect(jsonPath("$.tables[0].rows[0].cells[0].after").value("2/3"))
                .andExpect(jsonPath("$.statutoryViolations.length()").value(1))
                .andExpect(jsonPath("$.statutoryViolations[0].file")
                        .value("decision-tables/counties/weakened/consent/consent-thresholds.xlsx"))
                .andExpect(jsonPath("$.statutoryViolations[0].sheet").value(CONSENT_SHEET))
                .andExpect(jsonPath("$.statutoryViolations[0].cell").value("I8"))
                .andExpect(jsonPath(
                        "$.statutoryViolations[0].message",
                        allOf(
                                containsString(APPROVAL_ROW),
                                containsString("2/3"),
                                containsString("3/4"),
                                containsString("民法典"))));
    }

    @Test
    void theWeakenedVariantIsListedAsRefusedAndItsRequestsAre503() throws Exception {
        mvc.perform(get("/api/v1/jurisdictions"))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'weakened')].served")
                        .value(false))
                .andExpect(jsonPath(
                        "$.jurisdictions[?(@.code == 'weakened')].findings[0].message",
                        hasItem(containsString("低于法律规定"))))
                .andExpect(jsonPath("$.jurisdictions[?(@.code == 'later-cutoff')].served")
                        .value(true));
        eligibility("weakened", 1995)
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("JURISDICTION_REFUSED"))
                .andExpect(jsonPath("$.errors[0].field").value("jurisdiction"))
                .andExpect(jsonPath("$.errors[0].message", containsString(APPROVAL_ROW)));
        eligibility("wenzhou", 1995).andExpect(status().isOk());
    }

    private ResultActions eligibility(String jurisdiction, int completionYear) throws Exception {
        return mvc.perform(post("/api/v1/eligibility")
                .param("jurisdiction", jurisdiction)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                         "listedInShantyRenovationPlan": false,
                         "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                          "propertyManagementInadequate": false},
                         "strongRenovationWillingness": true, "evaluationDate": "2025-11-03"}
                        """.formatted(completionYear)));
    }
}
