package cn.wenzhou.renovation.receipt;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.ruleset.versions.RulesetStore;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A full disk over HTTP, without filling a real one: the ruleset versions are kept on a size-limited
 * in-memory file system (Jimfs) that the test fills, and the receipt store fails as H2 does on a full
 * disk. Each failure is a 503 problem saying what failed, nothing half-done is served, and the service
 * recovers once there is room, without a restart. A torn audit line is listed, not a 500.
 */
@SpringBootTest
@AutoConfigureMockMvc
// Its stores live on a file system the class closes: a context kept after it would poll a closed disk.
@DirtiesContext
class StorageFaultHttpTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "disk-full";
    /** 16 MB in 64-byte blocks: room for the deployed versions; the test fills the rest. */
    private static final FileSystem DISK = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setBlockSize(64)
            .setMaxSize(16L << 20)
            .build());

    private static final Path DATA = DISK.getPath("/data/rulesets");
    private static final Path FILLER = DISK.getPath("/filler");

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ReceiptStore receipts;

    @TestConfiguration
    static class SmallDisk {
        @Bean
        @Primary
        RulesetStore rulesetsOnASmallDisk() {
            return RulesetStore.inFolder(DATA);
        }
    }

    @DynamicPropertySource
    static void publisher(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    @AfterAll
    static void closeDisk() throws IOException {
        DISK.close();
    }

    @Test
    void aReceiptThatCannotBeStoredIsA503ProblemAndNoDecisionWithoutIt() throws Exception {
        doThrow(new DataAccessResourceFailureException("IO Exception: \"/var/lib/renovation/receipts.mv.db\": "
                        + "java.io.IOException: No space left on device"))
                .when(receipts)
                .save(any());

        mvc.perform(eligibility(2003).header(ReceiptRecorder.HEADER, "true"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("STORAGE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail", containsString("判定回执未能保存，本次判定结果不予出具")))
                .andExpect(jsonPath("$.detail", containsString("磁盘空间不足")))
                .andExpect(jsonPath("$.decision").doesNotExist())
                .andExpect(header().doesNotExist(ReceiptRecorder.HEADER))
                .andExpect(content().string(not(containsString("receipts.mv.db"))))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(eligibility(2003))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("NOT_ELIGIBLE"));
    }

    @Test
    void anActivationOnAFullDiskIsA503ProblemTheOldVersionGoesOnServingAndWithRoomItSucceedsWithoutARestart()
            throws Exception {
        JsonNode before = versionsListing();
        int active = before.get("activeVersion").asInt();
        int kept = before.get("versions").size();
        int activations = before.get("activations").size();
        String decided = decision(2003);

        fill();
        try {
            mvc.perform(activate(2005))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("STORAGE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.detail", containsString("规则版本 " + (kept + 1) + " 未能保存，本次启用未生效")))
                    .andExpect(jsonPath("$.detail", containsString("磁盘空间不足")))
                    .andExpect(content().string(not(containsString("/data/rulesets"))));

            mvc.perform(eligibility(2003)).andExpect(jsonPath("$.decision").value(decided));
            versions()
                    .andExpect(jsonPath("$.activeVersion").value(active))
                    .andExpect(jsonPath("$.versions.length()").value(kept))
                    .andExpect(jsonPath("$.activations.length()").value(activations));
        } finally {
            Files.deleteIfExists(FILLER);
        }

        // Room again: the same activation goes through, on the running service.
        try {
            mvc.perform(activate(2005))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version.number").value(kept + 1));

            mvc.perform(eligibility(2003)).andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
            versions()
                    .andExpect(jsonPath("$.activeVersion").value(kept + 1))
                    .andExpect(jsonPath("$.activations[" + activations + "].by").value(PUBLISHER));
        } finally {
            // Other tests share this context: they find the version that was active before.
            mvc.perform(
                    post("/api/v1/admin/rulesets/wenzhou/rollback/" + active).with(httpBasic(PUBLISHER, PASSWORD)));
        }
    }

    @Test
    void aTornAuditLineIsListedAndSkippedNotA500() throws Exception {
        JsonNode before = versionsListing();
        int activations = before.get("activations").size();
        Path audit = DATA.resolve("wenzhou/activations.jsonl");
        byte[] intact = Files.readAllBytes(audit);
        Files.write(
                audit,
                "{\"jurisdiction\":\"wenzhou\",\"vers".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        try {
            versions()
                    .andExpect(jsonPath("$.activeVersion")
                            .value(before.get("activeVersion").asInt()))
                    .andExpect(jsonPath("$.activations.length()").value(activations))
                    .andExpect(jsonPath("$.storeProblems[0].where")
                            .value("wenzhou/activations.jsonl:" + (activations + 1)))
                    .andExpect(jsonPath(
                            "$.storeProblems[0].problem", containsString("第 " + (activations + 1) + " 行无法读取，已跳过")));
        } finally {
            Files.write(audit, intact);
        }
    }

    private JsonNode versionsListing() throws Exception {
        return new ObjectMapper()
                .readTree(versions().andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String decision(int completionYear) throws Exception {
        return new ObjectMapper()
                .readTree(mvc.perform(eligibility(completionYear))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .get("decision")
                .asText();
    }

    private ResultActions versions() throws Exception {
        return mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder eligibility(
            int completionYear) {
        return post("/api/v1/eligibility")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                  "propertyManagementInadequate": false},
                 "strongRenovationWillingness": true, "evaluationDate": "2025-11-03"}
                """.formatted(completionYear));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder activate(int cutoffYear)
            throws IOException {
        Path copy = Files.createTempFile("cutoff", ".xlsx");
        try {
            Files.copy(
                    Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RuleFolderCopy.editCell(
                    copy,
                    RuleFolderCopy.PARAMETER_SHEET,
                    RuleFolderCopy.CUTOFF_ROW,
                    RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                    cell -> cell.setCellValue(cutoffYear));
            return multipart("/api/v1/admin/rulesets/wenzhou/activate")
                    .file(new MockMultipartFile(
                            "files",
                            RuleFolderCopy.ELIGIBILITY_TABLE_NAME,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            Files.readAllBytes(copy)))
                    .param("comment", "按县里的口径试行2005年")
                    .param("acceptScenarioChanges", "true")
                    .with(httpBasic(PUBLISHER, PASSWORD));
        } finally {
            Files.delete(copy);
        }
    }

    /** Appends 8 KB, then 64 bytes at a time, until the disk refuses even that. */
    private static void fill() {
        for (int chunk : new int[] {8192, 64}) {
            try (var out = Files.newOutputStream(FILLER, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(new byte[chunk]);
                }
            } catch (IOException full) {
                org.assertj.core.api.Assertions.assertThat(full).hasMessageContaining("out of disk space");
            }
        }
    }
}
