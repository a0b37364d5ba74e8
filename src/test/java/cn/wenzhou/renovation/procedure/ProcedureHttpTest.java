package cn.wenzhou.renovation.procedure;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.FixedWenzhouClock;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code POST /api/v1/procedure/status} through the real Spring context, the real rules and the
 * packaged calendar. "Today" is 2026-03-01 in Wenzhou ({@link FixedWenzhouClock}).
 */
@DeployedService
class ProcedureHttpTest {

    private static final String URL = "/api/v1/procedure/status";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private static final String STEP_1_TO_4_DOCUMENTS = "[\"ANNEX_1_CONSULTATION_FORM\", \"PLANNING_SCHEME\", "
            + "\"DESIGN_SCHEME\", \"ANNEX_2_SIGNATURE_SHEET\", \"ANNEX_2_ROOM_SCHEDULE\", \"ANNEX_3_PUBLICITY_NOTICE\"]";

    @Autowired
    private MockMvc mvc;

    /** Fields with raw JSON values, in order; a null value leaves the field out. */
    private static String body(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("{\"projectName\": \"瓯海区新桥街道新桥小区改造项目\"");
        fields.forEach((name, value) -> {
            if (value != null) {
                text.append(", \"").append(name).append("\": ").append(value);
            }
        });
        return text.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** The spec's example applicationWithoutManagementPlan: steps 1-4 done, annexes 4 and 5 in hand, not annex 6. */
    private static Map<String, String> applicationWithoutAnnex6() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("evaluationDate", quoted("2025-10-20"));
        fields.put("intentConsentReached", "true");
        fields.put("planningSchemeDrafted", "true");
        fields.put("siteSurveyOn", quoted("2025-08-04"));
        fields.put("departmentRepliesReceived", "true");
        fields.put("designVotePassed", "true");
        fields.put("publicityPostedOn", quoted("2025-09-22"));
        fields.put("publicityLastDay", quoted("2025-09-29"));
        fields.put("publicityObjections", "false");
        fields.put(
                "documents",
                "[\"ANNEX_1_CONSULTATION_FORM\", \"PLANNING_SCHEME\", \"DESIGN_SCHEME\", "
                        + "\"ANNEX_2_SIGNATURE_SHEET\", \"ANNEX_2_ROOM_SCHEDULE\", \"ANNEX_3_PUBLICITY_NOTICE\", "
                        + "\"ANNEX_4_APPLICATION_FORM\", \"ANNEX_5_RESIDENT_COMMITMENT\"]");
        return fields;
    }

