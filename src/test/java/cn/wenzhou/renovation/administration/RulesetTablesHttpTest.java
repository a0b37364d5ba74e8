package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The tables a jurisdiction serves, listed and downloaded as an officer starts an edit: under their own file names,
 * so that the edited copy, uploaded, replaces the table it came from; a county without its own copy gets the base's,
 * which its upload then overrides.
 */
@DeployedService
class RulesetTablesHttpTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    private MockMvc mvc;

    @TempDir
    Path folder;

    @Test
    void wenzhouListsEveryTableOfTheRepositoryWithItsTitle() throws Exception {
        ResultActions listed = signedIn(get("/api/v1/admin/rulesets/wenzhou/tables"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.activeVersion").isNumber())
                .andExpect(jsonPath("$.tables[?(@.fileName == 'scope-parameters.xlsx')].title")
                        .value(hasItem(
                                StaffTables.formOf(StaffTables.PARAMETERS).title())))
                .andExpect(jsonPath("$.tables[?(@.fromBase == true)]").isEmpty());
        // Every table and every workbook of golden cases the base has, each downloadable to edit.
        List<String> workbooks = new java.util.ArrayList<>(StaffTables.workbooks(Path.of("")));
        workbooks.addAll(StaffTables.caseWorkbooks(Path.of("")));
        workbooks.removeIf(w -> w.startsWith("decision-tables/counties/"));
        listed.andExpect(jsonPath("$.tables.length()").value(workbooks.size()))
                .andExpect(jsonPath("$.tables[?(@.fileName == 'eligibility.cases.xlsx')].title")
                        .value(hasItem("改造范围测试用例")));
    }

    @Test
    void aCountyListsItsOwnTablesAndTheBasesItServes() throws Exception {
        signedIn(get("/api/v1/admin/rulesets/yueqing/tables"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tables[?(@.fileName == 'subdistricts.xlsx')].fromBase")
                        .value(hasItem(false)))
                .andExpect(jsonPath("$.tables[?(@.fileName == 'subdistricts.xlsx')].file")
                        .value(hasItem("decision-tables/counties/yueqing/eligibility/subdistricts.xlsx")))
                .andExpect(jsonPath("$.tables[?(@.fileName == 'scope-parameters.xlsx')].fromBase")
                        .value(hasItem(true)));
    }

    @Test
    void theDownloadIsTheServedTableUnderItsOwnName() throws Exception {
        byte[] downloaded = download("wenzhou", "eligibility", "scope-parameters.xlsx", "")
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string("Content-Disposition", containsString("scope-parameters.xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(downloaded).isEqualTo(Files.readAllBytes(Path.of(StaffTables.PARAMETERS)));
    }

    @Test
    void aDownloadedTableEditedAndUploadedShowsTheOfficersChange() throws Exception {
        Path table = folder.resolve("scope-parameters.xlsx");
        Files.write(
                table,
                download("wenzhou", "eligibility", "scope-parameters.xlsx", "")
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        String cell = RuleFolderCopy.editCell(table, RuleFolderCopy.CUTOFF_ROW, "取值", c -> c.setCellValue("2005年"));

        signedIn(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile("files", "scope-parameters.xlsx", XLSX, Files.readAllBytes(table))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replacedFiles[0]").value(StaffTables.PARAMETERS))
                .andExpect(jsonPath("$.changes.summary[0]", containsString("取值 2000 → 2005")))
                .andExpect(jsonPath("$.changes.tables[0].rows[0].cells[?(@.column == '取值')].cell")
                        .value(hasItem(cell)));
    }

    @Test
    void aCountyDownloadingTheBasesTableUploadsItAsItsOwn() throws Exception {
        byte[] base = download("yueqing", "eligibility", "scope-parameters.xlsx", "")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(base).isEqualTo(Files.readAllBytes(Path.of(StaffTables.PARAMETERS)));
        signedIn(multipart("/api/v1/admin/rulesets/yueqing/validate")
                        .file(new MockMultipartFile("files", "scope-parameters.xlsx", XLSX, base)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.replacedFiles[0]")
                        .value("decision-tables/counties/yueqing/eligibility/scope-parameters.xlsx"))
                .andExpect(jsonPath("$.unchanged").value(true))
                .andExpect(jsonPath("$.changes.tables").isEmpty());
    }

    /** A county's first copy of a base table is compared with the base's: the officer sees her one change. */
    @Test
    void aCountysFirstOverrideOfABaseTableShowsTheValueItChanges() throws Exception {
        Path table = folder.resolve("scope-parameters.xlsx");
        Files.write(
                table,
                download("yueqing", "eligibility", "scope-parameters.xlsx", "")
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray());
        String cell = RuleFolderCopy.editCell(
                table, RuleFolderCopy.CUTOFF_ROW, RuleFolderCopy.CUTOFF_COLUMN_LABEL, c -> c.setCellValue(2005));

        signedIn(multipart("/api/v1/admin/rulesets/yueqing/validate")
                        .file(new MockMultipartFile("files", "scope-parameters.xlsx", XLSX, Files.readAllBytes(table))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(false))
                .andExpect(jsonPath("$.changes.tables.length()").value(1))
                .andExpect(jsonPath("$.changes.tables[0].rows.length()").value(1))
                .andExpect(jsonPath("$.changes.tables[0].rows[0].change").value("CHANGED"))
                .andExpect(jsonPath("$.changes.tables[0].rows[0].cells[0].cell").value(cell))
                .andExpect(
                        jsonPath("$.changes.tables[0].rows[0].cells[0].before").value("2000"))
                .andExpect(
                        jsonPath("$.changes.tables[0].rows[0].cells[0].after").value("2005"));
    }

    @Test
    void aKeptVersionIsDownloadedByItsNumber() throws Exception {
        download("wenzhou", "eligibility", "scope-parameters.xlsx", "?version=1")
                .andExpect(status().isOk());
        download("wenzhou", "eligibility", "scope-parameters.xlsx", "?version=99")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VERSION"))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aTableTheJurisdictionDoesNotServeIsA404NamingTheFileName() throws Exception {
        download("wenzhou", "eligibility", "subdistricts.xlsx", "")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("fileName"))
                .andExpect(jsonPath("$.errors[0].message", containsString("subdistricts.xlsx")));
    }

    @Test
    void aFileNameThatIsNotAWorkbookIsA400NamingIt() throws Exception {
        download("wenzhou", "eligibility", "scope.drl", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fileName"));
    }

    @Test
    void withoutSigningInTheTablesAreNotShown() throws Exception {
        mvc.perform(get("/api/v1/admin/rulesets/wenzhou/tables")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/admin/rulesets/wenzhou/tables/eligibility/scope-parameters.xlsx"))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions download(String jurisdiction, String capability, String fileName, String query)
            throws Exception {
        return signedIn(
                get("/api/v1/admin/rulesets/" + jurisdiction + "/tables/" + capability + "/" + fileName + query));
    }

    private ResultActions signedIn(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(httpBasic(DeployedService.PUBLISHER, DeployedService.PASSWORD)));
    }
}
