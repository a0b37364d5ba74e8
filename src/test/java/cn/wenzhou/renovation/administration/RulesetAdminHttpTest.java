package cn.wenzhou.renovation.administration;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The staff workflow over HTTP on the repository's rules, versions kept in a temporary folder: who may
 * do what, a broken table named by its cell, activation without restart, rollback. The test that activates
 * rolls back before it ends, so every test finds the deployed rules whatever ran before it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RulesetAdminHttpTest {

    private static final String EDITOR = "li.na";
    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String CUTOFF_CELL_NAME = RuleFolderCopy.ELIGIBILITY_TABLE_NAME;

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void usersAndDataFolder(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, EDITOR, "rules-editor", PUBLISHER, "rules-publisher");
    }

    @Test
    void withoutCredentialsAdminCallsAreA401Problem() throws Exception {
        mvc.perform(upload("wenzhou", "validate", cutoff(c -> c.setCellValue(2005))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(EDITOR, "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anEditorMayValidateButNotActivate() throws Exception {
        mvc.perform(upload("wenzhou", "activate", cutoff(c -> c.setCellValue(2005)))
                        .param("comment", "试")
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(post("/api/v1/admin/rulesets/wenzhou/rollback/1").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden());
    }

    /**
     * The golden cases come with the rules: moving the cut-off changes the case built in 2000, and an officer who
     * updates that case in the same upload sees no change of it (only the cases she did not update).
     */
    @Test
    void anEditorWhoUpdatesTheCasesAnEditChangesUploadsThemBesideTheTable() throws Exception {
        String cases = "decision-tables/eligibility/eligibility.cases.xlsx";
        String builtIn2000 = "3";
        mvc.perform(upload("wenzhou", "validate", cutoff(c -> c.setCellValue(1999)))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath(
                        "$.scenarioChanges[?(@.file == '" + cases + "')].message",
                        hasItem(allOf(containsString("「2000年当年建成"), containsString("「期望结论」期望 重点改造，实际 不符合改造范围的条件")))));

        byte[] updatedCases = edited(cases, path -> {
            RuleFolderCopy.editCell(path, builtIn2000, "期望结论", c -> c.setCellValue("不符合改造范围的条件"));
            RuleFolderCopy.editCell(path, builtIn2000, "期望作出结论的规则", c -> c.setCellValue("ELIG-DECIDE-NOT-ELIGIBLE"));
            RuleFolderCopy.editCell(path, builtIn2000, "期望同时给出的理由", Cell::setBlank);
        });
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile("files", CUTOFF_CELL_NAME, XLSX, cutoff(c -> c.setCellValue(1999))))
                        .file(new MockMultipartFile("files", "eligibility.cases.xlsx", XLSX, updatedCases))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.replacedFiles", hasItem(cases)))
                .andExpect(jsonPath("$.scenarioChanges[?(@.file == '" + cases + "')]")
                        .isEmpty());
    }

    @Test
    void aBrokenCellIsNamedAndNothingIsActivated() throws Exception {
        mvc.perform(upload("wenzhou", "validate", cutoff(c -> c.setCellValue("二千")))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.activated").value(false))
                .andExpect(jsonPath("$.replacedFiles[0]").value(RuleFolderCopy.ELIGIBILITY_TABLE))
                .andExpect(jsonPath("$.findings[0].file").value(RuleFolderCopy.ELIGIBILITY_TABLE))
                .andExpect(jsonPath("$.findings[0].sheet").value(RuleFolderCopy.PARAMETER_SHEET))
                .andExpect(jsonPath("$.findings[0].cell").value(RuleFolderCopy.CUTOFF_CELL))
                .andExpect(jsonPath("$.findings[0].message", containsString("二千")));
        eligibility(2003).andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"));
    }

    @Test
    void aPublisherActivatesANewCutoffWithoutRestartKeptAsTheNextVersionAndRollbackRestoresTheDeployedAnswers()
            throws Exception {
        String before = rulesetVersion();
        JsonNode listing = versionsListing();
        int deployed = listing.get("activeVersion").asInt();
        int next = listing.get("versions").size() + 1;
        int activations = listing.get("activations").size();
        // The scenarios pin the 2000 cut-off: the edit changes their answers, so it needs the publisher's acceptance.
        mvc.perform(upload("wenzhou", "activate", cutoff(c -> c.setCellValue(2005)))
                        .param("comment", "按县里的口径试行2005年")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.activated").value(false))
                .andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath(
                        "$.scenarioChanges[*].file",
                        hasItem(equalTo("decision-tables/eligibility/eligibility.cases.xlsx"))))
                .andExpect(jsonPath(
                        "$.scenarioChanges[*].message",
                        hasItem(matchesPattern("(?s)测试用例第 \\d+ 行「.+」：「期望结论」期望 .+，实际 .+，由规则 \\S+ 作出"))))
                // The base's cases asked of Yueqing sit in the base's file: the row names the county.
                .andExpect(jsonPath("$.scenarioChanges[*].message", hasItem(startsWith("乐清市：（市级测试用例在本县的判定）测试用例第"))));
        eligibility(2003).andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"));

        try {
            mvc.perform(upload("wenzhou", "activate", cutoff(c -> c.setCellValue(2005)))
                            .param("comment", "按县里的口径试行2005年")
                            .param("acceptScenarioChanges", "true")
                            .with(httpBasic(PUBLISHER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.activated").value(true))
                    .andExpect(jsonPath("$.version.number").value(next))
                    .andExpect(jsonPath("$.version.activatedBy").value(PUBLISHER))
                    .andExpect(jsonPath(
                            "$.version.comment", allOf(startsWith("按县里的口径试行2005年（接受 "), containsString("个测试场景结果的变化"))))
                    .andExpect(jsonPath(
                            "$.changes.summary",
                            hasItem(allOf(containsString(RuleFolderCopy.CUTOFF_ROW), containsString("2000 → 2005")))))
                    .andExpect(jsonPath("$.activeRulesetVersion", not(before)));
            eligibility(2003)
                    .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"))
                    .andExpect(jsonPath("$.rulesetVersion", not(before)));
            mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(EDITOR, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.activeVersion").value(next))
                    .andExpect(jsonPath("$.versions.length()").value(next))
                    .andExpect(jsonPath("$.versions[0].activatedBy").value("部署 (deployment)"))
                    .andExpect(jsonPath("$.versions[" + (next - 1) + "].active").value(true));
            mvc.perform(post("/api/v1/admin/rulesets/wenzhou/rollback/" + deployed)
                            .with(httpBasic(PUBLISHER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.activated").value(true))
                    .andExpect(jsonPath("$.version.number").value(deployed))
                    .andExpect(jsonPath("$.changes.summary", hasItem(containsString("2005 → 2000"))));
        } finally {
            // Whatever failed above, the other tests find the deployed rules.
            if (versionsListing().get("activeVersion").asInt() != deployed) {
                mvc.perform(post("/api/v1/admin/rulesets/wenzhou/rollback/" + deployed)
                        .with(httpBasic(PUBLISHER, PASSWORD)));
            }
        }
        eligibility(2003)
                .andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.rulesetVersion").value(before));
        mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(jsonPath("$.activeVersion").value(deployed))
                .andExpect(jsonPath("$.activations[0].kind").value("DEPLOYMENT"))
                .andExpect(jsonPath("$.activations.length()").value(activations + 2))
                .andExpect(jsonPath("$.activations[" + activations + "].kind").value("ACTIVATION"))
                .andExpect(
                        jsonPath("$.activations[" + activations + "].version").value(next))
                .andExpect(jsonPath("$.activations[" + (activations + 1) + "].kind")
                        .value("ROLLBACK"))
                .andExpect(jsonPath("$.activations[" + (activations + 1) + "].version")
                        .value(deployed))
                .andExpect(
                        jsonPath("$.activations[" + (activations + 1) + "].by").value(PUBLISHER));
    }

    private JsonNode versionsListing() throws Exception {
        return new ObjectMapper()
                .readTree(mvc.perform(
                                get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(EDITOR, PASSWORD)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void aCountyEditBelowTheLawIs422AndChangesNothing() throws Exception {
        String before = jurisdictionVersion("yueqing");
        byte[] weakened = edited(
                "decision-tables/consent/consent-thresholds.xlsx",
                path -> RuleFolderCopy.editCell(
                        path, "表决通过标准", "CONSENT-CIVIL-CODE-278-APPROVAL", "同意面积/参与面积 ≥", c -> c.setCellValue("2/3")));
        mvc.perform(multipart("/api/v1/admin/rulesets/yueqing/activate")
                        .file(new MockMultipartFile("files", "consent-thresholds.xlsx", XLSX, weakened))
                        .param("comment", "试")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.activated").value(false))
                .andExpect(jsonPath("$.replacedFiles[0]")
                        .value("decision-tables/counties/yueqing/consent/consent-thresholds.xlsx"))
                .andExpect(jsonPath("$.findings[0].message", containsString("低于法律规定")))
                .andExpect(jsonPath("$.findings[0].cell").value("I8"));
        org.assertj.core.api.Assertions.assertThat(jurisdictionVersion("yueqing"))
                .isEqualTo(before);
    }

    @Test
    void aBaseEditThatWouldBreakAServedCountyIsRefusedNamingTheCounty() throws Exception {
        String scope = Files.readString(Path.of("rules/eligibility/scope.drl"), StandardCharsets.UTF_8) + """

                rule "ELIG-YUEQING-SUBDISTRICT-MISSING"
                    @clause("一、改造范围")
                    @quote("重点改造2000年前建成的")
                when
                    eval(false)
                then
                end
                """;
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/activate")
                        .file(new MockMultipartFile(
                                "files", "scope.drl", "text/plain", scope.getBytes(StandardCharsets.UTF_8)))
                        .param("comment", "试")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.findings").isEmpty())
                .andExpect(jsonPath("$.countiesItWouldBreak[0].jurisdiction").value("yueqing"))
                .andExpect(jsonPath(
                        "$.countiesItWouldBreak[0].findings[0].message",
                        containsString("ELIG-YUEQING-SUBDISTRICT-MISSING")));
    }

    @Test
    void uploadsThatAreNotPlainRuleFilesAreRefusedNamingTheFile() throws Exception {
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile("files", "eligibility.xlsm", XLSX, new byte[] {1}))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"));
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile(
                                "files", CUTOFF_CELL_NAME, XLSX, realTableWith("xl/vbaProject.bin")))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("宏")));
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile(
                                "files", CUTOFF_CELL_NAME, XLSX, realTableWith("xl/externalLinks/externalLink1.xml")))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("外部链接")));
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile("files", "nonexistent.drl.xlsx", XLSX, zipWith("xl/workbook.xml")))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message", containsString("只能替换已有文件")));
    }

    @Test
    void anUnknownVersionOrJurisdictionIsA404() throws Exception {
        mvc.perform(post("/api/v1/admin/rulesets/wenzhou/rollback/99").with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VERSION"));
        mvc.perform(get("/api/v1/admin/rulesets/atlantis/versions").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_JURISDICTION"));
    }

    @Test
    void anEditorMayNotUploadCodeOnlyValuesOfRuleRows() throws Exception {
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(new MockMultipartFile(
                                "files",
                                "scope.drl",
                                "text/plain",
                                Files.readAllBytes(Path.of("rules/eligibility/scope.drl"))))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("rules-publisher")));
        // A staff table's form (its notes, types and checks) and its template are the publisher's, like code.
        MockMultipartFile form = new MockMultipartFile(
                "files",
                "scope-parameters.table.yaml",
                "text/plain",
                Files.readAllBytes(Path.of("rules/eligibility/scope-parameters.table.yaml")));
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(form)
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"));
        // Code in a value cell is refused by the compiler for every role, at its cell, before anything runs.
        mvc.perform(upload("wenzhou", "validate", cutoff(c -> c.setCellValue("2000); System.exit(1")))
                        .with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[0].cell").value(RuleFolderCopy.CUTOFF_CELL))
                .andExpect(jsonPath("$.findings[0].message", containsString("应填写整数")));
        // The same form is the publisher's to validate: publishers are trusted as for a deployment.
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(form)
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private MockMultipartHttpServletRequestBuilder upload(String jurisdiction, String action, byte[] table) {
        return upload(jurisdiction, action, CUTOFF_CELL_NAME, table);
    }

    private MockMultipartHttpServletRequestBuilder upload(
            String jurisdiction, String action, String fileName, byte[] table) {
        return multipart("/api/v1/admin/rulesets/" + jurisdiction + "/" + action)
                .file(new MockMultipartFile("files", fileName, XLSX, table));
    }

    /** The repository's eligibility table with its cut-off cell edited. */
    private static byte[] cutoff(Consumer<Cell> edit) {
        return edited(
                RuleFolderCopy.ELIGIBILITY_TABLE,
                path -> RuleFolderCopy.editCell(
                        path,
                        RuleFolderCopy.PARAMETER_SHEET,
                        RuleFolderCopy.CUTOFF_ROW,
                        RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                        edit));
    }

    interface Edit {
        void apply(Path copy) throws IOException;
    }

    private static byte[] edited(String repositoryFile, Edit edit) {
        try {
            Path copy = Files.createTempFile("edited", ".xlsx");
            Files.copy(Path.of(repositoryFile), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            edit.apply(copy);
            return Files.readAllBytes(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's eligibility table with one more part, as Excel stores macros or external links. */
    private static byte[] realTableWith(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(
                        Files.newInputStream(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE)));
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (ZipEntry existing; (existing = in.getNextEntry()) != null; ) {
                zip.putNextEntry(new ZipEntry(existing.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(1);
        }
        return bytes.toByteArray();
    }

    private static byte[] zipWith(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(1);
        }
        return bytes.toByteArray();
    }

    private ResultActions eligibility(int completionYear) throws Exception {
        return mvc.perform(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                  "propertyManagementInadequate": false},
                 "strongRenovationWillingness": true, "evaluationDate": "2025-11-03"}
                """.formatted(completionYear)))
                .andExpect(status().isOk());
    }

    private String rulesetVersion() throws Exception {
        return com.jayway.jsonpath.JsonPath.read(
                eligibility(1995).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.rulesetVersion");
    }

    private String jurisdictionVersion(String code) throws Exception {
        String listing = mvc.perform(get("/api/v1/jurisdictions"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        net.minidev.json.JSONArray versions = com.jayway.jsonpath.JsonPath.read(
                listing, "$.jurisdictions[?(@.code == '" + code + "')].rulesetVersion");
        return String.valueOf(versions.get(0));
    }
}
