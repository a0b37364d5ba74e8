package cn.wenzhou.renovation.funding;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/v1/funding/readiness} through the real Spring context, real JSON and the real rules. */
@DeployedService
class FundingHttpTest {

    private static final String URL = "/api/v1/funding/readiness";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    private MockMvc mvc;

    /**
     * Request bodies are written as JSON text, not serialised from Java numbers, so that an amount
     * reaches the service exactly as a client typed it ({@code 900000.00}, {@code 1e6}).
     */
    private static String body(String targetAmount, String amountInPlace, String remainderCommitted) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("targetAmount", targetAmount);
        fields.put("amountInPlace", amountInPlace);
        fields.put("remainderCommitted", remainderCommitted);
        return body(fields);
    }

    /** Fields with raw JSON values; a null value leaves the field out. */
    private static String body(Map<String, String> fields) {
        StringBuilder text = new StringBuilder("{\"projectName\": \"鹿城区翠微小区改造项目\"");
        fields.forEach((name, value) -> {
            if (value != null) {
                text.append(", \"").append(name).append("\": ").append(value);
            }
        });
        return text.append('}').toString();
    }

    private static Map<String, String> ninetyPercentCommitted() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("targetAmount", "1000000.00");
        fields.put("amountInPlace", "900000.00");
        fields.put("remainderCommitted", "true");
        return fields;
    }

    private ResultActions postJson(String text) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(text));
    }

    private ResultActions decided(String text, String decision) throws Exception {
        return postJson(text)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.decision").value(decision))
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.rulesetVersion", matchesPattern("[0-9a-f]{16}")))
                .andExpect(jsonPath("$.projectName").value("鹿城区翠微小区改造项目"))
                .andExpect(jsonPath("$.minimumArrivalRate.fraction").value("9/10"));
    }

    @Nested
    class ArrivalRate {

        @Test
        void exactlyNinetyPercentCommittedIsReady() throws Exception {
            decided(body("1000000.00", "900000.00", "true"), "READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("9/10"))
                    .andExpect(jsonPath("$.arrivalRate.percent").value(90.00))
                    .andExpect(jsonPath("$.decisionLabel").value("自筹资金条件已满足，可启动项目立项"))
                    .andExpect(jsonPath("$.reasons[0].ruleId").value("FUNDS-DECIDE-READY"))
                    .andExpect(jsonPath("$.reasons[0].effect").value("DECISION"))
                    .andExpect(jsonPath("$.reasons[*].ruleId", hasItem("FUNDS-ARRIVAL-RATE-REACHED")))
                    .andExpect(jsonPath("$.reasons[*].ruleId", hasItem("FUNDS-REMAINDER-COMMITTED")))
                    .andExpect(jsonPath("$.whyNot").isEmpty());
        }

        @Test
        void oneCentShortOfNinetyPercentIsNotReadyAndShows89Point99() throws Exception {
            decided(body("1000000.00", "899999.99", "true"), "NOT_READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("89999999/100000000"))
                    .andExpect(jsonPath("$.arrivalRate.percent").value(89.99))
                    .andExpect(jsonPath("$.reasons[0].ruleId").value("FUNDS-DECIDE-NOT-READY"))
                    .andExpect(jsonPath("$.whyNot[*].ruleId", containsInAnyOrder("FUNDS-ARRIVAL-RATE-SHORT")))
                    .andExpect(jsonPath("$.whyNot[0].effect").value("CONDITION_FAILED"))
                    .andExpect(jsonPath("$.whyNot[0].clause.section").value("三、建设程序 6.工程组织实施"))
                    .andExpect(jsonPath("$.whyNot[0].message", containsString("89.99%")));
        }

        @Test
        void moreThanTheTargetInPlaceIsReadyWithoutCommitment() throws Exception {
            decided(body("1000000.00", "1200000.00", "false"), "READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("6/5"))
                    .andExpect(jsonPath("$.arrivalRate.percent").value(120.00))
                    .andExpect(jsonPath("$.reasons[*].ruleId", hasItem("FUNDS-NOTHING-REMAINS")))
                    .andExpect(jsonPath("$.whyNot").isEmpty());
        }
    }

    @Nested
    class Commitment {

        @Test
        void ninetyPercentWithoutCommitmentIsNotReady() throws Exception {
            decided(body("1000000.00", "900000.00", "false"), "NOT_READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("9/10"))
                    .andExpect(jsonPath("$.whyNot[*].ruleId", containsInAnyOrder("FUNDS-REMAINDER-NOT-COMMITTED")))
                    .andExpect(jsonPath("$.whyNot[0].message", containsString("100000.00 元")));
        }

        @Test
        void everythingInPlaceWithoutCommitmentIsReady() throws Exception {
            decided(body("1000000.00", "1000000.00", "false"), "READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("1/1"))
                    .andExpect(jsonPath("$.reasons[*].ruleId", hasItem("FUNDS-NOTHING-REMAINS")))
                    .andExpect(jsonPath("$.reasons[*].ruleId", not(hasItem("FUNDS-REMAINDER-COMMITTED"))))
                    .andExpect(jsonPath("$.whyNot").isEmpty());
        }

        @Test
        void shortAndNotCommittedNamesBothUnmetConditions() throws Exception {
            decided(body("1000000.00", "899999.99", "false"), "NOT_READY")
                    .andExpect(jsonPath(
                            "$.whyNot[*].ruleId",
                            containsInAnyOrder("FUNDS-ARRIVAL-RATE-SHORT", "FUNDS-REMAINDER-NOT-COMMITTED")));
        }
    }

    @Nested
    class AmountsAsWritten {

        @Test
        void exponentNotationIsAcceptedAndShownInYuanAndFen() throws Exception {
            decided(body("1e6", "9.0E5", "true"), "READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("9/10"))
                    .andExpect(jsonPath(
                            "$.reasons[*].message", hasItem(containsString("自筹资金已到位 900000.00 元，应筹 1000000.00 元"))));
        }

        @Test
        void wholeYuanWithoutDecimalsIsShownWithFen() throws Exception {
            decided(body("1000000", "899999", "false"), "NOT_READY")
                    .andExpect(jsonPath("$.whyNot[*].message", hasItem(containsString("已到位 899999.00 元"))))
                    .andExpect(jsonPath("$.whyNot[*].message", hasItem(containsString("尚有 100001.00 元"))));
        }

        @Test
        void trailingZerosBeyondTheFenAreNotExtraPrecision() throws Exception {
            decided(body("1000000.000", "900000.0000", "true"), "READY");
        }
    }

    @Nested
    class BadInput {

        private ResultActions rejected(String text, String field) throws Exception {
            return ProblemExpectations.badRequestNaming(postJson(text), field)
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                    .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(field)));
        }

        @ParameterizedTest(name = "{0} of 1000000.001")
        @ValueSource(strings = {"targetAmount", "amountInPlace"})
        void amountFinerThanOneFenIsRejectedNotRounded(String field) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put(field, "1000000.001");
            rejected(body(fields), field)
                    .andExpect(jsonPath("$.errors[0].message", containsString("1000000.001")))
                    .andExpect(jsonPath("$.errors[0].message", containsString("两位小数")));
        }

        @Test
        void amountWithAHugeNegativeExponentIsRejectedWithoutEchoingItsExpansion() throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("amountInPlace", "1e-100000");
            rejected(body(fields), "amountInPlace").andExpect(content().string(hasLength(lessThan(2_000))));
        }

        @Test
        void negativeAmountInPlaceIsRejected() throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("amountInPlace", "-0.01");
            rejected(body(fields), "amountInPlace");
        }

        @Test
        void zeroTargetAmountIsRejected() throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("targetAmount", "0");
            rejected(body(fields), "targetAmount");
        }

        @Test
        void zeroAmountInPlaceIsAccepted() throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("amountInPlace", "0");
            decided(body(fields), "NOT_READY")
                    .andExpect(jsonPath("$.arrivalRate.fraction").value("0/1"))
                    .andExpect(jsonPath("$.whyNot[*].ruleId", containsInAnyOrder("FUNDS-ARRIVAL-RATE-SHORT")));
        }

        @ParameterizedTest(name = "{0} above ten billion")
        @ValueSource(strings = {"targetAmount", "amountInPlace"})
        void amountAboveTenBillionYuanIsRejected(String field) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put(field, "10000000000.01");
            rejected(body(fields), field);
        }

        @ParameterizedTest(name = "missing {0}")
        @ValueSource(strings = {"targetAmount", "amountInPlace", "remainderCommitted"})
        void missingRequiredFieldIsNamed(String field) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.remove(field);
            rejected(body(fields), field);
        }

        @ParameterizedTest(name = "null {0}")
        @ValueSource(strings = {"targetAmount", "amountInPlace", "remainderCommitted"})
        void nullRequiredFieldIsNamed(String field) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put(field, "null");
            rejected(body(fields), field);
        }

        @ParameterizedTest(name = "{0} as a string")
        @ValueSource(strings = {"targetAmount", "amountInPlace"})
        void textWhereAnAmountBelongsIsRejected(String field) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put(field, "\"1000000.00\"");
            rejected(body(fields), field);
        }

        @ParameterizedTest(name = "remainderCommitted {0}")
        @ValueSource(strings = {"1", "0", "\"true\""})
        void notABooleanWhereTheCommitmentBelongsIsRejected(String value) throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("remainderCommitted", value);
            rejected(body(fields), "remainderCommitted");
        }

        @Test
        void unknownFieldIsRejectedRatherThanIgnored() throws Exception {
            Map<String, String> fields = ninetyPercentCommitted();
            fields.put("amountinplace", "900000.00");
            rejected(body(fields), "amountinplace");
        }
    }
}