    /** Steps 1 and 2 done with their documents, nothing else. */
    private static Map<String, String> planningSchemeDrafted() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("evaluationDate", quoted("2026-03-02"));
        fields.put("intentConsentReached", "true");
        fields.put("planningSchemeDrafted", "true");
        fields.put("documents", "[\"ANNEX_1_CONSULTATION_FORM\", \"PLANNING_SCHEME\"]");
        return fields;
    }

    private ResultActions postJson(String text) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions answered(String text) throws Exception {
        return postJson(text)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.projectName").value("瓯海区新桥街道新桥小区改造项目"));
    }

    @Nested
    class ApplicationWithoutAnnex6 {

        @Test
        void standsAtStep5WithSteps1To4Complete() throws Exception {
            answered(body(applicationWithoutAnnex6()))
                    .andExpect(jsonPath("$.allStepsComplete").value(false))
                    .andExpect(jsonPath("$.currentStep.number").value(5))
                    .andExpect(jsonPath("$.currentStep.code").value("APPLICATION"))
                    .andExpect(jsonPath("$.currentStep.label").value("项目申报"))
                    .andExpect(jsonPath("$.nextStep.number").value(6))
                    .andExpect(jsonPath("$.nextStep.code").value("IMPLEMENTATION"))
                    .andExpect(jsonPath("$.completedSteps[*].number", contains(1, 2, 3, 4)))
                    .andExpect(jsonPath("$.completedSteps[3].code").value("DESIGN_CONFIRMATION"));
        }

        @Test
        void namesAnnex6AsTheOneMissingDocument() throws Exception {
            answered(body(applicationWithoutAnnex6()))
                    .andExpect(jsonPath("$.missingDocuments", hasSize(1)))
                    .andExpect(jsonPath("$.missingDocuments[0].step").value(5))
                    .andExpect(jsonPath("$.missingDocuments[0].code").value("ANNEX_6_LONG_TERM_MANAGEMENT_PLAN"))
                    .andExpect(jsonPath("$.missingDocuments[0].name").value("改造后长效管理方案"))
                    .andExpect(jsonPath("$.missingDocuments[0].annex").value(6))
                    .andExpect(jsonPath("$.missingDocuments[0].reason.ruleId").value("PROCEDURE-DOC-5-ANNEX-6"))
                    .andExpect(jsonPath("$.missingDocuments[0].reason.effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.missingDocuments[0].reason.message").value("第5步“项目申报”缺少《改造后长效管理方案》（附件6）"))
                    .andExpect(jsonPath("$.missingDocuments[0].reason.clause.section")
                            .value("三、建设程序 5.项目申报"))
                    .andExpect(jsonPath("$.missingDocuments[0].reason.clause.quote")
                            .value("（5）《×××小区改造后长效管理方案》（附件6）"));
        }

        @Test
        void isBlockedByTheStreetReviewNotReportedAndByTheMissingAnnex6() throws Exception {
            answered(body(applicationWithoutAnnex6()))
                    .andExpect(jsonPath("$.blockers", hasSize(2)))
                    .andExpect(jsonPath("$.blockers[0].ruleId").value("PROCEDURE-5-REVIEW-PENDING"))
                    .andExpect(jsonPath("$.blockers[0].effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.blockers[0].message").value("申请材料尚未通过街道（乡镇）初审"))
                    .andExpect(jsonPath("$.blockers[0].clause.quote").value("街道（乡镇）初审通过后再上报属地牵头部门备案"))
                    .andExpect(jsonPath("$.blockers[1].ruleId").value("PROCEDURE-STEP-DOCUMENTS-INCOMPLETE"))
                    .andExpect(jsonPath("$.blockers[1].effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.blockers[1].message").value("第5步所需材料不齐，缺少《改造后长效管理方案》（附件6）"));
        }

        @Test
        void withTheReviewPassedButAnnex6StillMissingTheMissingDocumentIsTheOneBlocker() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("streetReviewPassed", "true");

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(5))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-STEP-DOCUMENTS-INCOMPLETE")))
                    .andExpect(jsonPath("$.blockers[0].message").value("第5步所需材料不齐，缺少《改造后长效管理方案》（附件6）"))
                    .andExpect(jsonPath("$.missingDocuments[*].code", contains("ANNEX_6_LONG_TERM_MANAGEMENT_PLAN")));
        }

        @Test
        void showsThePublicityCheckedAcrossTheMakeUpSunday() throws Exception {
            // Posted Mon 09-22, down after Mon 09-29: Tue..Fri (4), Sun 09-28 make-up (5), Mon 09-29 (6).
            answered(body(applicationWithoutAnnex6()))
                    .andExpect(jsonPath("$.publicity.postedOn").value("2025-09-22"))
                    .andExpect(jsonPath("$.publicity.lastDay").value("2025-09-29"))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(6))
                    .andExpect(jsonPath("$.publicity.minimumWorkingDays").value(5))
                    .andExpect(jsonPath("$.publicity.postingDayCounted").value(false))
                    .andExpect(jsonPath("$.publicity.satisfied").value(true))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-09-28"))
                    .andExpect(jsonPath("$.publicity.reason.ruleId").value("PUBLICITY-LONG-ENOUGH"));
        }

        @Test
        void listsTheFourMilestonesReached() throws Exception {
            answered(body(applicationWithoutAnnex6()))
                    .andExpect(jsonPath(
                            "$.milestones[*].ruleId",
                            contains(
                                    "PROCEDURE-1-CONSENT-REACHED",
                                    "PROCEDURE-2-SCHEME-DRAFTED",
                                    "PROCEDURE-3-REPLIES-RECEIVED",
                                    "PROCEDURE-4-CONFIRMED")))
                    .andExpect(jsonPath("$.milestones[3].effect").value("CONDITION_MET"));
        }

        @Test
        void withAnnex6AndThePassedReviewStep5IsCompleteAndStep6IsCurrent() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("streetReviewPassed", "true");
            fields.put("documents", fields.get("documents").replace("]", ", \"ANNEX_6_LONG_TERM_MANAGEMENT_PLAN\"]"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(6))
                    .andExpect(jsonPath("$.missingDocuments").isEmpty())
                    .andExpect(jsonPath(
                            "$.blockers[*].ruleId",
                            contains("PROCEDURE-6-FUNDS-NOT-READY", "PROCEDURE-6-NOT-APPROVED")));
        }
    }

    @Nested
    class Steps {

        @Test
        void aProjectThatReportsNothingIsAtStep1() throws Exception {
            answered(body(Map.of()))
                    .andExpect(jsonPath("$.currentStep.number").value(1))
                    .andExpect(jsonPath("$.currentStep.code").value("CONSULTATION"))
                    .andExpect(jsonPath("$.completedSteps").isEmpty())
                    .andExpect(jsonPath("$.blockers[0].ruleId").value("PROCEDURE-1-CONSENT-MISSING"))
                    .andExpect(jsonPath("$.missingDocuments[0].code").value("ANNEX_1_CONSULTATION_FORM"))
                    .andExpect(jsonPath("$.missingDocuments[0].annex").value(1))
                    .andExpect(jsonPath("$.milestones").isEmpty())
                    .andExpect(jsonPath("$.publicity").doesNotExist());
        }

        @Test
        void aDocumentWithoutAnAnnexIsNamedWithoutOne() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("documents", STEP_1_TO_4_DOCUMENTS.replace("\"DESIGN_SCHEME\", ", ""));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(4))
                    .andExpect(jsonPath("$.missingDocuments", hasSize(1)))
                    .andExpect(jsonPath("$.missingDocuments[0].code").value("DESIGN_SCHEME"))
                    .andExpect(jsonPath("$.missingDocuments[0].annex").doesNotExist())
                    .andExpect(jsonPath("$.missingDocuments[0].reason.message").value("第4步“确认改造设计方案”缺少《改造设计方案》"))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-STEP-DOCUMENTS-INCOMPLETE")))
                    .andExpect(jsonPath("$.blockers[0].message").value("第4步所需材料不齐，缺少《改造设计方案》"));
        }

        @Test
        void aPublicityTooShortAcrossNationalDayStopsStep4() throws Exception {
            // The spec's example publicityTooShort: posted Mon 09-29, down Fri 10-10: Tue 09-30, Thu 10-09,
            // Fri 10-10 = 3; the 5th working day after 09-29 is Mon 10-13 (Sat 10-11 is the 4th).
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("evaluationDate", quoted("2025-10-15"));
            fields.put("publicityPostedOn", quoted("2025-09-29"));
            fields.put("publicityLastDay", quoted("2025-10-10"));
            fields.remove("publicityObjections");
            fields.put("documents", STEP_1_TO_4_DOCUMENTS);

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(4))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-4-PUBLICITY-TOO-SHORT")))
                    .andExpect(jsonPath("$.blockers[0].message", containsString("最早应持续到 2025-10-13（含）")))
                    .andExpect(jsonPath("$.publicity.countedWorkingDays").value(3))
                    .andExpect(jsonPath("$.publicity.satisfied").value(false))
                    .andExpect(jsonPath("$.publicity.earliestLastDay").value("2025-10-13"))
                    .andExpect(jsonPath("$.missingDocuments").isEmpty());
        }

        @Test
        void withoutAnEvaluationDateTodayInWenzhouDecidesWhetherThePublicityIsOver() throws Exception {
            // Today is 2026-03-01 in Wenzhou (still 02-28 in UTC); the publicity's last day is 03-02.
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.remove("evaluationDate");
            fields.put("publicityPostedOn", quoted("2026-02-24"));
            fields.put("publicityLastDay", quoted("2026-03-02"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(4))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-4-PUBLICITY-RUNNING")))
                    .andExpect(jsonPath("$.blockers[0].message", containsString("评估日为 2026-03-01")));
        }

        @Test
        void outstandingRepliesShowTheirDueDateAndWhetherItHasPassed() throws Exception {
            // Surveyed Thu 2025-09-25: due Thu 10-09 (Fri 09-26, Sun 09-28, Mon 09-29, Tue 09-30, Thu 10-09).
            Map<String, String> fields = planningSchemeDrafted();
            fields.put("siteSurveyOn", quoted("2025-09-25"));
            fields.put("evaluationDate", quoted("2025-10-10"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(3))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-3-REPLIES-OUTSTANDING")))
                    .andExpect(jsonPath("$.blockers[0].message", containsString("即 2025-10-09（含）前反馈，已逾期")));
        }

        @Test
        void allTenStepsCompleteHaveNoCurrentOrNextStep() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("streetReviewPassed", "true");
            fields.put("fundsReady", "true");
            fields.put("projectApproved", "true");
            fields.put("constructionCompleted", "true");
            fields.put("completionAccepted", "true");
            fields.put("handedOver", "true");
            fields.put("postEvaluationDone", "true");
            fields.put(
                    "documents",
                    fields.get("documents")
                            .replace("]", ", \"ANNEX_6_LONG_TERM_MANAGEMENT_PLAN\", \"ANNEX_7_SATISFACTION_SURVEY\"]"));

            answered(body(fields))
                    .andExpect(jsonPath("$.allStepsComplete").value(true))
                    .andExpect(jsonPath("$.currentStep").doesNotExist())
                    .andExpect(jsonPath("$.nextStep").doesNotExist())
                    .andExpect(jsonPath("$.completedSteps", hasSize(10)))
                    .andExpect(jsonPath("$.completedSteps[9].code").value("POST_EVALUATION"))
                    .andExpect(jsonPath("$.blockers").isEmpty())
                    .andExpect(jsonPath("$.missingDocuments").isEmpty())
                    .andExpect(jsonPath("$.milestones", hasSize(10)));
        }

        @Test
        void aDocumentListedTwiceIsCountedOnce() throws Exception {
            Map<String, String> fields = planningSchemeDrafted();
            fields.put(
                    "documents", "[\"ANNEX_1_CONSULTATION_FORM\", \"ANNEX_1_CONSULTATION_FORM\", \"PLANNING_SCHEME\"]");

            answered(body(fields)).andExpect(jsonPath("$.currentStep.number").value(3));
        }
    }

    /**
     * Dates in a year the calendar lacks (before its first year, which no later notice changes; the
     * turn of a year is {@code CalendarYearChangeHttpTest}'s): only the period that needs the count is
     * left uncounted, named by its field and year, and the rest of the status is answered.
     */
    @Nested
    class YearsNotCovered {

        @Test
        void aSurveyIn2019WithRepliesOutstandingIsAnsweredWithTheDeadlineUncounted() throws Exception {
            Map<String, String> fields = planningSchemeDrafted();
            fields.put("siteSurveyOn", quoted("2019-12-30"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(3))
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-3-REPLIES-OUTSTANDING")))
                    .andExpect(jsonPath("$.uncountedPeriods", hasSize(1)))
                    .andExpect(jsonPath("$.uncountedPeriods[0].field").value("siteSurveyOn"))
                    .andExpect(jsonPath("$.uncountedPeriods[0].date").value("2019-12-30"))
                    .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2019))
                    .andExpect(jsonPath("$.uncountedPeriods[0].reason.effect").value("NOT_DETERMINED"))
                    .andExpect(jsonPath("$.uncountedPeriods[0].reason.clause.section")
                            .value("三、建设程序 3.组织部门现场踏勘"))
                    .andExpect(jsonPath("$.uncountedPeriods[0].reason.message", containsString("2019 年放假通知")));
        }

        @Test
        void aSurveyIn2019WithRepliesReceivedNeedsNoCount() throws Exception {
            Map<String, String> fields = planningSchemeDrafted();
            fields.put("siteSurveyOn", quoted("2019-12-30"));
            fields.put("departmentRepliesReceived", "true");

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(4))
                    .andExpect(jsonPath("$.uncountedPeriods").isEmpty());
        }

        @Test
        void anEvaluationDateInAYearWithoutItsNoticeIsNotItselfCounted() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("evaluationDate", quoted("2031-01-06"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(5))
                    .andExpect(jsonPath("$.publicity.satisfied").value(true))
                    .andExpect(jsonPath("$.uncountedPeriods").isEmpty());
        }

        @Test
        void aPublicityPostedIn2019IsUncountedNamingPublicityPostedOnAndStep4Waits() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("publicityPostedOn", quoted("2019-12-20"));
            fields.put("publicityLastDay", quoted("2020-01-10"));

            answered(body(fields))
                    .andExpect(jsonPath("$.currentStep.number").value(4))
                    .andExpect(jsonPath("$.completedSteps", hasSize(3)))
                    .andExpect(jsonPath("$.publicity").doesNotExist())
                    .andExpect(jsonPath("$.blockers[*].ruleId", contains("PROCEDURE-4-PUBLICITY-NOT-COUNTABLE")))
                    .andExpect(jsonPath("$.uncountedPeriods[0].field").value("publicityPostedOn"))
                    .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2019))
                    .andExpect(jsonPath("$.uncountedPeriods[0].reason.ruleId").value("PUBLICITY-NOT-COUNTABLE"));
        }
    }

    @Nested
    class BadInput {

        private ResultActions rejected(String text, String field) throws Exception {
            return ProblemExpectations.badRequestNaming(postJson(text), field)
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }

        @Test
        void anUnknownDocumentCodeIsNamedByItsPositionInTheList() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("documents", "[\"ANNEX_1_CONSULTATION_FORM\", \"PLANNING_SCHEME\", \"ANNEX_8_FLOW_CHART\"]");

            rejected(body(fields), "documents[2]")
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("ANNEX_8_FLOW_CHART")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("ANNEX_6_LONG_TERM_MANAGEMENT_PLAN")));
        }

        @Test
        void aDocumentCodeInLowerCaseIsNamedByItsPositionInTheList() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("documents", "[\"ANNEX_1_CONSULTATION_FORM\", \"annex_6_long_term_management_plan\"]");

            rejected(body(fields), "documents[1]").andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @Test
        void aNullInTheDocumentListIsNamedByItsPositionNotA500() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("documents", "[\"ANNEX_1_CONSULTATION_FORM\", null]");

            rejected(body(fields), "documents[1]").andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @Test
        void moreThanFiftyDocumentsAreRefused() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put(
                    "documents",
                    "[" + String.join(", ", java.util.Collections.nCopies(51, "\"PLANNING_SCHEME\"")) + "]");

            rejected(body(fields), "documents").andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        @ParameterizedTest(name = "only {0}")
        @ValueSource(strings = {"publicityPostedOn", "publicityLastDay"})
        void onlyOneOfThePublicityDatesIsRefusedNamingTheOneMissing(String given) throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            String missing = given.equals("publicityPostedOn") ? "publicityLastDay" : "publicityPostedOn";
            fields.remove(missing);

            rejected(body(fields), missing)
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("须同时填写")));
        }

        @Test
        void aPublicityEndingBeforeItWasPostedIsRefusedNamingTheLastDay() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("publicityLastDay", quoted("2025-09-21"));

            rejected(body(fields), "publicityLastDay")
                    .andExpect(jsonPath("$.errors[0].message", containsString("早于张贴日")));
        }

        @Test
        void anUnknownFieldIsRejectedRatherThanIgnored() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("streetReviewPased", "true");

            rejected(body(fields), "streetReviewPased")
                    .andExpect(jsonPath("$.errors[0].message", containsString("未知字段")));
        }

        @Test
        void anImpossibleSurveyDateIsNamed() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("siteSurveyOn", quoted("2025-02-30"));

            rejected(body(fields), "siteSurveyOn")
                    .andExpect(jsonPath("$.errors[0].message", containsString("YYYY-MM-DD")));
        }

        @Test
        void aMilestoneWrittenAsTextIsNamed() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("designVotePassed", quoted("是"));

            rejected(body(fields), "designVotePassed");
        }

        @Test
        void documentsThatAreNotAListAreNamed() throws Exception {
            Map<String, String> fields = applicationWithoutAnnex6();
            fields.put("documents", "{\"ANNEX_1_CONSULTATION_FORM\": true}");

            rejected(body(fields), "documents");
        }

        @Test
        void aBodyThatIsNotJsonIsMalformed() throws Exception {
            rejected("intentConsentReached=true", "body")
                    .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
        }
    }
}
