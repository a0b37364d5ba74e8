package cn.wenzhou.renovation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DebugLogging;
import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every text a caller wrote that the service answers with comes back with personal numbers masked
 * (issue 17, finding 4(e)): satisfaction comments, unrecognised ticked items with a named contact,
 * community names and names sent for classification; a rejected value is not quoted in a problem.
 */
@DeployedService
@DebugLogging({"org.springframework.web"})
@ExtendWith(OutputCaptureExtension.class)
class FreeTextMaskingHttpTest {

    private static final List<String> PERSONAL = List.of(
            "139-1234-5670",
            "1391234",
            "330302800101123",
            "0577-88123456",
            "88123456",
            "13812345678",
            "张伟明",
            "13957754321");

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void satisfactionCommentsAndCommunityNameComeBackMasked(CapturedOutput output) throws Exception {
        int logBefore = output.getAll().length();
        Map<String, Object> body = Map.of(
                "communityName",
                "河滨小区（联系13957754321）",
                "responses",
                List.of(
                        Map.of("satisfaction", "VERY_SATISFIED", "comments", "请回电139-1234-5670"),
                        Map.of("satisfaction", "NEUTRAL", "comments", "身份证330302800101123，单位电话0577-88123456")));

        String answer = body(post("/api/v1/surveys/satisfaction", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.comments[0]").value("请回电***-****-****"))
                .andExpect(jsonPath("$.comments[1]").value("身份证***************，单位电话****-********"))
                .andExpect(jsonPath("$.communityName").value("河滨小区（联系***********）")));

        assertNoPersonalData(answer);
        String log = output.getAll().substring(logBefore);
        assertThat(log).contains("SurveyController#aggregateSatisfaction");
        assertNoPersonalData(log);
    }

    @Test
    void anUnrecognisedTickedItemWithAContactComesBackMasked() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "龙湾区河滨小区3幢");
        body.put("voteDate", "2026-03-01");
        body.put("totalExclusiveArea", new BigDecimal("180.00"));
        body.put("totalHouseholds", 2);
        body.put(
                "responses",
                List.of(
                        Map.of(
                                "roomNumber",
                                "3-101",
                                "exclusiveArea",
                                new BigDecimal("90.00"),
                                "consent",
                                "AGREE",
                                "tickedItems",
                                List.of("加装电梯", "联系张伟明电话13812345678")),
                        Map.of(
                                "roomNumber",
                                "3-102",
                                "exclusiveArea",
                                new BigDecimal("90.00"),
                                "consent",
                                "AGREE",
                                "tickedItems",
                                List.of("加装电梯"))));

        String answer = body(post("/api/v1/surveys/consultation", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unrecognised[0].text").value("联系***电话***********"))
                .andExpect(jsonPath("$.unrecognised[0].households").value(1)));

        assertNoPersonalData(answer);
    }

    @Test
    void theCommunityNameOfAnEligibilityAnswerComesBackMasked() throws Exception {
        Map<String, Object> body = json.readValue(EligibilityRequests.PRIORITY, Map.class);
        body.put("communityName", "河滨小区 联系人张伟明 0577 8812 3456");

        post("/api/v1/eligibility", body)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communityName").value("河滨小区 联系人*** **** **** ****"));
    }

    @Test
    void aNameSentForClassificationComesBackMasked() throws Exception {
        String answer = body(post("/api/v1/catalog/classify", Map.of("names", List.of("找张伟明13812345678装电梯")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].input").value("找张伟明***********装电梯")));

        assertThat(answer).doesNotContain("13812345678");
    }

    @Test
    void aRejectedValueIsNotQuotedInAProblem() throws Exception {
        Map<String, Object> body = json.readValue(EligibilityRequests.PRIORITY, Map.class);
        body.put("completionYear", "电话13812345678");

        String problem = body(post("/api/v1/eligibility", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("completionYear")));

        assertThat(problem).doesNotContain("13812345678");
    }

    private ResultActions post(String url, Object body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static void assertNoPersonalData(String text) {
        PERSONAL.forEach(personal -> assertThat(text).doesNotContain(personal));
    }
}
