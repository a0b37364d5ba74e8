package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/consent/notice}: annex 3 filled from a real tally, read back from the .docx. */
@DeployedService
class ConsentNoticeHttpTest {

    private static final String URL = "/api/v1/consent/notice";
    private static final String NAME = "张三丰";
    private static final String ID_NUMBER = "330302198001019999";
    private static final String PHONE = "13912345678";

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, Object> entry(String room, String ballot) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("roomNumber", room);
        e.put("exclusiveArea", 90.00);
        e.put("ballot", ballot);
        return e;
    }

    /** Six households of 90 m²: four agree, one blank, one disagrees; the first carries personal data. */
    private static Map<String, Object> tally(String... ballots) {
        List<Map<String, Object>> roster = new ArrayList<>();
        for (int i = 0; i < ballots.length; i++) {
            roster.add(entry("5-" + (101 + i), ballots[i]));
        }
        roster.get(0).put("ownerName", NAME);
        roster.get(0).put("idNumber", ID_NUMBER);
        roster.get(0).put("phone", PHONE);
        Map<String, Object> tally = new LinkedHashMap<>();
        tally.put("communityName", "鹿城区翠微小区5幢");
        tally.put("round", "FIRST_CONSENT");
        tally.put("voteDate", "2025-06-01");
        tally.put("totalExclusiveArea", 90.00 * ballots.length);
        tally.put("totalHouseholds", ballots.length);
        tally.put("roster", roster);
        return tally;
    }

    private static Map<String, Object> notice() {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("contactPerson", "李社工");
        notice.put("contactPhone", "0577-88001234");
        notice.put("subdistrictOfficeAddress", "鹿城区南郊街道学院中路100号");
        notice.put("subdistrictOfficePhone", "0577-88005678");
        // Posted Tue 2025-06-03; Wed 4 to Tue 10 June is five working days (§3.4), the posting day not counted.
        notice.put("publicityStartDate", "2025-06-03");
        notice.put("publicityEndDate", "2025-06-10");
        notice.put("issuedBy", "翠微小区业委会");
        notice.put("issueDate", "2025-06-03");
        return notice;
    }

    private ResultActions postNotice(Map<String, Object> tally, Map<String, Object> notice) throws Exception {
        return mvc.perform(post(URL)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("tally", tally, "notice", notice))));
    }

    @Test
    void passedVoteGivesTheFilledNoticeWithTheRoomSummaryAndNoPersonalData() throws Exception {
        byte[] docx = postNotice(tally("AGREE", "AGREE", "AGREE", "AGREE", "SIGNED_BLANK", "DISAGREE"), notice())
                .andExpect(status().isOk())
                .andExpect(content().contentType(PublicityNotice.MEDIA_TYPE))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        String text;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            text = extractor.getText();
        }
        assertThat(text)
                .contains(
                        "鹿城区翠微小区5幢改造居民意见公示书",
                        "总建筑面积540.00m²",
                        "总业主户数6户",
                        "同意进行老旧小区改造的业主户数5户",
                        "占总业主户数83.33%",
                        "业主专有部分建筑面积450.00m²",
                        "联系人：李社工",
                        "地址鹿城区南郊街道学院中路100号",
                        "自2025年6月3日起至2025年6月10日止",
                        "翠微小区业委会（盖章）",
                        "同意改造居民房号汇总表",
                        "5-101",
                        "5-105");
        assertThat(text).doesNotContain("5-106", NAME, ID_NUMBER, PHONE);
    }

    @Test
    void failedVoteGetsNoNotice() throws Exception {
        postNotice(tally("AGREE", "AGREE", "DISAGREE", "DISAGREE", "NO_BALLOT", "NO_BALLOT"), notice())
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CONSENT_INSUFFICIENT"))
                .andExpect(jsonPath(
                        "$.failedRules", hasItem(org.hamcrest.Matchers.startsWith("CONSENT-GUIDE-FIRST-CONSENT"))));
    }

    @Test
    void publicityEndingBeforeItStartsIsRejected() throws Exception {
        Map<String, Object> notice = notice();
        notice.put("publicityEndDate", "2025-06-02");
        postNotice(tally("AGREE", "AGREE", "AGREE"), notice)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notice.publicityEndDate"));
    }

    @Test
    void publicityOfFourWorkingDaysIsRejectedNamingItsEndAndTheEarliestEnoughEnd() throws Exception {
        // Posted Tue 2025-06-03, down after Mon 06-09: Wed, Thu, Fri and Mon are four working days.
        Map<String, Object> notice = notice();
        notice.put("publicityEndDate", "2025-06-09");
        ProblemExpectations.badRequestNaming(
                        postNotice(tally("AGREE", "AGREE", "AGREE"), notice), "notice.publicityEndDate")
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath(
                        "$.errors[0].message",
                        org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("仅 4 个工作日，少于 5 个工作日"),
                                org.hamcrest.Matchers.containsString("最早应持续到 2025-06-10（含）"))));
    }

    @Test
    void publicityAcrossTheNationalDayBreakCountsOnlyWorkingDays() throws Exception {
        // Posted Fri 2025-09-26: the make-up Sunday 09-28, 29, 30, then 1–8 October off, 9 and 10 October: five on
        // 10-10.
        Map<String, Object> notice = notice();
        notice.put("publicityStartDate", "2025-09-26");
        notice.put("publicityEndDate", "2025-10-09");
        ProblemExpectations.badRequestNaming(
                        postNotice(tally("AGREE", "AGREE", "AGREE"), notice), "notice.publicityEndDate")
                .andExpect(
                        jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString("最早应持续到 2025-10-10（含）")));

        notice.put("publicityEndDate", "2025-10-10");
        postNotice(tally("AGREE", "AGREE", "AGREE"), notice).andExpect(status().isOk());
    }

    @Test
    void publicityInAYearTheCalendarDoesNotCoverIsRefusedNotGuessed() throws Exception {
        Map<String, Object> notice = notice();
        notice.put("publicityStartDate", "2031-06-03");
        notice.put("publicityEndDate", "2031-06-10");
        ProblemExpectations.dateNotInCalendar(
                postNotice(tally("AGREE", "AGREE", "AGREE"), notice), "notice.publicityStartDate");
    }

    @Test
    void rosterProblemsAreNamedWithinTheTally() throws Exception {
        Map<String, Object> tally = tally("AGREE", "AGREE", "AGREE");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roster = (List<Map<String, Object>>) tally.get("roster");
        roster.get(2).put("roomNumber", "5-101");
        postNotice(tally, notice())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tally.roster[2].roomNumber"));
    }

    @Test
    void noticeNeedsTheCommunityName() throws Exception {
        Map<String, Object> tally = tally("AGREE", "AGREE", "AGREE");
        tally.remove("communityName");
        postNotice(tally, notice())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tally.communityName"));
    }
}
