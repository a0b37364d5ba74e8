package cn.wenzhou.renovation.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;

/**
 * Receipts over HTTP: asked for, read back with personal data masked, and replayed under a version
 * activated later, which shows exactly the answer that changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptHttpTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "replay";
    private static final String NAME = "欧阳明华";
    private static final String ID_NUMBER = "330302198001011234";
    private static final String PHONE = "13857712345";

    private static String eligibilityReceipt;

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void publisherAndDataFolder(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    @Test
    @Order(1)
    void aDecisionGetsAReceiptOnlyWhenAskedFor() throws Exception {
        mvc.perform(post("/api/v1/eligibility").contentType(MediaType.APPLICATION_JSON).content(community(2003)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(ReceiptRecorder.HEADER));

        MvcResult asked = mvc.perform(post("/api/v1/eligibility").header(ReceiptRecorder.HEADER, "true")
                        .contentType(MediaType.APPLICATION_JSON).content(community(2003)))
                .andExpect(status().isOk())
                .andExpect(header().exists(ReceiptRecorder.HEADER))
                .andReturn();
        eligibilityReceipt = asked.getResponse().getHeader(ReceiptRecorder.HEADER);
        String version = com.jayway.jsonpath.JsonPath.read(asked.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.rulesetVersion");

        mvc.perform(get("/api/v1/receipts/" + eligibilityReceipt))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value("/api/v1/eligibility"))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion").value(version))
                .andExpect(jsonPath("$.versionNumber").value(1))
                .andExpect(jsonPath("$.request.completionYear").value(2003))
                .andExpect(jsonPath("$.response.decision").value("NOT_ELIGIBLE"));
    }

    @Test
    @Order(2)
    void aReceiptMayBeAskedForWithAQueryParameterAndKeepsTheDayItWasDecided() throws Exception {
        String body = community(2003).replace(", \"evaluationDate\": \"2025-11-03\"", "");
        String id = mvc.perform(post("/api/v1/eligibility").param("receipt", "true")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(header().exists(ReceiptRecorder.HEADER))
                .andReturn().getResponse().getHeader(ReceiptRecorder.HEADER);

        mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(jsonPath("$.request.evaluationDate").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")));
    }

    @Test
    @Order(2)
    void aReceiptKeepsTheVoteButNotTheOwnersNamesIdNumbersOrPhones() throws Exception {
        String body = """
                {"communityName": "龙湾区河滨小区3幢", "round": "FIRST_CONSENT", "voteDate": "2026-03-01",
                 "totalExclusiveArea": 270.00, "totalHouseholds": 3, "roster": [
                   {"roomNumber": "3-101", "exclusiveArea": 90.00, "ballot": "AGREE",
                    "ownerName": "%s", "idNumber": "%s", "phone": "%s"},
                   {"roomNumber": "3-102", "exclusiveArea": 90.00, "ballot": "AGREE"},
                   {"roomNumber": "3-201", "exclusiveArea": 90.00, "ballot": "AGREE"}]}
                """.formatted(NAME, ID_NUMBER, PHONE);
        String id = mvc.perform(post("/api/v1/consent/tally").header(ReceiptRecorder.HEADER, "true")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getHeader(ReceiptRecorder.HEADER);

        String receipt = mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(jsonPath("$.request.roster[0].roomNumber").value("户1"))
                .andExpect(jsonPath("$.request.roster[2].roomNumber").value("户3"))
                .andExpect(jsonPath("$.request.roster[0].ownerName").value("***"))
                .andExpect(jsonPath("$.request.roster[0].idNumber").value("***"))
                .andExpect(jsonPath("$.request.roster[0].phone").value("***"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(receipt).doesNotContain(NAME, ID_NUMBER, PHONE, "3-101", "3-201");
    }

    @Test
    @Order(3)
    void replayUnderALaterVersionShowsTheDecisionThatWouldChange() throws Exception {
        Path copy = Files.createTempFile("eligibility", ".drl.xlsx");
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(copy, RuleFolderCopy.PARAMETER_SHEET, RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL, cell -> cell.setCellValue(2005));
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/activate")
                        .file(new MockMultipartFile("files", "eligibility.drl.xlsx", "application/octet-stream",
                                Files.readAllBytes(copy)))
                        .param("comment", "2005").param("acceptScenarioChanges", "true")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/receipts/" + eligibilityReceipt + "/replay").param("version", "2"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/receipts/" + eligibilityReceipt + "/replay").param("version", "2")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.replayVersion").value(2))
                .andExpect(jsonPath("$.original.decision").value("NOT_ELIGIBLE"))
                .andExpect(jsonPath("$.replayed.decision").value("PRIORITY_RENOVATION"))
                .andExpect(jsonPath("$.changes[?(@.path == 'decision')].before", hasItem("NOT_ELIGIBLE")))
                .andExpect(jsonPath("$.changes[?(@.path == 'decision')].after", hasItem("PRIORITY_RENOVATION")));
        mvc.perform(post("/api/v1/receipts/" + eligibilityReceipt + "/replay").param("version", "1")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(false))
                .andExpect(jsonPath("$.changes").isEmpty());
        // The replay pinned version 1 for itself only: the service still answers with version 2.
        mvc.perform(post("/api/v1/eligibility").contentType(MediaType.APPLICATION_JSON).content(community(2003)))
                .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
    }

    @Test
    @Order(4)
    void unknownReceiptsAndVersionsAre404AndAMalformedIdA400() throws Exception {
        mvc.perform(get("/api/v1/receipts/00000000-0000-0000-0000-000000000000"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_RECEIPT"));
        mvc.perform(post("/api/v1/receipts/" + eligibilityReceipt + "/replay").param("version", "99")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VERSION"));
        mvc.perform(get("/api/v1/receipts/not-a-receipt"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    private static String community(int completionYear) {
        return """
                {"completionYear": %d, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
                 "listedInShantyRenovationPlan": false,
                 "deficiencies": {"functionsIncomplete": false, "facilitiesIncomplete": false,
                                  "propertyManagementInadequate": false},
                 "strongRenovationWillingness": true, "evaluationDate": "2025-11-03"}
                """.formatted(completionYear);
    }
}
