package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Four eyes on a rules edit, over HTTP: what is kept for review, who may decide it, and what every refusal
 * says. Approvals activate versions, so the context is not shared on.
 */
@DeployedService
@DirtiesContext
class RulesetReviewHttpTest {

    private static final String SUBMISSIONS = "/api/v1/admin/rulesets/wenzhou/submissions";

    @Autowired
    private MockMvc mvc;

    @TempDir
    Path folder;

    @Test
    void anEditorsSubmissionIsKeptPendingAndOnlyAnotherPublisherMayApproveIt() throws Exception {
        int number = submitted(as(DeployedService.EDITOR, submit(explained("提交审核的解释"), "补写解释")));

        as(DeployedService.EDITOR, decision(number, "approve", "{}")).andExpect(status().isForbidden());
        signedIn(get(SUBMISSIONS + "/" + number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submission.status").value("PENDING"))
                .andExpect(jsonPath("$.report.changes.tables[0].rows[0].cells[0].column")
                        .value("解释"))
                .andExpect(jsonPath("$.report.changes.tables[0].rows[0].cells[0].after")
                        .value("提交审核的解释"));
        signedIn(decision(number, "approve", "{\"comment\":\"同意\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submission.status").value("APPROVED"))
                .andExpect(jsonPath("$.submission.decidedBy").value(DeployedService.PUBLISHER))
                .andExpect(jsonPath("$.report.version.activatedBy").value(DeployedService.PUBLISHER))
                .andExpect(jsonPath("$.report.version.comment", containsString("补写解释")))
                .andExpect(jsonPath("$.report.version.comment", containsString(DeployedService.EDITOR)));
        int approvedVersion = JsonPath.read(
                signedIn(get(SUBMISSIONS + "/" + number))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                "$.submission.version");
        // Yueqing serves the new Wenzhou rules under its own unchanged version: its audit says so.
        signedIn(get("/api/v1/admin/rulesets/yueqing/versions"))
                .andExpect(jsonPath("$.activations[-1].kind").value("BASE_CHANGE"))
                .andExpect(jsonPath("$.activations[-1].baseVersion").value(approvedVersion))
                .andExpect(jsonPath("$.activations[-1].by").value(DeployedService.PUBLISHER))
                .andExpect(jsonPath("$.activations[-1].version").value(1));
        signedIn(decision(number, "return", "{\"comment\":\"晚了\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("SUBMISSION_DECIDED"))
                .andExpect(jsonPath("$.errors[0].field").value("submission"));
    }

    @Test
    void aCountysVersionsAndAuditNameTheRulesetItsAnswersCarryAndFollowAWenzhouChange() throws Exception {
        String before = answeredRuleset("yueqing");
        String listing = body(signedIn(get("/api/v1/admin/rulesets/yueqing/versions")));
        assertThat(JsonPath.<String>read(listing, "$.servedRulesetVersion")).isEqualTo(before);
        assertThat(JsonPath.<java.util.List<String>>read(listing, "$.versions[?(@.active)].rulesetVersion"))
                .containsExactly(before);
        // The county's own files are a part of what its answers name, not the same id.
        assertThat(JsonPath.<java.util.List<String>>read(listing, "$.versions[?(@.active)].contentHash"))
                .doesNotContain(before);

        int number = submitted(as(DeployedService.EDITOR, submit(explained("县级版本编号的解释"), "县级编号")));
        signedIn(decision(number, "approve", "{}")).andExpect(status().isOk());

        String after = answeredRuleset("yueqing");
        assertThat(after).isNotEqualTo(before);
        listing = body(signedIn(get("/api/v1/admin/rulesets/yueqing/versions")));
        assertThat(JsonPath.<String>read(listing, "$.servedRulesetVersion")).isEqualTo(after);
        assertThat(JsonPath.<String>read(listing, "$.activations[-1].kind")).isEqualTo("BASE_CHANGE");
        assertThat(JsonPath.<String>read(listing, "$.activations[-1].rulesetVersion"))
                .isEqualTo(after);
        assertThat(JsonPath.<java.util.List<String>>read(listing, "$.versions[?(@.active)].rulesetVersion"))
                .containsExactly(after);
        assertThat(JsonPath.<java.util.List<String>>read(listing, "$.activations[*].rulesetVersion"))
                .contains(before, after);
        // Wenzhou's answers name its own files: there the two ids are one.
        String wenzhou = body(signedIn(get("/api/v1/admin/rulesets/wenzhou/versions")));
        assertThat(JsonPath.<String>read(wenzhou, "$.servedRulesetVersion")).isEqualTo(answeredRuleset("wenzhou"));
        assertThat(JsonPath.<java.util.List<String>>read(wenzhou, "$.versions[?(@.active)].rulesetVersion"))
                .isEqualTo(JsonPath.<java.util.List<String>>read(wenzhou, "$.versions[?(@.active)].contentHash"));
    }

    /** The rulesetVersion of an eligibility answer in the jurisdiction, as a portal reads it. */
    private String answeredRuleset(String jurisdiction) throws Exception {
        String answer = body(mvc.perform(post("/api/v1/eligibility?jurisdiction=" + jurisdiction)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(cn.wenzhou.renovation.testing.SpecExamples.named("EligibilityRequestBuiltIn1995")
                                .toString()))
                .andExpect(status().isOk()));
        return JsonPath.read(answer, "$.rulesetVersion");
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPublisherMayNotApproveHerOwnSubmission() throws Exception {
        int number = submitted(signedIn(submit(explained("发布人员自己提交的解释"), "自己提交")));

        signedIn(decision(number, "approve", "{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.errors[0].field").value("submission"))
                .andExpect(jsonPath("$.detail", containsString("另一位发布人员")));
        signedIn(get(SUBMISSIONS + "/" + number))
                .andExpect(jsonPath("$.submission.status").value("PENDING"));
    }

    @Test
    void anEditThatChangesScenarioAnswersWaitsUntilTheReviewerAcceptsThem() throws Exception {
        Path table = folder.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), table);
        RuleFolderCopy.editCell(
                table,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue("1999"));
        int number = submitted(as(DeployedService.EDITOR, submit(table, "按不含2000年理解")));

        signedIn(decision(number, "approve", "{}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.submission.status").value("PENDING"))
                .andExpect(jsonPath("$.report.activated").value(false))
                .andExpect(jsonPath("$.report.scenarioChanges").isNotEmpty());
        String pending = changeRecord(number);
        assertThat(pending).contains("待审核", "按不含2000年理解", "ELIG-PARAM-PRIORITY-CUTOFF", "2000", "1999");
        assertThat(pending).contains("测试用例第");
        signedIn(decision(number, "approve", "{\"acceptScenarioChanges\":true,\"comment\":\"同意试行\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submission.status").value("APPROVED"))
                .andExpect(jsonPath("$.report.version.comment", containsString("接受")));

        String approved = changeRecord(number);
        assertThat(approved)
                .contains("规则修改审批单", "按不含2000年理解", DeployedService.EDITOR, DeployedService.PUBLISHER, "同意试行")
                .contains("已审核启用，成为版本", "取值", "2000", "1999", "审核人已确认为修改本意", "测试用例第")
                .contains("分管领导签批意见");
    }

    /** The change record's text, as Word would show it: paragraphs and table cells. */
    private String changeRecord(int number) throws Exception {
        byte[] document = signedIn(get(SUBMISSIONS + "/" + number + "/change-record"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString(".docx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(document));
                var text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return text.getText();
        }
    }

    @Test
    void anEditThatIsNotValidOrChangesNothingIsNotKept() throws Exception {
        Path table = folder.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.write(
                table,
                signedIn(get("/api/v1/admin/rulesets/wenzhou/tables/eligibility/"
                                + RuleFolderCopy.ELIGIBILITY_TABLE_NAME))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray()); // the table served now, whatever the other tests activated
        int before = listed();
        as(DeployedService.EDITOR, submit(table, "原样提交"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.submission").doesNotExist())
                .andExpect(jsonPath("$.report.unchanged").value(true));
        RuleFolderCopy.editCell(
                table, RuleFolderCopy.CUTOFF_ROW, RuleFolderCopy.CUTOFF_COLUMN_LABEL, cell -> cell.setCellValue("二千"));
        as(DeployedService.EDITOR, submit(table, "写错了"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.submission").doesNotExist())
                .andExpect(jsonPath("$.report.findings[0].cell").value(RuleFolderCopy.CUTOFF_CELL));

        assertThat(listed()).isEqualTo(before);
    }

    @Test
    void aReturnNeedsItsCommentAndAReasonIsRequired() throws Exception {
        int number = submitted(as(DeployedService.EDITOR, submit(explained("将被退回的解释"), "试改")));

        signedIn(decision(number, "return", "{\"comment\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        signedIn(decision(number, "return", "{\"comment\":\"原解释已够清楚\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.submission.status").value("RETURNED"))
                .andExpect(jsonPath("$.submission.decisionComment").value("原解释已够清楚"))
                .andExpect(jsonPath("$.report").doesNotExist());
        as(DeployedService.EDITOR, submit(explained("没有理由"), " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        signedIn(get(SUBMISSIONS + "/999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNKNOWN_SUBMISSION"));
    }

    private Path explained(String interpretation) throws Exception {
        Path table = folder.resolve(Path.of(RuleFolderCopy.FUNDING_TABLE).getFileName());
        Files.copy(Path.of(RuleFolderCopy.FUNDING_TABLE), table, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(
                table, RuleFolderCopy.MINIMUM_ARRIVAL_RATE_ROW, "解释", cell -> cell.setCellValue(interpretation));
        return table;
    }

    private static MockHttpServletRequestBuilder submit(Path table, String reason) throws Exception {
        return multipart(SUBMISSIONS)
                .file(new MockMultipartFile(
                        "files", table.getFileName().toString(), "application/octet-stream", Files.readAllBytes(table)))
                .param("reason", reason);
    }

    private static MockHttpServletRequestBuilder decision(int number, String verb, String json) {
        return post(SUBMISSIONS + "/" + number + "/" + verb)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private static int submitted(ResultActions submission) throws Exception {
        String body = submission
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.submission.status").value("PENDING"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.submission.number");
    }

    private int listed() throws Exception {
        String body = signedIn(get(SUBMISSIONS))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return JsonPath.<Integer>read(body, "$.submissions.length()");
    }

    private ResultActions signedIn(MockHttpServletRequestBuilder request) throws Exception {
        return as(DeployedService.PUBLISHER, request);
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, DeployedService.PASSWORD)));
    }
}
