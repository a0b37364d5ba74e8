package cn.wenzhou.renovation.approval;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/approvals/plan} (guide §4) through the real Spring context, real JSON and the real rules. */
@DeployedService
class ApprovalHttpTest {

    private static final String URL = "/api/v1/approvals/plan";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String PROJECT_NAME = "鹿城区松台街道雪山小区改造项目";

    /** Every step, in the order the contract promises (ApprovalStepCode). */
    private static final String[] STEPS_IN_ORDER = {
        "ONLINE_REGISTRATION",
        "JOINT_CONSULTATION",
        "PROJECT_PROPOSAL",
        "FEASIBILITY_STUDY",
        "PRELIMINARY_DESIGN",
        "LAND_USE_PLANNING_PERMIT",
        "CONSTRUCTION_PLANNING_PERMIT",
        "CONSTRUCTION_DRAWING_REVIEW",
        "CONSTRUCTION_PERMIT",
        "SAFETY_PROCEDURES",
        "EXPERT_REVIEW",
        "FIRE_INSPECTION",
        "COMPLETION_ACCEPTANCE",
        "COMPLETION_PLANNING_VERIFICATION",
        "COMPLETION_FILING"
    };

    @Autowired
    private MockMvc mvc;

    /**
     * An ordinary government-invested project of 5,000,000.00 yuan inside the §4(一) scope, touching
     * nothing that §4(四)(七) asks about. Values are raw JSON text so amounts arrive exactly as typed.
     */
    private static Map<String, String> ordinaryProject() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("governmentInvested", "true");
        fields.put("totalInvestment", "5000000.00");
        fields.put("changesLandOwnership", "false");
        fields.put("changesLandUse", "false");
        fields.put("changesHousingUse", "false");
        fields.put("addsFloorArea", "false");
        fields.put("majorStructuralChange", "false");
        fields.put("planningConditionAdjustment", "false");
        fields.put("facadeAlongImportantStreet", "false");
        fields.put("involvesFireSafety", "false");
        fields.put("involvesStructureOrSeismic", "false");
        fields.put("meetsCurrentStandards", "true");
        return fields;
    }

    private static Map<String, String> ordinaryProjectWith(String field, String value) {
        Map<String, String> fields = ordinaryProject();
        fields.put(field, value);
        return fields;
    }

    /** Fields with raw JSON values; a null value leaves the field out. */
    private static String body(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("{\"projectName\": \"" + PROJECT_NAME + "\"");
        fields.forEach((name, value) -> {
            if (value != null) {
                text.append(", \"").append(name).append("\": ").append(value);
            }
        });
        return text.append('}').toString();
    }

    private ResultActions postJson(String text) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions planned(Map<String, String> fields) throws Exception {
        return postJson(body(fields))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.projectName").value(PROJECT_NAME));
    }

    /** JSONPath of one field of the entry for {@code step}; a filter yields a list, so a match is a one-item list. */
    private static String ofStep(String step, String field) {
        return "$.steps[?(@.step == '" + step + "')]." + field;
    }

    // --- §4(四) the merges, at their ceilings --------------------------------------------------------

    @Nested
    class InvestmentCeilings {

        @Test
        void exactlyTenMillionMergesProposalFeasibilityAndPreliminaryDesign() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "10000000.00"))
                    .andExpect(jsonPath(ofStep("PROJECT_PROPOSAL", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("FEASIBILITY_STUDY", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(
                            "$.steps[?(@.step == 'PROJECT_PROPOSAL')].mergedWith[*]",
                            containsInAnyOrder("FEASIBILITY_STUDY", "PRELIMINARY_DESIGN")))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.ruleId"),
                            contains("APPROVAL-MERGE-PROPOSAL-FEASIBILITY-DESIGN")))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.message"), contains(containsString("10000000.00 元"))))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.interpretation"),
                            contains("“以下”含本数：总投资不超过 10000000 元（含本数）即可合并；金额按元精确比较")));
        }

        @Test
        void theTwoStepMergeShowsItsCeilingInItsInterpretation() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "20000000.00"))
                    .andExpect(jsonPath(
                            ofStep("FEASIBILITY_STUDY", "reason.interpretation"),
                            contains(startsWith("“以下”含本数：总投资不超过 20000000 元（含本数）即可合并"))));
        }

        @Test
        void tenMillionWrittenWithoutDecimalsIsTheSameAmountAndMergesAllThree() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "10000000"))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.message"), contains(containsString("10000000.00 元"))));
        }

        @Test
        void oneFenAboveTenMillionRequiresThePreliminaryDesignOnItsOwn() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "10000000.01"))
                    .andExpect(jsonPath(ofStep("PROJECT_PROPOSAL", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("FEASIBILITY_STUDY", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(
                            "$.steps[?(@.step == 'PROJECT_PROPOSAL')].mergedWith[*]", contains("FEASIBILITY_STUDY")))
                    .andExpect(jsonPath(
                            ofStep("PRELIMINARY_DESIGN", "reason.ruleId"),
                            contains("APPROVAL-PRELIMINARY-DESIGN-SEPARATE")))
                    .andExpect(jsonPath(
                            ofStep("PRELIMINARY_DESIGN", "reason.message"),
                            contains(containsString("10000000.01 元超过 10000000 元"))));
        }

        @Test
        void exactlyTwentyMillionStillMergesProposalAndFeasibility() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "20000000.00"))
                    .andExpect(jsonPath(ofStep("PROJECT_PROPOSAL", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("FEASIBILITY_STUDY", "treatment"), contains("MERGED")))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.ruleId"),
                            contains("APPROVAL-MERGE-PROPOSAL-FEASIBILITY")));
        }

        @Test
        void oneFenAboveTwentyMillionMergesNothing() throws Exception {
            planned(ordinaryProjectWith("totalInvestment", "20000000.01"))
                    .andExpect(jsonPath(ofStep("PROJECT_PROPOSAL", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("FEASIBILITY_STUDY", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath("$.steps[*].mergedWith").doesNotExist())
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.message"),
                            contains(containsString("20000000.01 元超过 20000000 元"))));
        }

        @Test
        void aHundredYuanProjectThatIsNotGovernmentInvestedIsApprovedOrFiledUnderTheInvestmentRules() throws Exception {
            Map<String, String> fields = ordinaryProjectWith("totalInvestment", "100.00");
            fields.put("governmentInvested", "false");
            planned(fields)
                    .andExpect(jsonPath("$.optimizedScope").value(true))
                    .andExpect(jsonPath(ofStep("PROJECT_PROPOSAL", "treatment"), contains("NOT_APPLICABLE")))
                    .andExpect(jsonPath(ofStep("FEASIBILITY_STUDY", "treatment"), contains("NOT_APPLICABLE")))
                    .andExpect(jsonPath(ofStep("PRELIMINARY_DESIGN", "treatment"), contains("NOT_APPLICABLE")))
                    .andExpect(jsonPath(
                            ofStep("PROJECT_PROPOSAL", "reason.ruleId"),
                            contains("APPROVAL-INVESTMENT-STEPS-NOT-GOVERNMENT")))
                    .andExpect(
                            jsonPath(ofStep("PROJECT_PROPOSAL", "reason.message"), contains(containsString("核准或备案"))))
                    .andExpect(jsonPath(
                            ofStep("PRELIMINARY_DESIGN", "reason.message"), contains(containsString("核准或备案"))));
        }
    }

    // --- §4(一) the scope ---------------------------------------------------------------------------

    @Nested
    class Scope {

        @Test
        void aProjectChangingNothingIsWithinTheOptimizedScope() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath("$.optimizedScope").value(true))
                    .andExpect(jsonPath("$.scopeReasons[0].ruleId").value("APPROVAL-SCOPE-OPTIMIZED"))
                    .andExpect(jsonPath("$.scopeReasons[0].effect").value("DECISION"))
                    .andExpect(jsonPath("$.scopeReasons", hasSize(1)));
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "changesLandOwnership,  APPROVAL-SCOPE-LAND-OWNERSHIP",
            "changesLandUse,        APPROVAL-SCOPE-LAND-USE",
            "changesHousingUse,     APPROVAL-SCOPE-HOUSING-USE",
            "addsFloorArea,         APPROVAL-SCOPE-FLOOR-AREA",
            "majorStructuralChange, APPROVAL-SCOPE-STRUCTURE",
        })
        void eachExclusionTakesTheProjectOutOfTheScopeWithNothingMergedWaivedOrSimplified(String field, String ruleId)
                throws Exception {
            planned(ordinaryProjectWith(field, "true"))
                    .andExpect(jsonPath("$.optimizedScope").value(false))
                    .andExpect(jsonPath("$.scopeReasons[0].ruleId").value("APPROVAL-SCOPE-STANDARD"))
                    .andExpect(jsonPath("$.scopeReasons[1].ruleId").value(ruleId))
                    .andExpect(jsonPath("$.scopeReasons[1].effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.scopeReasons", hasSize(2)))
                    .andExpect(jsonPath("$.steps[*].treatment", not(hasItem("MERGED"))))
                    .andExpect(jsonPath("$.steps[*].treatment", not(hasItem("WAIVED"))))
                    .andExpect(jsonPath("$.steps[*].treatment", not(hasItem("SIMPLIFIED"))));
        }
    }

    // --- §4(四)(六) planning permits ------------------------------------------------------------------

    @Nested
    class PlanningPermits {

        @Test
        void bothPermitsAndTheVerificationAreWaivedWithoutPlanningAdjustmentOrFacadeWork() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(ofStep("LAND_USE_PLANNING_PERMIT", "treatment"), contains("WAIVED")))
                    .andExpect(jsonPath(ofStep("CONSTRUCTION_PLANNING_PERMIT", "treatment"), contains("WAIVED")))
                    .andExpect(jsonPath(ofStep("COMPLETION_PLANNING_VERIFICATION", "treatment"), contains("WAIVED")))
                    .andExpect(jsonPath(
                            ofStep("LAND_USE_PLANNING_PERMIT", "reason.ruleId"),
                            contains("APPROVAL-PLANNING-PERMITS-WAIVED")));
        }

        @Test
        void planningConditionAdjustmentKeepsBothPermitsAndTheVerification() throws Exception {
            planned(ordinaryProjectWith("planningConditionAdjustment", "true"))
                    .andExpect(jsonPath("$.optimizedScope").value(true))
                    .andExpect(jsonPath(ofStep("LAND_USE_PLANNING_PERMIT", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("CONSTRUCTION_PLANNING_PERMIT", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("COMPLETION_PLANNING_VERIFICATION", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(
                            ofStep("LAND_USE_PLANNING_PERMIT", "reason.message"),
                            contains(containsString("涉及规划条件调整"))));
        }

        @Test
        void facadeWorkAlongAnImportantStreetKeepsBothPermitsAndTheVerification() throws Exception {
            planned(ordinaryProjectWith("facadeAlongImportantStreet", "true"))
                    .andExpect(jsonPath(ofStep("LAND_USE_PLANNING_PERMIT", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("CONSTRUCTION_PLANNING_PERMIT", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("COMPLETION_PLANNING_VERIFICATION", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(
                            ofStep("CONSTRUCTION_PLANNING_PERMIT", "reason.message"),
                            contains(containsString("重要街道两侧外立面改造"))));
        }
    }

    // --- §4(五)(六) drawings, permit, acceptance, filing -----------------------------------------------

    @Nested
    class DrawingsAndCompletion {

        @Test
        void drawingsAreExemptFromReviewAndTheConstructionPermitTakesACommitmentLetter() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(ofStep("CONSTRUCTION_DRAWING_REVIEW", "treatment"), contains("WAIVED")))
                    .andExpect(jsonPath(
                            ofStep("CONSTRUCTION_DRAWING_REVIEW", "reason.clause.section"), contains("四、项目审批 （五）")))
                    .andExpect(jsonPath(ofStep("CONSTRUCTION_PERMIT", "treatment"), contains("SIMPLIFIED")))
                    .andExpect(
                            jsonPath(ofStep("CONSTRUCTION_PERMIT", "reason.message"), contains(containsString("承诺书"))));
        }

        @Test
        void completionIsAJointAcceptanceAndASimplifiedFiling() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(ofStep("COMPLETION_ACCEPTANCE", "treatment"), contains("SIMPLIFIED")))
                    .andExpect(jsonPath(
                            ofStep("COMPLETION_ACCEPTANCE", "reason.ruleId"), contains("APPROVAL-JOINT-ACCEPTANCE")))
                    .andExpect(jsonPath(ofStep("COMPLETION_FILING", "treatment"), contains("SIMPLIFIED")));
        }

        @Test
        void theSimplifiedFilingOfAProjectWithoutFireSafetyWorkDoesNotMentionTheFireAcceptanceFile() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(
                            ofStep("COMPLETION_FILING", "reason.message"), contains("只需提交工程竣工验收报告和施工单位签署的工程质量保修书")));
        }

        @Test
        void theSimplifiedFilingOfAProjectWithFireSafetyWorkSharesTheFireAcceptanceFile() throws Exception {
            planned(ordinaryProjectWith("involvesFireSafety", "true"))
                    .andExpect(jsonPath(ofStep("COMPLETION_FILING", "treatment"), contains("SIMPLIFIED")))
                    .andExpect(jsonPath(
                            ofStep("COMPLETION_FILING", "reason.message"),
                            contains("只需提交工程竣工验收报告和施工单位签署的工程质量保修书，消防验收备案文件通过系统共享")));
        }

        @Test
        void onlineRegistrationAndJointConsultationAreAlwaysRequired() throws Exception {
            planned(ordinaryProjectWith("addsFloorArea", "true"))
                    .andExpect(jsonPath(ofStep("ONLINE_REGISTRATION", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("JOINT_CONSULTATION", "treatment"), contains("REQUIRED")));
        }
    }

    // --- §4(七) safety ------------------------------------------------------------------------------

    @Nested
    class Safety {

        @Test
        void fireSafetyWorkRequiresTheFireInspectionAndTheSafetyProcedures() throws Exception {
            planned(ordinaryProjectWith("involvesFireSafety", "true"))
                    .andExpect(jsonPath(ofStep("FIRE_INSPECTION", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("FIRE_INSPECTION", "reason.clause.section"), contains("四、项目审批 （七）")))
                    .andExpect(jsonPath(ofStep("SAFETY_PROCEDURES", "treatment"), contains("REQUIRED")));
        }

        @Test
        void withoutFireSafetyWorkTheFireInspectionDoesNotArise() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(ofStep("FIRE_INSPECTION", "treatment"), contains("NOT_APPLICABLE")))
                    .andExpect(jsonPath(ofStep("SAFETY_PROCEDURES", "treatment"), contains("NOT_APPLICABLE")));
        }

        @Test
        void fireInspectionIsRequiredEvenOutsideTheOptimizedScope() throws Exception {
            Map<String, String> fields = ordinaryProjectWith("addsFloorArea", "true");
            fields.put("involvesFireSafety", "true");
            planned(fields)
                    .andExpect(jsonPath("$.optimizedScope").value(false))
                    .andExpect(jsonPath(ofStep("FIRE_INSPECTION", "treatment"), contains("REQUIRED")));
        }

        @Test
        void standardsThatCannotBeMetRequireAnExpertReview() throws Exception {
            planned(ordinaryProjectWith("meetsCurrentStandards", "false"))
                    .andExpect(jsonPath(ofStep("EXPERT_REVIEW", "treatment"), contains("REQUIRED")))
                    .andExpect(jsonPath(ofStep("EXPERT_REVIEW", "reason.ruleId"), contains("APPROVAL-EXPERT-REVIEW")));
        }

        @Test
        void standardsThatCanBeMetNeedNoExpertReview() throws Exception {
            planned(ordinaryProject())
                    .andExpect(jsonPath(ofStep("EXPERT_REVIEW", "treatment"), contains("NOT_APPLICABLE")));
        }
    }

    // --- the shape of every answer ----------------------------------------------------------------

    @Nested
    class EveryAnswer {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ordinary", "outOfScope", "notGovernment", "aboveBothCeilings", "everySafetyConcern"})
        void listsEveryStepExactlyOnceInOrder(String profile) throws Exception {
            planned(profile(profile)).andExpect(jsonPath("$.steps[*].step", contains(STEPS_IN_ORDER)));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ordinary", "outOfScope", "notGovernment", "aboveBothCeilings", "everySafetyConcern"})
        void givesEveryStepAReasonWithItsClauseSectionAndQuote(String profile) throws Exception {
            planned(profile(profile))
                    .andExpect(jsonPath("$.steps[*].reason.ruleId", hasSize(STEPS_IN_ORDER.length)))
                    .andExpect(jsonPath("$.steps[*].reason.clause.section", hasSize(STEPS_IN_ORDER.length)))
                    .andExpect(jsonPath("$.steps[*].reason.clause.section", everyItem(not(emptyOrNullString()))))
                    .andExpect(jsonPath("$.steps[*].reason.clause.quote", hasSize(STEPS_IN_ORDER.length)))
                    .andExpect(jsonPath("$.steps[*].reason.clause.quote", everyItem(not(emptyOrNullString()))))
                    .andExpect(jsonPath("$.steps[*].label", everyItem(not(emptyOrNullString()))));
        }

        @Test
        void givesEveryScopeReasonItsClauseSectionAndQuote() throws Exception {
            planned(ordinaryProjectWith("changesLandUse", "true"))
                    .andExpect(jsonPath("$.scopeReasons[*].clause.section", everyItem(containsString("四、项目审批 （一）"))))
                    .andExpect(jsonPath("$.scopeReasons[*].clause.quote", everyItem(not(emptyOrNullString()))));
        }

        private Map<String, String> profile(String name) {
            Map<String, String> fields = ordinaryProject();
            switch (name) {
                case "ordinary" -> {}
                case "outOfScope" -> fields.put("majorStructuralChange", "true");
                case "notGovernment" -> fields.put("governmentInvested", "false");
                case "aboveBothCeilings" -> fields.put("totalInvestment", "35000000.00");
                case "everySafetyConcern" -> {
                    fields.put("involvesFireSafety", "true");
                    fields.put("involvesStructureOrSeismic", "true");
                    fields.put("meetsCurrentStandards", "false");
                    fields.put("facadeAlongImportantStreet", "true");
                }
                default -> throw new IllegalArgumentException(name);
            }
            return fields;
        }
    }

    // --- bad input --------------------------------------------------------------------------------

    @Nested
    class BadInput {

        private ResultActions rejected(Map<String, String> fields, String field) throws Exception {
            return ProblemExpectations.badRequestNaming(postJson(body(fields)), field)
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(field)));
        }

        @ParameterizedTest(name = "missing {0}")
        @ValueSource(
                strings = {
                    "governmentInvested",
                    "totalInvestment",
                    "changesLandOwnership",
                    "changesLandUse",
                    "changesHousingUse",
                    "addsFloorArea",
                    "majorStructuralChange",
                    "planningConditionAdjustment",
                    "facadeAlongImportantStreet",
                    "involvesFireSafety",
                    "involvesStructureOrSeismic",
                    "meetsCurrentStandards"
                })
        void missingRequiredFieldIsNamed(String field) throws Exception {
            Map<String, String> fields = ordinaryProject();
            fields.remove(field);
            rejected(fields, field);
        }

        @Test
        void investmentWithThreeDecimalsIsRejectedNotRounded() throws Exception {
            rejected(ordinaryProjectWith("totalInvestment", "10000000.001"), "totalInvestment")
                    .andExpect(jsonPath("$.errors[0].message", containsString("10000000.001")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("两位小数")));
        }

        @Test
        void negativeInvestmentIsRejected() throws Exception {
            rejected(ordinaryProjectWith("totalInvestment", "-0.01"), "totalInvestment");
        }

        @Test
        void investmentAboveTheContractMaximumIsRejected() throws Exception {
            rejected(ordinaryProjectWith("totalInvestment", "100000000000.01"), "totalInvestment");
        }

        @Test
        void investmentAsAStringIsRejected() throws Exception {
            rejected(ordinaryProjectWith("totalInvestment", "\"10000000.00\""), "totalInvestment");
        }

        @ParameterizedTest(name = "{0} as the string \"true\"")
        @ValueSource(
                strings = {"governmentInvested", "addsFloorArea", "facadeAlongImportantStreet", "meetsCurrentStandards"
                })
        void stringWhereABooleanBelongsIsRejected(String field) throws Exception {
            rejected(ordinaryProjectWith(field, "\"true\""), field);
        }

        @ParameterizedTest(name = "governmentInvested {0}")
        @ValueSource(strings = {"1", "0", "\"是\""})
        void numberOrChineseYesWhereABooleanBelongsIsRejected(String value) throws Exception {
            rejected(ordinaryProjectWith("governmentInvested", value), "governmentInvested");
        }

        @Test
        void unknownFieldIsRejectedRatherThanIgnored() throws Exception {
            rejected(ordinaryProjectWith("governmentInvestment", "true"), "governmentInvestment")
                    .andExpect(jsonPath("$.errors[0].message", containsString("未知字段")));
        }

        @Test
        void misspelledCaseOfAKnownFieldIsAnUnknownField() throws Exception {
            Map<String, String> fields = ordinaryProject();
            fields.put("totalinvestment", "5000000.00");
            rejected(fields, "totalinvestment");
        }
    }
}
