package cn.wenzhou.renovation.consent;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/consent/tally} through the real Spring context, real JSON and the real rules. */
@DeployedService
class ConsentHttpTest {

    private static final String URL = "/api/v1/consent/tally";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static final String GUIDE_FIRST_CONSENT = "CONSENT-GUIDE-FIRST-CONSENT";
    private static final String GUIDE_DESIGN_PLAN = "CONSENT-GUIDE-DESIGN-PLAN";
    private static final String PROPERTY_LAW_76 = "CONSENT-PROPERTY-LAW-76";
    private static final String CIVIL_CODE_PARTICIPATION = "CONSENT-CIVIL-CODE-278-PARTICIPATION";
    private static final String CIVIL_CODE_APPROVAL = "CONSENT-CIVIL-CODE-278-APPROVAL";

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    // --- request builders ------------------------------------------------------------------------

    private static Map<String, Object> vote(String voteDate, String round, Object totalArea, int totalHouseholds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "鹿城区翠微小区");
        body.put("round", round);
        body.put("voteDate", voteDate);
        body.put("totalExclusiveArea", totalArea);
        body.put("totalHouseholds", totalHouseholds);
        return body;
    }

    /** A first-consent vote with aggregate counts; areas are JSON numbers written as given. */
    private static Map<String, Object> countsVote(
            String voteDate,
            Object totalArea,
            int totalHouseholds,
            int agree,
            Object agreeArea,
            int disagree,
            Object disagreeArea,
            int blank,
            Object blankArea) {
        Map<String, Object> body = vote(voteDate, "FIRST_CONSENT", totalArea, totalHouseholds);
        body.put("counts", counts(agree, agreeArea, disagree, disagreeArea, blank, blankArea));
        return body;
    }

    private static Map<String, Object> counts(
            int agree, Object agreeArea, int disagree, Object disagreeArea, int blank, Object blankArea) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("agreeingHouseholds", agree);
        c.put("agreeingArea", number(agreeArea));
        c.put("disagreeingHouseholds", disagree);
        c.put("disagreeingArea", number(disagreeArea));
        c.put("blankHouseholds", blank);
        c.put("blankArea", number(blankArea));
        return c;
    }

    private static Map<String, Object> rosterVote(
            String voteDate, Object totalArea, int totalHouseholds, List<Map<String, Object>> roster) {
        Map<String, Object> body = vote(voteDate, "FIRST_CONSENT", totalArea, totalHouseholds);
        body.put("roster", roster);
        return body;
    }

    private static Map<String, Object> room(String roomNumber, Object area, String ballot) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("roomNumber", roomNumber);
        entry.put("exclusiveArea", number(area));
        entry.put("ballot", ballot);
        return entry;
    }

    /** Decimal text becomes a JSON number with exactly those digits (66.68, 100.02, 6700.00). */
    private static Object number(Object value) {
        return value instanceof String s ? new java.math.BigDecimal(s) : value;
    }

    /** 2 of 3 households with 66.68 of 100.02 m²: exactly 2/3 on both axes. */
    private static Map<String, Object> exactlyTwoThirds(String voteDate) {
        return countsVote(voteDate, number("100.02"), 3, 2, "66.68", 1, "33.34", 0, "0");
    }

    /** All 100 households vote, 67 agree with 67% of the area. */
    private static Map<String, Object> sixtySevenOfOneHundred(String voteDate) {
        Map<String, Object> body = vote(voteDate, "DESIGN_PLAN", number("10000.00"), 100);
        body.put("counts", counts(67, "6700.00", 33, "3300.00", 0, "0"));
        return body;
    }

    private ResultActions postJson(Object body) throws Exception {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions tallied(Object body, boolean sufficient) throws Exception {
        return postJson(body)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.sufficient").value(sufficient))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.reasons[0].ruleId")
                        .value(sufficient ? "CONSENT-DECIDE-SUFFICIENT" : "CONSENT-DECIDE-INSUFFICIENT"));
    }

    private static String criterion(String ruleId, String measure, String property) {
        return "$.criteria[?(@.ruleId == '" + ruleId + "' && @.measure == '" + measure + "')]." + property;
    }

    @Nested
    class DoubleTwoThirds {

        @Test
        void exactlyTwoThirdsOnBothAxesIsSufficientAndShowsExactFractions() throws Exception {
            tallied(exactlyTwoThirds("2020-10-15"), true)
                    .andExpect(jsonPath("$.criteria", hasSize(4)))
                    .andExpect(jsonPath("$.criteria[*].passed", everyItem(org.hamcrest.Matchers.is(true))))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "share.fraction"),
                            contains("2/3")))
                    .andExpect(
                            jsonPath(criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "part"), contains(66.68)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "whole"), contains(100.02)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_HOUSEHOLDS_OF_TOTAL", "share.fraction"),
                            contains("2/3")))
                    .andExpect(jsonPath(
                            criterion(PROPERTY_LAW_76, "AGREEING_AREA_OF_TOTAL", "minimum.fraction"), contains("2/3")))
                    .andExpect(jsonPath("$.whyNot").isEmpty());
        }

        @Test
        void exactlyTwoThirdsShowsTheAnnex3PublicityFigures() throws Exception {
            tallied(exactlyTwoThirds("2020-10-15"), true)
                    .andExpect(jsonPath("$.publicity.totalArea").value(100.02))
                    .andExpect(jsonPath("$.publicity.totalHouseholds").value(3))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(2))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholdsShare.fraction")
                            .value("2/3"))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholdsShare.percent")
                            .value(66.66))
                    .andExpect(jsonPath("$.publicity.agreeingArea").value(66.68))
                    .andExpect(
                            jsonPath("$.publicity.agreeingAreaShare.fraction").value("2/3"))
                    .andExpect(jsonPath("$.publicity.agreeingAreaShare.percent").value(66.66));
        }

        @Test
        void oneHouseholdShortOfTwoThirdsIsInsufficientAndSaysWhichAxis() throws Exception {
            tallied(countsVote("2020-10-15", number("3000.00"), 30, 19, "2100.00", 11, "900.00", 0, "0"), false)
                    .andExpect(jsonPath("$.whyNot[*].ruleId", containsInAnyOrder(GUIDE_FIRST_CONSENT, PROPERTY_LAW_76)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_HOUSEHOLDS_OF_TOTAL", "passed"), contains(false)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_HOUSEHOLDS_OF_TOTAL", "share.fraction"),
                            contains("19/30")))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "passed"), contains(true)))
                    .andExpect(jsonPath("$.whyNot[0].message", containsString("未达到 2/3")));
        }

        @Test
        void areaOneHundredthShortOfTwoThirdsIsInsufficient() throws Exception {
            tallied(countsVote("2020-10-15", number("100.02"), 3, 2, "66.67", 1, "33.35", 0, "0"), false)
                    .andExpect(jsonPath("$.whyNot[*].ruleId", containsInAnyOrder(GUIDE_FIRST_CONSENT, PROPERTY_LAW_76)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "passed"), contains(false)))
                    .andExpect(jsonPath(
                            criterion(GUIDE_FIRST_CONSENT, "AGREEING_AREA_OF_TOTAL", "share.percent"),
                            contains(66.65)));
        }

        @Test
        void designPlanVoteCitesTheGuidesDesignPlanClause() throws Exception {
            Map<String, Object> body = exactlyTwoThirds("2020-10-15");
            body.put("round", "DESIGN_PLAN");
            tallied(body, true)
                    .andExpect(jsonPath("$.round").value("DESIGN_PLAN"))
                    .andExpect(jsonPath("$.criteria[*].ruleId", hasItem(GUIDE_DESIGN_PLAN)))
                    .andExpect(jsonPath("$.criteria[*].ruleId", not(hasItem(GUIDE_FIRST_CONSENT))))
                    .andExpect(jsonPath(
                            criterion(GUIDE_DESIGN_PLAN, "AGREEING_AREA_OF_TOTAL", "clause.section"),
                            contains("三、建设程序 4.确认改造设计方案")));
        }
    }

    @Nested
    class StatuteByVoteDate {

        @Test
        void voteOn31December2020IsJudgedUnderPropertyLawArticle76() throws Exception {
            tallied(exactlyTwoThirds("2020-12-31"), true)
                    .andExpect(jsonPath(
                            "$.criteria[*].basis",
                            containsInAnyOrder("GUIDE", "GUIDE", "PROPERTY_LAW_ART_76", "PROPERTY_LAW_ART_76")));
        }

        @Test
        void voteOn1January2021IsJudgedUnderCivilCodeArticle278() throws Exception {
            tallied(countsVote("2021-01-01", number("900.00"), 9, 9, "900.00", 0, "0", 0, "0"), true)
                    .andExpect(jsonPath(
                            "$.criteria[*].basis",
                            containsInAnyOrder(
                                    "GUIDE",
                                    "GUIDE",
                                    "CIVIL_CODE_ART_278",
                                    "CIVIL_CODE_ART_278",
                                    "CIVIL_CODE_ART_278",
                                    "CIVIL_CODE_ART_278")));
        }

        @Test
        void voteBeforeTheGuideTookEffectIsJudgedUnderPropertyLawOnly() throws Exception {
            tallied(exactlyTwoThirds("2020-08-31"), true)
                    .andExpect(jsonPath("$.criteria[*].ruleId", containsInAnyOrder(PROPERTY_LAW_76, PROPERTY_LAW_76)));
        }

        @Test
        void sixtySevenOfOneHundredIn2026PassesTheGuideButFailsCivilCodeApproval() throws Exception {
            tallied(sixtySevenOfOneHundred("2026-03-01"), false)
                    .andExpect(jsonPath("$.whyNot[*].ruleId", contains(CIVIL_CODE_APPROVAL, CIVIL_CODE_APPROVAL)))
                    .andExpect(jsonPath("$.criteria[?(@.basis == 'GUIDE')].passed", contains(true, true)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_HOUSEHOLDS_OF_PARTICIPATING", "share.fraction"),
                            contains("67/100")))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_HOUSEHOLDS_OF_PARTICIPATING", "minimum.fraction"),
                            contains("3/4")))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "passed"),
                            contains(true)));
        }

        @Test
        void sixtySevenOfOneHundredIn2020IsSufficient() throws Exception {
            tallied(sixtySevenOfOneHundred("2020-10-15"), true)
                    .andExpect(jsonPath("$.whyNot").isEmpty())
                    .andExpect(
                            jsonPath("$.publicity.agreeingAreaShare.fraction").value("67/100"));
        }

        @Test
        void exactlyThreeQuartersOfParticipantsIsSufficient() throws Exception {
            tallied(countsVote("2026-03-01", number("900.00"), 9, 6, "600.00", 2, "200.00", 0, "0"), true)
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_AREA_OF_PARTICIPATING", "share.fraction"),
                            contains("3/4")))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_AREA_OF_PARTICIPATING", "share.percent"),
                            contains(75.00)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_HOUSEHOLDS_OF_PARTICIPATING", "part"),
                            contains(6)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_HOUSEHOLDS_OF_PARTICIPATING", "whole"),
                            contains(8)));
        }

        @Test
        void participationOneHouseholdShortOfTwoThirdsIsInsufficient() throws Exception {
            tallied(countsVote("2026-03-01", number("3000.00"), 30, 19, "2000.00", 0, "0", 0, "0"), false)
                    .andExpect(jsonPath("$.whyNot[*].ruleId", hasItem(CIVIL_CODE_PARTICIPATION)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "share.fraction"),
                            contains("19/30")))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "passed"),
                            contains(false)));
        }
    }

    @Nested
    class BlankBallots {

        @Test
        void blankBallotFollowingTheAgreeingMajorityMakesTheVoteSufficient() throws Exception {
            tallied(countsVote("2020-10-15", number("1000.00"), 10, 6, "600.00", 2, "200.00", 1, "100.00"), true)
                    .andExpect(jsonPath("$.blankBallots.households").value(1))
                    .andExpect(jsonPath("$.blankBallots.countedAsAgreeing").value(true))
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-BLANK-FOLLOWS-AGREEING-MAJORITY"))
                    // The interpretation says which basis the table sets (households), not only the parameter's name.
                    .andExpect(jsonPath(
                            "$.reasons[?(@.ruleId == 'CONSENT-BLANK-FOLLOWS-AGREEING-MAJORITY')].interpretation",
                            contains("“多数居民意见”按明确表示同意或不同意的表决票的户数比较（参数 CONSENT-PARAM-BLANK-MAJORITY-BASIS），未投票的不计入")))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(7))
                    .andExpect(jsonPath("$.publicity.agreeingArea").value(700.00))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholdsShare.fraction")
                            .value("7/10"));
        }

        @Test
        void sameVoteWithoutTheBlankBallotIsInsufficient() throws Exception {
            tallied(countsVote("2020-10-15", number("1000.00"), 10, 6, "600.00", 2, "200.00", 0, "0"), false)
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-NO-BLANK-BALLOTS"))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(6));
        }

        @Test
        void blankBallotsOnATieAreNotCountedAsAgreeingButParticipate() throws Exception {
            tallied(countsVote("2026-03-01", number("800.00"), 8, 3, "300.00", 3, "300.00", 2, "200.00"), false)
                    .andExpect(jsonPath("$.blankBallots.countedAsAgreeing").value(false))
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-BLANK-ON-A-TIE"))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(3))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "part"),
                            contains(8)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "passed"),
                            contains(true)))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_APPROVAL, "AGREEING_HOUSEHOLDS_OF_PARTICIPATING", "share.fraction"),
                            contains("3/8")));
        }

        @Test
        void blankBallotsFollowingADisagreeingMajorityAreNotCountedAsAgreeing() throws Exception {
            tallied(countsVote("2020-10-15", number("900.00"), 9, 2, "200.00", 3, "300.00", 4, "400.00"), false)
                    .andExpect(jsonPath("$.blankBallots.countedAsAgreeing").value(false))
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-BLANK-FOLLOWS-DISAGREEING-MAJORITY"))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(2));
        }

        @Test
        void onlyBlankBallotsAreATieAndNobodyAgrees() throws Exception {
            tallied(countsVote("2026-03-01", number("300.00"), 3, 0, "0", 0, "0", 3, "300.00"), false)
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-BLANK-ON-A-TIE"))
                    .andExpect(jsonPath("$.blankBallots.countedAsAgreeing").value(false))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(0))
                    .andExpect(
                            jsonPath("$.publicity.agreeingAreaShare.fraction").value("0/1"));
        }
    }

    @Nested
    class Roster {

        /** The spec's example: 4 agree, 1 blank, 1 disagree of 6; the blank follows the agreeing majority. */
        private List<Map<String, Object>> majorityAgreeingWithOneBlank() {
            return new ArrayList<>(List.of(
                    room("3-101", "90.00", "AGREE"),
                    room("3-102", "90.00", "AGREE"),
                    room("3-201", "90.00", "AGREE"),
                    room("3-202", "90.00", "AGREE"),
                    room("3-301", "90.00", "SIGNED_BLANK"),
                    room("3-302", "90.00", "DISAGREE")));
        }

        @Test
        void agreeingRoomsIncludeABlankBallotCountedAsAgreeing() throws Exception {
            tallied(rosterVote("2026-03-01", number("540.00"), 6, majorityAgreeingWithOneBlank()), true)
                    .andExpect(jsonPath("$.agreeingRooms", contains("3-101", "3-102", "3-201", "3-202", "3-301")))
                    .andExpect(jsonPath("$.blankBallots.countedAsAgreeing").value(true))
                    .andExpect(jsonPath("$.publicity.agreeingHouseholds").value(5))
                    .andExpect(jsonPath("$.publicity.agreeingArea").value(450.00))
                    .andExpect(
                            jsonPath("$.publicity.agreeingAreaShare.fraction").value("5/6"));
        }

        @Test
        void agreeingRoomsLeaveOutBlankBallotsOnATie() throws Exception {
            List<Map<String, Object>> roster = List.of(
                    room("1-101", "80.00", "AGREE"),
                    room("1-102", "80.00", "DISAGREE"),
                    room("1-201", "80.00", "SIGNED_BLANK"),
                    room("1-202", "80.00", "NO_BALLOT"));
            tallied(rosterVote("2026-03-01", number("320.00"), 4, roster), false)
                    .andExpect(jsonPath("$.agreeingRooms", contains("1-101")))
                    .andExpect(jsonPath("$.blankBallots.ruleId").value("CONSENT-BLANK-ON-A-TIE"))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "share.fraction"),
                            contains("3/4")));
        }

        @Test
        void agreeingRoomsAreListedWithoutSurroundingSpaces() throws Exception {
            List<Map<String, Object>> roster = majorityAgreeingWithOneBlank();
            roster.set(0, room("  3-101 ", "90.00", "AGREE"));
            tallied(rosterVote("2026-03-01", number("540.00"), 6, roster), true)
                    .andExpect(jsonPath("$.agreeingRooms[0]").value("3-101"));
        }

        @Test
        void countsHaveNoAgreeingRooms() throws Exception {
            tallied(exactlyTwoThirds("2020-10-15"), true)
                    .andExpect(jsonPath("$.agreeingRooms").doesNotExist());
        }

        @Test
        void householdsWithoutABallotNeitherAgreeNorParticipate() throws Exception {
            List<Map<String, Object>> roster = List.of(
                    room("2-101", "100.00", "AGREE"),
                    room("2-102", "100.00", "AGREE"),
                    room("2-201", "100.00", "NO_BALLOT"));
            tallied(rosterVote("2026-03-01", number("300.00"), 3, roster), true)
                    .andExpect(jsonPath("$.agreeingRooms", contains("2-101", "2-102")))
                    .andExpect(jsonPath(
                            criterion(CIVIL_CODE_PARTICIPATION, "PARTICIPATING_HOUSEHOLDS_OF_TOTAL", "share.fraction"),
                            contains("2/3")));
        }
    }

    @Nested
    class BadInput {

        private ResultActions rejected(Object body, String field) throws Exception {
            return ProblemExpectations.badRequestNaming(postJson(body), field)
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        // --- counts that cannot be ------------------------------------------------------------

        @Test
        void moreAgreeingHouseholdsThanHouseholdsIsRejectedNamingThatCount() throws Exception {
            rejected(
                            countsVote("2026-03-01", number("300.00"), 3, 4, "300.00", 0, "0", 0, "0"),
                            "counts.agreeingHouseholds")
                    .andExpect(jsonPath("$.errors[0].message", containsString("多于总户数 3")));
        }

        @Test
        void moreBlankBallotsThanHouseholdsIsRejectedNamingThatCount() throws Exception {
            rejected(
                    countsVote("2026-03-01", number("300.00"), 3, 0, "0", 0, "0", 5, "300.00"),
                    "counts.blankHouseholds");
        }

        @Test
        void moreBallotsThanHouseholdsOnlyTogetherIsRejectedNamingTheTotal() throws Exception {
            rejected(
                            countsVote("2026-03-01", number("300.00"), 3, 2, "200.00", 1, "50.00", 1, "50.00"),
                            "totalHouseholds")
                    .andExpect(jsonPath("$.errors[0].message", containsString("合计 4 户")));
        }

        @Test
        void oneCountedAreaAboveTheTotalIsRejectedNamingThatArea() throws Exception {
            rejected(
                            countsVote("2026-03-01", number("300.00"), 3, 1, "10.00", 1, "300.01", 0, "0"),
                            "counts.disagreeingArea")
                    .andExpect(jsonPath("$.errors[0].message", containsString("300.01")));
        }

        @Test
        void countedAreasAboveTheTotalBeyondRoundingAreRejected() throws Exception {
            // Three figures may each be 0.005 m² off: 0.015 m² in all, so 0.02 m² over is too much.
            rejected(
                            countsVote("2026-03-01", number("300.00"), 3, 1, "100.01", 1, "100.01", 1, "100.00"),
                            "totalExclusiveArea")
                    .andExpect(jsonPath("$.errors[0].message", containsString("300.02")));
        }

        @Test
        void countedAreasAboveTheTotalWithinRoundingAreAccepted() throws Exception {
            tallied(countsVote("2026-03-01", number("300.00"), 3, 1, "100.01", 1, "100.00", 1, "100.00"), false);
        }

        @Test
        void rosterAreasAboveTheTotalBeyondRoundingAreRejected() throws Exception {
            // Two entries may each be 0.005 m² off: 0.01 m² in all.
            List<Map<String, Object>> roster = List.of(room("1", "100.01", "AGREE"), room("2", "100.01", "AGREE"));
            rejected(rosterVote("2026-03-01", number("200.00"), 2, roster), "totalExclusiveArea");
        }

        @Test
        void rosterAreasAboveTheTotalWithinRoundingAreAccepted() throws Exception {
            List<Map<String, Object>> roster = List.of(room("1", "100.01", "AGREE"), room("2", "100.00", "AGREE"));
            tallied(rosterVote("2026-03-01", number("200.00"), 2, roster), true);
        }

        @Test
        void rosterAreasOfHouseholdsWithoutABallotCountTowardsTheTotal() throws Exception {
            // 90 + 90 m² listed for a building of 100 m²: impossible, whoever voted.
            List<Map<String, Object>> roster = List.of(room("1", "90.00", "AGREE"), room("2", "90.00", "NO_BALLOT"));
            rejected(rosterVote("2026-03-01", number("100.00"), 2, roster), "totalExclusiveArea");
        }

        @Test
        void oneRosterAreaAboveTheTotalIsRejectedNamingThatLine() throws Exception {
            List<Map<String, Object>> roster = List.of(room("1", "90.00", "AGREE"), room("2", "120.00", "DISAGREE"));
            rejected(rosterVote("2026-03-01", number("100.00"), 2, roster), "roster[1].exclusiveArea")
                    .andExpect(jsonPath("$.errors[0].message", containsString("120.00")));
        }

        @Test
        void rosterLongerThanTheTotalHouseholdsIsRejected() throws Exception {
            List<Map<String, Object>> roster =
                    List.of(room("1", "10.00", "AGREE"), room("2", "10.00", "AGREE"), room("3", "10.00", "NO_BALLOT"));
            // The third line is the first that cannot be: there are only two households.
            rejected(rosterVote("2026-03-01", number("300.00"), 2, roster), "roster[2]");
        }

        // --- duplicate rooms ------------------------------------------------------------------

        @ParameterizedTest(name = "''3-101'' then ''{0}''")
        @ValueSource(strings = {"3-101", " 3-101 ", "３－１０１", "3 - 101", "\u30003-101"})
        void sameRoomListedTwiceIsRejectedAtTheSecondEntry(String variant) throws Exception {
            List<Map<String, Object>> roster = List.of(
                    room("3-101", "90.00", "AGREE"),
                    room("3-102", "90.00", "AGREE"),
                    room(variant, "90.00", "DISAGREE"));
            rejected(rosterVote("2026-03-01", number("270.00"), 3, roster), "roster[2].roomNumber")
                    .andExpect(jsonPath("$.errors[0].message", containsString("roster[0]")));
        }

        @Test
        void roomNumbersDifferingOnlyInLetterCaseAreTheSameRoom() throws Exception {
            List<Map<String, Object>> roster =
                    List.of(room("A-101", "90.00", "AGREE"), room("a-101", "90.00", "AGREE"));
            rejected(rosterVote("2026-03-01", number("180.00"), 2, roster), "roster[1].roomNumber");
        }

        // --- totals, dates, shapes --------------------------------------------------------------

        @ParameterizedTest(name = "totalExclusiveArea {0}")
        @ValueSource(strings = {"0", "0.00", "-100.00"})
        void totalAreaThatIsNotPositiveIsRejected(String area) throws Exception {
            rejected(countsVote("2026-03-01", number(area), 3, 0, "0", 0, "0", 0, "0"), "totalExclusiveArea");
        }

        @ParameterizedTest(name = "totalHouseholds {0}")
        @ValueSource(ints = {0, -3})
        void totalHouseholdsBelowOneIsRejected(int households) throws Exception {
            rejected(countsVote("2026-03-01", number("300.00"), households, 0, "0", 0, "0", 0, "0"), "totalHouseholds");
        }

        @Test
        void voteDateAfterTodayIsRejected() throws Exception {
            rejected(exactlyTwoThirds("2026-03-02"), "voteDate");
        }

        @Test
        void voteDateTodayInWenzhouIsAcceptedThoughItIsStillYesterdayInUtc() throws Exception {
            tallied(exactlyTwoThirds("2026-03-01"), false)
                    .andExpect(jsonPath("$.voteDate").value("2026-03-01"));
        }

        @Test
        void bothCountsAndRosterAreRejected() throws Exception {
            Map<String, Object> body = exactlyTwoThirds("2026-03-01");
            body.put("roster", List.of(room("1", "66.68", "AGREE")));
            rejected(body, "roster");
        }

        @Test
        void neitherCountsNorRosterIsRejected() throws Exception {
            rejected(vote("2026-03-01", "FIRST_CONSENT", number("300.00"), 3), "counts");
        }

        @Test
        void totalAreaWithThreeDecimalsIsRejected() throws Exception {
            rejected(
                    countsVote("2026-03-01", number("100.021"), 3, 2, "66.68", 1, "33.34", 0, "0"),
                    "totalExclusiveArea");
        }

        @Test
        void countedAreaWithThreeDecimalsIsRejected() throws Exception {
            rejected(
                    countsVote("2026-03-01", number("100.02"), 3, 2, "66.675", 1, "33.34", 0, "0"),
                    "counts.agreeingArea");
        }

        @Test
        void rosterAreaWithThreeDecimalsIsRejected() throws Exception {
            List<Map<String, Object>> roster = List.of(room("1", "90.00", "AGREE"), room("2", "90.005", "AGREE"));
            rejected(rosterVote("2026-03-01", number("180.01"), 2, roster), "roster[1].exclusiveArea");
        }

        @Test
        void unknownBallotValueIsRejected() throws Exception {
            List<Map<String, Object>> roster = List.of(room("1", "90.00", "AGREE"), room("2", "90.00", "ABSTAIN"));
            rejected(rosterVote("2026-03-01", number("180.00"), 2, roster), "roster[1].ballot");
        }

        @Test
        void unknownRoundIsRejected() throws Exception {
            Map<String, Object> body = exactlyTwoThirds("2026-03-01");
            body.put("round", "THIRD_VOTE");
            rejected(body, "round");
        }

        @Test
        void textWhereAHouseholdCountBelongsIsRejected() throws Exception {
            Map<String, Object> body = exactlyTwoThirds("2026-03-01");
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) body.get("counts");
            c.put("agreeingHouseholds", "2");
            rejected(body, "counts.agreeingHouseholds");
        }

        @Test
        void negativeCountIsRejected() throws Exception {
            Map<String, Object> body = exactlyTwoThirds("2026-03-01");
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) body.get("counts");
            c.put("disagreeingHouseholds", -1);
            rejected(body, "counts.disagreeingHouseholds");
        }
    }
}
