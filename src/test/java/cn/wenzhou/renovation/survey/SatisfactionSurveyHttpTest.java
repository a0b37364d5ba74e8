package cn.wenzhou.renovation.survey;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code POST /api/v1/surveys/satisfaction} (annex 7) through the real context and rules: a
 * distribution per question whose base is the forms answering it, and the satisfaction rate the
 * decision table defines (默认“非常满意”与“基本满意”).
 */
@DeployedService
class SatisfactionSurveyHttpTest {

    private static final String URL = "/api/v1/surveys/satisfaction";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    // --- request builders ------------------------------------------------------------------------

    /** A form from alternating key/value pairs; an omitted question is unanswered. */
    private static Map<String, Object> form(Object... keysAndValues) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            f.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return f;
    }

    private static Map<String, Object> survey(List<Map<String, Object>> forms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "龙湾区河滨小区");
        body.put("responses", forms);
        return body;
    }

    /** The contract's example: four forms, the fourth leaving questions 2, 4, 6 and 8 unanswered. */
    private static List<Map<String, Object>> fourForms() {
        return new ArrayList<>(List.of(
                form(
                        "gender",
                        "FEMALE",
                        "ageBand",
                        "AGE_OVER_60",
                        "awareness",
                        "BASICALLY",
                        "involved",
                        "YES",
                        "renovatedAspects",
                        List.of("PIPELINES", "ELEVATORS"),
                        "qualityOfLife",
                        "MUCH_BETTER",
                        "satisfaction",
                        "VERY_SATISFIED"),
                form(
                        "gender",
                        "MALE",
                        "ageBand",
                        "AGE_46_TO_60",
                        "awareness",
                        "A_LITTLE",
                        "involved",
                        "YES",
                        "renovatedAspects",
                        List.of("FACADES", "ROADS"),
                        "qualityOfLife",
                        "A_LITTLE_BETTER",
                        "satisfaction",
                        "BASICALLY_SATISFIED",
                        "comments",
                        "希望增加停车位"),
                form(
                        "gender",
                        "MALE",
                        "ageBand",
                        "AGE_36_TO_45",
                        "involved",
                        "YES",
                        "renovatedAspects",
                        List.of("ROADS"),
                        "qualityOfLife",
                        "ABOUT_THE_SAME",
                        "satisfaction",
                        "NEUTRAL"),
                form("gender", "FEMALE", "involved", "YES", "qualityOfLife", "WORSE")));
    }

    private ResultActions postJson(Object body) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private ResultActions aggregated(Object body) throws Exception {
        return postJson(body)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"));
    }

    private void refused(Object body, String field) throws Exception {
        postJson(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private static String answer(int question, String answer, String property) {
        return "$.questions[?(@.question == " + question + ")].answers[?(@.answer == '" + answer + "')]." + property;
    }

    private static String question(int question, String property) {
        return "$.questions[?(@.question == " + question + ")]." + property;
    }

    // --- distributions ------------------------------------------------------------------------

    @Test
    void everyQuestionIsListedInTheFormsOrderWithItsAnswersInTheFormsOrder() throws Exception {
        aggregated(survey(fourForms()))
                .andExpect(jsonPath("$.responses").value(4))
                .andExpect(jsonPath("$.questions[*].question").value(contains(1, 2, 3, 4, 5, 6, 7, 8)))
                .andExpect(jsonPath("$.questions[*].multipleChoice")
                        .value(contains(false, false, false, false, false, true, false, false)))
                .andExpect(jsonPath("$.questions[7].answers[*].answer")
                        .value(contains("VERY_SATISFIED", "BASICALLY_SATISFIED", "NEUTRAL", "DISSATISFIED")))
                .andExpect(jsonPath("$.questions[7].answers[*].label").value(contains("非常满意", "基本满意", "一般", "不满意")));
    }

    @Test
    void unansweredQuestionsAreLeftOutOfTheirBase() throws Exception {
        aggregated(survey(fourForms()))
                // Question 1: all four answered.
                .andExpect(jsonPath(question(1, "answered")).value(contains(4)))
                .andExpect(jsonPath(answer(1, "MALE", "share.fraction")).value(contains("1/2")))
                // Question 2: the fourth form left it blank, so the base is 3.
                .andExpect(jsonPath(question(2, "answered")).value(contains(3)))
                .andExpect(jsonPath(answer(2, "AGE_OVER_60", "count")).value(contains(1)))
                .andExpect(jsonPath(answer(2, "AGE_OVER_60", "share.fraction")).value(contains("1/3")))
                .andExpect(jsonPath(answer(2, "AGE_OVER_60", "share.percent")).value(contains(33.33)))
                .andExpect(jsonPath(answer(2, "AGE_21_TO_35", "count")).value(contains(0)))
                // Question 3: nobody answered; 0/0 and no percent.
                .andExpect(jsonPath(question(3, "answered")).value(contains(0)))
                .andExpect(jsonPath(answer(3, "BACHELOR", "share.fraction")).value(contains("0/0")))
                .andExpect(jsonPath("$.questions[2].answers[0].share.percent").doesNotExist())
                // Question 4: two answered.
                .andExpect(jsonPath(question(4, "answered")).value(contains(2)))
                .andExpect(jsonPath(answer(4, "A_LITTLE", "share.fraction")).value(contains("1/2")))
                // Question 5: all YES.
                .andExpect(jsonPath(answer(5, "YES", "share.fraction")).value(contains("1/1")))
                .andExpect(jsonPath(answer(5, "YES", "share.percent")).value(contains(100.0)))
                // Question 7: answered by all four.
                .andExpect(jsonPath(question(7, "answered")).value(contains(4)))
                .andExpect(jsonPath(answer(7, "WORSE", "share.fraction")).value(contains("1/4")))
                // Question 8: three answered.
                .andExpect(jsonPath(question(8, "answered")).value(contains(3)))
                .andExpect(jsonPath(answer(8, "NEUTRAL", "share.fraction")).value(contains("1/3")))
                .andExpect(jsonPath(answer(8, "DISSATISFIED", "count")).value(contains(0)));
    }

    @Test
    void questionSixCountsEveryTickedAspectOverTheFormsAnsweringIt() throws Exception {
        List<Map<String, Object>> forms = fourForms();
        // An empty list is an unanswered question; an aspect ticked twice on one form counts once.
        forms.get(3).put("renovatedAspects", List.of());
        forms.get(2).put("renovatedAspects", List.of("ROADS", "ROADS", "GREENING"));
        aggregated(survey(forms))
                .andExpect(jsonPath(question(6, "answered")).value(contains(3)))
                .andExpect(jsonPath(question(6, "multipleChoice")).value(contains(true)))
                .andExpect(jsonPath(answer(6, "ROADS", "count")).value(contains(2)))
                .andExpect(jsonPath(answer(6, "ROADS", "share.fraction")).value(contains("2/3")))
                .andExpect(jsonPath(answer(6, "PIPELINES", "count")).value(contains(1)))
                .andExpect(jsonPath(answer(6, "PIPELINES", "share.fraction")).value(contains("1/3")))
                .andExpect(jsonPath(answer(6, "GREENING", "count")).value(contains(1)))
                .andExpect(jsonPath(answer(6, "OTHER", "count")).value(contains(0)))
                .andExpect(jsonPath("$.questions[5].answers[*].answer")
                        .value(contains(
                                "PIPELINES",
                                "FACADES",
                                "ROADS",
                                "GREENING",
                                "EV_CHARGING",
                                "LEAK_REPAIR",
                                "ELEVATORS",
                                "OTHER")));
    }

    // --- satisfaction rate --------------------------------------------------------------------

    @Test
    void satisfactionRateIsSatisfiedAnswersOverAnswersToQuestionEight() throws Exception {
        aggregated(survey(fourForms()))
                .andExpect(jsonPath("$.satisfactionRate.satisfied").value(2))
                .andExpect(jsonPath("$.satisfactionRate.answered").value(3))
                .andExpect(jsonPath("$.satisfactionRate.rate.fraction").value("2/3"))
                .andExpect(jsonPath("$.satisfactionRate.rate.percent").value(66.66))
                .andExpect(jsonPath("$.satisfactionRate.satisfiedAnswers")
                        .value(contains("VERY_SATISFIED", "BASICALLY_SATISFIED")))
                .andExpect(jsonPath("$.satisfactionRate.clause.section").exists());
    }

    @Test
    void dissatisfiedAndNeutralAnswersAreNotSatisfied() throws Exception {
        List<Map<String, Object>> forms = List.of(
                form("satisfaction", "DISSATISFIED"), form("satisfaction", "NEUTRAL"),
                form("satisfaction", "BASICALLY_SATISFIED"), form("satisfaction", "VERY_SATISFIED"),
                form("satisfaction", "VERY_SATISFIED"), form("gender", "MALE"));
        aggregated(survey(forms))
                .andExpect(jsonPath("$.responses").value(6))
                .andExpect(jsonPath("$.satisfactionRate.satisfied").value(3))
                .andExpect(jsonPath("$.satisfactionRate.answered").value(5))
                .andExpect(jsonPath("$.satisfactionRate.rate.fraction").value("3/5"))
                .andExpect(jsonPath("$.satisfactionRate.rate.percent").value(60.0));
    }

    @Test
    void noAnswersToQuestionEightGiveZeroOverZeroAndNoPercent() throws Exception {
        aggregated(survey(List.of(form("gender", "MALE"), form("involved", "NO"))))
                .andExpect(jsonPath("$.satisfactionRate.satisfied").value(0))
                .andExpect(jsonPath("$.satisfactionRate.answered").value(0))
                .andExpect(jsonPath("$.satisfactionRate.rate.fraction").value("0/0"))
                .andExpect(jsonPath("$.satisfactionRate.rate.percent").doesNotExist());
    }

    // --- comments -----------------------------------------------------------------------------

    @Test
    void commentsAreReturnedWithIdNumbersAndMobilesMaskedAndBlankOnesLeftOut() throws Exception {
        List<Map<String, Object>> forms = fourForms();
        forms.get(0).put("comments", "我的身份证330302198001011234，电话13857712345，请联系");
        forms.get(2).put("comments", "   ");
        aggregated(survey(forms))
                .andExpect(jsonPath("$.comments", hasSize(2)))
                .andExpect(jsonPath("$.comments[0]").value(not(containsString("330302198001011234"))))
                .andExpect(jsonPath("$.comments[0]").value(not(containsString("13857712345"))))
                .andExpect(jsonPath("$.comments[0]").value("我的身份证******************，电话***********，请联系"))
                .andExpect(jsonPath("$.comments[1]").value("希望增加停车位"));
    }

    // --- refusals ----------------------------------------------------------------------------

    @Test
    void anUnknownAnswerIsRefusedNamingTheField() throws Exception {
        List<Map<String, Object>> forms = fourForms();
        forms.get(2).put("satisfaction", "SATISFIED");
        refused(survey(forms), "responses[2].satisfaction");
    }

    @Test
    void anUnknownAnswerToAnotherQuestionIsRefusedNamingTheField() throws Exception {
        List<Map<String, Object>> forms = fourForms();
        forms.get(1).put("ageBand", "AGE_60_OR_OVER");
        refused(survey(forms), "responses[1].ageBand");
    }

    @Test
    void aQuestionSixValueOutsideTheListIsRefusedNamingItsIndex() throws Exception {
        List<Map<String, Object>> forms = fourForms();
        forms.get(1).put("renovatedAspects", List.of("FACADES", "PARKING"));
        refused(survey(forms), "responses[1].renovatedAspects[1]");
    }

    @Test
    void noFormsAreRefused() throws Exception {
        refused(survey(List.of()), "responses");
        Map<String, Object> body = survey(List.of());
        body.remove("responses");
        refused(body, "responses");
    }
}
