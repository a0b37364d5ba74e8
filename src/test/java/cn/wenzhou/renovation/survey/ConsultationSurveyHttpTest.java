package cn.wenzhou.renovation.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/surveys/consultation} (annex 1) through the real context and rules: question
 * one is counted by the consent rules exactly as {@code /api/v1/consent/tally} counts a roster;
 * question two is classified by the catalogue and counted once per household.
 */
@DeployedService
class ConsultationSurveyHttpTest {

    private static final String URL = "/api/v1/surveys/consultation";
    private static final String TALLY_URL = "/api/v1/consent/tally";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    // --- request builders ------------------------------------------------------------------------

    private static Map<String, Object> form(String room, String area, String consent, String... ticked) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("roomNumber", room);
        f.put("exclusiveArea", new BigDecimal(area));
        f.put("consent", consent);
        f.put("tickedItems", List.of(ticked));
        return f;
    }

    private static Map<String, Object> survey(
            String voteDate, String totalArea, int totalHouseholds, List<Map<String, Object>> forms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "龙湾区河滨小区3幢");
        body.put("voteDate", voteDate);
        body.put("totalExclusiveArea", new BigDecimal(totalArea));
        body.put("totalHouseholds", totalHouseholds);
        body.put("responses", forms);
        return body;
    }

    /** The contract's example: 5 forms of 6 households, 90 m² each. */
    private static List<Map<String, Object>> exampleForms() {
        return new ArrayList<>(List.of(
                form("3-101", "90.00", "AGREE", "外墙渗透维修", "加装电梯", "地面停车位增设"),
                form("3-102", "90.00", "AGREE", "（2）外墙渗漏维修", "加装电梯"),
                form("3-201", "90.00", "AGREE", "加装电梯", "安装路灯"),
                form("3-202", "90.00", "SIGNED_BLANK", "屋面防漏维修"),
                form("3-301", "90.00", "DISAGREE")));
    }

    /** The same households as a first-consent roster for the tally endpoint. */
    private static Map<String, Object> asRoster(Map<String, Object> survey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", survey.get("communityName"));
        body.put("round", "FIRST_CONSENT");
        body.put("voteDate", survey.get("voteDate"));
        body.put("totalExclusiveArea", survey.get("totalExclusiveArea"));
        body.put("totalHouseholds", survey.get("totalHouseholds"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> forms = (List<Map<String, Object>>) survey.get("responses");
        body.put(
                "roster",
                forms.stream()
                        .map(f -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put("roomNumber", f.get("roomNumber"));
                            entry.put("exclusiveArea", f.get("exclusiveArea"));
                            entry.put("ballot", f.get("consent"));
                            return entry;
                        })
                        .toList());
        return body;
    }

    private ResultActions postJson(String url, Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions aggregated(Object body) throws Exception {
        return postJson(URL, body)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"));
    }

    private static JsonNode tree(ResultActions result) throws Exception {
        return new ObjectMapper().readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private void refused(Object body, String field) throws Exception {
        postJson(URL, body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    // --- question one: the consent rules, reused -------------------------------------------------

    private void consentEqualsTallyOfTheSameRoster(Map<String, Object> survey, boolean sufficient) throws Exception {
        JsonNode consultation = tree(
                aggregated(survey).andExpect(jsonPath("$.consent.sufficient").value(sufficient)));
        JsonNode tally = tree(postJson(TALLY_URL, asRoster(survey)).andExpect(status().isOk()));

        JsonNode consent = consultation.get("consent");
        assertThat(consent.get("round").asText()).isEqualTo("FIRST_CONSENT");
        assertThat(consent.get("sufficient")).isEqualTo(tally.get("sufficient"));
        assertThat(consent.get("criteria")).isEqualTo(tally.get("criteria"));
        assertThat(consent.get("criteria").size()).isGreaterThan(0);
        assertThat(consent.get("blankBallots")).isEqualTo(tally.get("blankBallots"));
        assertThat(consent.get("publicity")).isEqualTo(tally.get("publicity"));
        assertThat(consent.get("agreeingRooms")).isEqualTo(tally.get("agreeingRooms"));
        assertThat(consent.get("reasons")).isEqualTo(tally.get("reasons"));
    }

    @Test
    void consentIsWhatTheTallyGivesForTheSameHouseholdsAsARoster() throws Exception {
        consentEqualsTallyOfTheSameRoster(survey("2026-03-01", "540.00", 6, exampleForms()), true);
    }

    @Test
    void formsNotHandedInAreHouseholdsWithoutABallot() throws Exception {
        // 4 agree of 8 households: 1/2 of the total, insufficient, the same as the tally says.
        List<Map<String, Object>> forms = exampleForms();
        forms.set(3, form("3-202", "90.00", "AGREE"));
        consentEqualsTallyOfTheSameRoster(survey("2026-03-01", "720.00", 8, forms), false);
        aggregated(survey("2026-03-01", "720.00", 8, forms))
                .andExpect(jsonPath("$.responses").value(5))
                .andExpect(jsonPath("$.consent.publicity.totalHouseholds").value(8));
    }

    @Test
    void aBlankBallotFlipsTheConsent() throws Exception {
        // 3 agree + 1 signed blank of 6: the blank follows the agreeing majority and makes 4/6 = 2/3.
        aggregated(survey("2026-03-01", "540.00", 6, exampleForms()))
                .andExpect(jsonPath("$.consent.sufficient").value(true))
                .andExpect(jsonPath("$.consent.blankBallots.households").value(1))
                .andExpect(jsonPath("$.consent.blankBallots.countedAsAgreeing").value(true));

        // The same household not having signed (DISAGREE instead of blank): 3/6 agree, insufficient.
        List<Map<String, Object>> forms = exampleForms();
        forms.set(3, form("3-202", "90.00", "DISAGREE", "屋面防漏维修"));
        Map<String, Object> disagreeing = survey("2026-03-01", "540.00", 6, forms);
        aggregated(disagreeing)
                .andExpect(jsonPath("$.consent.sufficient").value(false))
                .andExpect(jsonPath("$.consent.blankBallots.households").value(0));
        consentEqualsTallyOfTheSameRoster(disagreeing, false);
    }

    // --- question two: ranking, once per household, grouping, unrecognised ------------------------

    @Test
    void itemsAreRankedByHouseholdsWithTiesSharingARank() throws Exception {
        aggregated(survey("2026-03-01", "540.00", 6, exampleForms()))
                .andExpect(jsonPath("$.responses").value(5))
                .andExpect(jsonPath("$.ranking[*].officialName").value(contains("加装电梯", "外墙渗漏维修", "屋面防漏维修", "地面停车位增设")))
                .andExpect(jsonPath("$.ranking[*].rank").value(contains(1, 2, 3, 3)))
                .andExpect(jsonPath("$.ranking[*].households").value(contains(3, 2, 1, 1)))
                .andExpect(jsonPath("$.ranking[0].code").value("ELD-3.2"))
                .andExpect(jsonPath("$.ranking[0].share.fraction").value("3/5"))
                .andExpect(jsonPath("$.ranking[0].share.percent").value(60.0))
                .andExpect(jsonPath("$.ranking[2].share.fraction").value("1/5"));
    }

    @Test
    void twoItemsTiedForFirstShareRankOneAndTheNextIsThird() throws Exception {
        List<Map<String, Object>> forms = List.of(
                form("1", "90.00", "AGREE", "加装电梯", "外墙渗漏维修"),
                form("2", "90.00", "AGREE", "加装电梯", "外墙渗漏维修", "屋面防漏维修"),
                form("3", "90.00", "AGREE", "屋面防漏维修"),
                form("4", "90.00", "AGREE", "加装电梯", "外墙渗漏维修"));
        aggregated(survey("2026-03-01", "360.00", 4, forms))
                // Ties keep the guide's order: BLD-1.2 before ELD-3.2.
                .andExpect(jsonPath("$.ranking[*].code").value(contains("BLD-1.2", "ELD-3.2", "BLD-1.1")))
                .andExpect(jsonPath("$.ranking[*].rank").value(contains(1, 1, 3)))
                .andExpect(jsonPath("$.ranking[*].households").value(contains(3, 3, 2)))
                .andExpect(jsonPath("$.ranking[0].share.fraction").value("3/4"))
                .andExpect(jsonPath("$.ranking[2].share.fraction").value("1/2"));
    }

    @Test
    void twoSpellingsOfOneItemOnOneFormCountOnce() throws Exception {
        List<Map<String, Object>> forms = List.of(
                form("1", "90.00", "AGREE", "外墙渗透维修", "（2）外墙渗漏维修", "外墙渗漏维修"),
                form("2", "90.00", "AGREE", "建立智能停车位管理系统", "建立智能停车管理系统"),
                form("3", "90.00", "AGREE", "外墙渗漏维修"));
        ResultActions result = aggregated(survey("2026-03-01", "270.00", 3, forms))
                .andExpect(jsonPath("$.ranking[0].code").value("BLD-1.2"))
                .andExpect(jsonPath("$.ranking[0].officialName").value("外墙渗漏维修"))
                .andExpect(jsonPath("$.ranking[0].households").value(2))
                .andExpect(jsonPath("$.ranking[0].share.fraction").value("2/3"))
                .andExpect(jsonPath("$.unrecognised").value(emptyIterable()));
        JsonNode ranking = tree(result).get("ranking");
        // The annex-1 alias and the official name are one item, counted once for household 2.
        assertThat(ranking.size()).as(ranking.toString()).isEqualTo(2);
        assertThat(ranking.get(1).get("code").asText()).isEqualTo("TRF-3.1");
        assertThat(ranking.get(1).get("households").asInt()).isEqualTo(1);
        assertThat(ranking.get(1).get("rank").asInt()).isEqualTo(2);
    }

    @Test
    void demandIsGroupedByCategoryAndTierInTheGuidesOrder() throws Exception {
        aggregated(survey("2026-03-01", "540.00", 6, exampleForms()))
                .andExpect(jsonPath("$.demand[*].category")
                        .value(contains("BUILDING", "ROADS_AND_PARKING", "ELDERLY_AND_CHILDCARE")))
                .andExpect(jsonPath("$.demand[*].tier").value(contains("BASIC", "BASIC", "ENHANCEMENT")))
                .andExpect(jsonPath("$.demand[0].categoryLabel").value("建筑"))
                .andExpect(jsonPath("$.demand[0].tierLabel").value("基础类"))
                .andExpect(jsonPath("$.demand[2].tierLabel").value("提升类"))
                .andExpect(jsonPath("$.demand[0].items[*].code").value(contains("BLD-1.2", "BLD-1.1")))
                .andExpect(jsonPath("$.demand[0].items[*].rank").value(contains(2, 3)))
                .andExpect(jsonPath("$.demand[1].items[*].code").value(contains("TRF-1.3")))
                .andExpect(jsonPath("$.demand[2].items[*].code").value(contains("ELD-3.2")));
    }

    @Test
    void unknownSpellingsAreListedWithHouseholdsAndSuggestions() throws Exception {
        List<Map<String, Object>> forms = exampleForms();
        forms.set(4, form("3-301", "90.00", "DISAGREE", "加装电梯井", " 加装电梯井 "));
        aggregated(survey("2026-03-01", "540.00", 6, forms))
                // One household each, in the order first seen (form 3-201 before 3-301).
                .andExpect(jsonPath("$.unrecognised[*].text", contains("安装路灯", "加装电梯井")))
                .andExpect(jsonPath("$.unrecognised[*].households", contains(1, 1)))
                // 安装路灯 is like no item (0.25 at best, below the minimum 0.5): listed, nothing suggested.
                .andExpect(jsonPath("$.unrecognised[0].suggestions").isEmpty())
                .andExpect(jsonPath("$.unrecognised[1].suggestions", not(emptyIterable())))
                .andExpect(jsonPath("$.unrecognised[1].suggestions[0].code").value("ELD-3.2"))
                .andExpect(jsonPath("$.unrecognised[1].suggestions[0].officialName")
                        .value("加装电梯"))
                .andExpect(jsonPath("$.ranking[*].officialName", not(org.hamcrest.Matchers.hasItem("加装电梯井"))));
    }

    // --- refusals ----------------------------------------------------------------------------

    @Test
    void aDuplicateRoomIsRefusedNamingTheForm() throws Exception {
        List<Map<String, Object>> forms = exampleForms();
        forms.set(2, form(" 3-101 ", "90.00", "AGREE"));
        refused(survey("2026-03-01", "540.00", 6, forms), "responses[2].roomNumber");
    }

    @Test
    void moreFormsThanHouseholdsIsRefusedNamingTheFirstFormPastTheTotal() throws Exception {
        refused(survey("2026-03-01", "450.00", 4, exampleForms()), "responses[4]");
    }

    @Test
    void aFutureVoteDateIsRefused() throws Exception {
        // Today is 2026-03-01 in Wenzhou.
        refused(survey("2026-03-02", "540.00", 6, exampleForms()), "voteDate");
    }

    @Test
    void anUnknownConsentValueIsRefusedNamingTheField() throws Exception {
        List<Map<String, Object>> forms = exampleForms();
        forms.get(1).put("consent", "ABSTAIN");
        refused(survey("2026-03-01", "540.00", 6, forms), "responses[1].consent");
    }

    @Test
    void missingResponsesAreRefused() throws Exception {
        Map<String, Object> body = survey("2026-03-01", "540.00", 6, exampleForms());
        body.remove("responses");
        refused(body, "responses");
    }

    @Test
    void emptyResponsesAreRefused() throws Exception {
        refused(survey("2026-03-01", "540.00", 6, List.of()), "responses");
    }

    @Test
    void aNullFormIsRefusedNamingIt() throws Exception {
        List<Map<String, Object>> forms = exampleForms();
        forms.set(3, null);
        refused(survey("2026-03-01", "540.00", 6, forms), "responses[3]");
    }

    @Test
    void aNullTickedItemIsRefusedNamingIt() throws Exception {
        List<Map<String, Object>> forms = exampleForms();
        forms.get(0).put("tickedItems", java.util.Arrays.asList("加装电梯", null));
        refused(survey("2026-03-01", "540.00", 6, forms), "responses[0].tickedItems[1]");
    }

    @Test
    void tickedItemsGivenAsNullAreAFormWithNothingTicked() throws Exception {
        List<Map<String, Object>> withNull = exampleForms();
        withNull.get(4).put("tickedItems", null);
        List<Map<String, Object>> leftOut = exampleForms();
        leftOut.get(4).remove("tickedItems");

        JsonNode givenNull = tree(aggregated(survey("2026-03-01", "540.00", 6, withNull)));
        JsonNode absent = tree(aggregated(survey("2026-03-01", "540.00", 6, leftOut)));

        assertThat(givenNull).isEqualTo(absent);
    }
}
