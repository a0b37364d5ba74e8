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

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Receipts over HTTP: asked for, read back with personal data masked, and replayed under a version
 * activated later, which shows exactly the answer that changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReceiptHttpTest {

    private static final String PUBLISHER = "wang.fang";
    private static final String PASSWORD = "replay";
    private static final String NAME = "欧阳明华";
    private static final String ID_NUMBER = "330302198001011234";
    private static final String PHONE = "13857712345";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void publisherAndDataFolder(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    @Test
    void aDecisionGetsAReceiptOnlyWhenAskedFor() throws Exception {
        mvc.perform(post("/api/v1/eligibility")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community(2003)))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist(ReceiptRecorder.HEADER));

        MvcResult asked = mvc.perform(post("/api/v1/eligibility")
                        .header(ReceiptRecorder.HEADER, "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(community(2003)))
                .andExpect(status().isOk())
                .andExpect(header().exists(ReceiptRecorder.HEADER))
                .andReturn();
        String id = asked.getResponse().getHeader(ReceiptRecorder.HEADER);
        String answer = asked.getResponse().getContentAsString(StandardCharsets.UTF_8);

        mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value("/api/v1/eligibility"))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion").value(JsonPath.<String>read(answer, "$.rulesetVersion")))
                .andExpect(jsonPath("$.versionNumber").value(activeVersion()))
                .andExpect(jsonPath("$.request.completionYear").value(2003))
                .andExpect(jsonPath("$.response.decision").value(JsonPath.<String>read(answer, "$.decision")));
    }

    @Test
    void aReceiptMayBeAskedForWithAQueryParameterAndKeepsTheDayItWasDecided() throws Exception {
        String body = community(2003).replace(", \"evaluationDate\": \"2025-11-03\"", "");
        String id = mvc.perform(post("/api/v1/eligibility")
                        .param("receipt", "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(header().exists(ReceiptRecorder.HEADER))
                .andReturn()
                .getResponse()
                .getHeader(ReceiptRecorder.HEADER);

        mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(jsonPath("$.request.evaluationDate")
                        .value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}")));
    }

    @Test
    void aReceiptKeepsTheVoteButNotTheOwnersNamesIdNumbersOrPhones() throws Exception {
        String body = """
                {"communityName": "龙湾区河滨小区3幢", "round": "FIRST_CONSENT", "voteDate": "2026-03-01",
                 "totalExclusiveArea": 270.00, "totalHouseholds": 3, "roster": [
                   {"roomNumber": "3-101", "exclusiveArea": 90.00, "ballot": "AGREE",
                    "ownerName": "%s", "idNumber": "%s", "phone": "%s"},
                   {"roomNumber": "3-102", "exclusiveArea": 90.00, "ballot": "AGREE"},
                   {"roomNumber": "3-201", "exclusiveArea": 90.00, "ballot": "AGREE"}]}
                """.formatted(NAME, ID_NUMBER, PHONE);
        String id = receiptFor("/api/v1/consent/tally", body);

        String receipt = mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(jsonPath("$.request.roster[0].roomNumber").value("户1"))
                .andExpect(jsonPath("$.request.roster[2].roomNumber").value("户3"))
                .andExpect(jsonPath("$.request.roster[0].ownerName").value("***"))
                .andExpect(jsonPath("$.request.roster[0].idNumber").value("***"))
                .andExpect(jsonPath("$.request.roster[0].phone").value("***"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(receipt).doesNotContain(NAME, ID_NUMBER, PHONE, "3-101", "3-201");
    }

    /**
     * A satisfaction survey is a decision too: kept without the respondents' names, contacts or numbers in comments,
     * and replayed unchanged under the same rules (a round 50% once read back as 50.0 against 50.00).
     */
    @Test
    void aSurveysReceiptKeepsTheAnswersButNotWhoGaveThem() throws Exception {
        String body = """
                {"communityName": "鹿城区雪山小区", "responses": [
                  {"satisfaction": "VERY_SATISFIED", "respondentName": "%s", "contact": "%s",
                   "comments": "有问题请打 %s"},
                  {"satisfaction": "NEUTRAL"}]}
                """.formatted(NAME, PHONE, PHONE);
        String id = receiptFor("/api/v1/surveys/satisfaction", body);

        String receipt = mvc.perform(get("/api/v1/receipts/" + id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value("/api/v1/surveys/satisfaction"))
                .andExpect(jsonPath("$.request.responses[0].respondentName").value("***"))
                .andExpect(jsonPath("$.response.satisfactionRate.answered").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(receipt).doesNotContain(NAME, PHONE);
        mvc.perform(post("/api/v1/receipts/" + id + "/replay")
                        .param("version", Integer.toString(activeVersion()))
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(false));
    }

    @Test
    void replayUnderALaterVersionShowsTheDecisionThatWouldChange() throws Exception {
        String receipt = receiptFor(community(2003));
        int deployed = activeVersion();
        int later = activateCutoff(2005);
        try {
            mvc.perform(post("/api/v1/receipts/" + receipt + "/replay").param("version", Integer.toString(later)))
                    .andExpect(status().isUnauthorized());
            mvc.perform(post("/api/v1/receipts/" + receipt + "/replay")
                            .param("version", Integer.toString(later))
                            .with(httpBasic(PUBLISHER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed").value(true))
                    .andExpect(jsonPath("$.replayVersion").value(later))
                    .andExpect(jsonPath("$.original.decision").value("NOT_ELIGIBLE"))
                    .andExpect(jsonPath("$.replayed.decision").value("PRIORITY_RENOVATION"))
                    .andExpect(jsonPath("$.changes[?(@.path == 'decision')].before", hasItem("NOT_ELIGIBLE")))
                    .andExpect(jsonPath("$.changes[?(@.path == 'decision')].after", hasItem("PRIORITY_RENOVATION")));
            mvc.perform(post("/api/v1/receipts/" + receipt + "/replay")
                            .param("version", Integer.toString(deployed))
                            .with(httpBasic(PUBLISHER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.changed").value(false))
                    .andExpect(jsonPath("$.changes").isEmpty());
            // The replay used the deployed version for itself only: the service still answers with the later one.
            mvc.perform(post("/api/v1/eligibility")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(community(2003)))
                    .andExpect(jsonPath("$.decision").value("PRIORITY_RENOVATION"));
        } finally {
            // Other tests share this context: they find the deployed rules again.
            mvc.perform(
                    post("/api/v1/admin/rulesets/wenzhou/rollback/" + deployed).with(httpBasic(PUBLISHER, PASSWORD)));
        }
    }

    @Test
    void unknownReceiptsAndVersionsAre404AndAMalformedIdA400() throws Exception {
        mvc.perform(get("/api/v1/receipts/00000000-0000-0000-0000-000000000000"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_RECEIPT"));
        mvc.perform(post("/api/v1/receipts/" + receiptFor(community(2003)) + "/replay")
                        .param("version", "99")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_VERSION"));
        mvc.perform(get("/api/v1/receipts/not-a-receipt"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    /** Decides {@code body} with a receipt and gives the receipt's id. */
    private String receiptFor(String body) throws Exception {
        return receiptFor("/api/v1/eligibility", body);
    }

    private String receiptFor(String endpoint, String body) throws Exception {
        return mvc.perform(post(endpoint)
                        .header(ReceiptRecorder.HEADER, "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(header().exists(ReceiptRecorder.HEADER))
                .andReturn()
                .getResponse()
                .getHeader(ReceiptRecorder.HEADER);
    }

    private int activeVersion() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/admin/rulesets/wenzhou/versions").with(httpBasic(PUBLISHER, PASSWORD)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$.activeVersion");
    }

    /** Activates the eligibility table with its cut-off year changed; gives the new version's number. */
    private int activateCutoff(int year) throws Exception {
        Path copy = Files.createTempFile("eligibility", ".xlsx");
        try {
            Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), copy, StandardCopyOption.REPLACE_EXISTING);
            RuleFolderCopy.editCell(
                    copy,
                    RuleFolderCopy.PARAMETER_SHEET,
                    RuleFolderCopy.CUTOFF_ROW,
                    RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                    cell -> cell.setCellValue(year));
            String activated = mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/activate")
                            .file(new MockMultipartFile(
                                    "files",
                                    RuleFolderCopy.ELIGIBILITY_TABLE_NAME,
                                    "application/octet-stream",
                                    Files.readAllBytes(copy)))
                            .param("comment", Integer.toString(year))
                            .param("acceptScenarioChanges", "true")
                            .with(httpBasic(PUBLISHER, PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            return JsonPath.read(activated, "$.version.number");
        } finally {
            Files.delete(copy);
        }
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
