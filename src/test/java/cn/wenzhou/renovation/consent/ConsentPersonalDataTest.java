package cn.wenzhou.renovation.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DebugLogging;
import cn.wenzhou.renovation.testing.DeployedService;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The roster's names, ID numbers and phones are "不记入日志、不返回" (openapi/renovation-api.yaml):
 * neither the log nor any response may carry them, even with the web and application loggers at
 * DEBUG, the level an operator turns on to look into a problem.
 */
@DeployedService
@DebugLogging({"org.springframework.web", "cn.wenzhou"})
@ExtendWith(OutputCaptureExtension.class)
class ConsentPersonalDataTest {

    private static final String URL = "/api/v1/consent/tally";

    private static final String NAME = "欧阳明华";
    private static final String ID_NUMBER = "330302198001011234";
    private static final String PHONE = "13857712345";

    @Autowired
    private MockMvc mvc;

    private final ObjectMapper json = new ObjectMapper();

    private CapturedOutput output;
    private int outputBeforeTest;

    /** The capture spans the whole class; each test looks only at what was written while it ran. */
    @BeforeEach
    void markOutput(CapturedOutput output) {
        this.output = output;
        this.outputBeforeTest = output.getAll().length();
    }

    private String log() {
        return output.getAll().substring(outputBeforeTest);
    }

    // --- requests ----------------------------------------------------------------------------

    private static Map<String, Object> rosterVote(List<Map<String, Object>> roster) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityName", "龙湾区河滨小区3幢");
        body.put("round", "FIRST_CONSENT");
        body.put("voteDate", "2026-03-01");
        body.put("totalExclusiveArea", new BigDecimal("270.00"));
        body.put("totalHouseholds", 3);
        body.put("roster", roster);
        return body;
    }

    private static Map<String, Object> room(String roomNumber, Object area, String ballot) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("roomNumber", roomNumber);
        entry.put("exclusiveArea", area instanceof String s ? new BigDecimal(s) : area);
        entry.put("ballot", ballot);
        return entry;
    }

    private static Map<String, Object> withPersonalData(Map<String, Object> entry) {
        entry.put("ownerName", NAME);
        entry.put("idNumber", ID_NUMBER);
        entry.put("phone", PHONE);
        return entry;
    }

    /** Three households, the first and third carrying an owner's personal data. */
    private static List<Map<String, Object>> roster() {
        return new ArrayList<>(List.of(
                withPersonalData(room("3-101", "90.00", "AGREE")),
                room("3-102", "90.00", "AGREE"),
                withPersonalData(room("3-201", "90.00", "SIGNED_BLANK"))));
    }

    private ResultActions postJson(Object body) throws Exception {
        return mvc.perform(post(URL).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    // --- assertions ----------------------------------------------------------------------------

    private static void assertNoPersonalData(String text, String where) {
        assertThat(text).as(where + " carries the owner's name").doesNotContain(NAME);
        assertThat(text).as(where + " carries the owner's ID number").doesNotContain(ID_NUMBER);
        assertThat(text).as(where + " carries the owner's phone").doesNotContain(PHONE);
    }

    /** The request was logged at DEBUG, so a leak would have shown: the check is not vacuous. */
    private void assertDebugLogOfTheRequestWasCaptured() {
        assertThat(log()).contains("DEBUG").contains("ConsentController#tallyConsent");
    }

    // --- a valid roster and ones refused -------------------------------------------------------

    @Test
    void validRosterIsTalliedWithoutLoggingOrReturningPersonalData() throws Exception {
        ResultActions result = postJson(rosterVote(roster()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agreeingRooms.length()").value(3));

        assertNoPersonalData(body(result), "the response");
        assertDebugLogOfTheRequestWasCaptured();
        assertNoPersonalData(log(), "the log");
    }

    @Test
    void duplicateRoomInAnEntryWithPersonalDataIsRefusedWithoutLoggingOrReturningIt() throws Exception {
        List<Map<String, Object>> roster = roster();
        roster.set(2, withPersonalData(room(" 3-101 ", "90.00", "DISAGREE")));

        ResultActions result = postJson(rosterVote(roster))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roster[2].roomNumber"));

        assertNoPersonalData(body(result), "the problem");
        assertDebugLogOfTheRequestWasCaptured();
        assertThat(log()).contains("Resolved [");
        assertNoPersonalData(log(), "the log");
    }

    @Test
    void wrongTypedAreaInAnEntryWithPersonalDataIsRefusedWithoutLoggingOrReturningIt() throws Exception {
        List<Map<String, Object>> roster = roster();
        roster.get(0).put("exclusiveArea", "九十");

        ResultActions result = postJson(rosterVote(roster))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roster[0].exclusiveArea"));

        assertNoPersonalData(body(result), "the problem");
        assertDebugLogOfTheRequestWasCaptured();
        assertThat(log()).contains("Resolved [");
        assertNoPersonalData(log(), "the log");
    }

    @Test
    void unknownFieldInAnEntryWithPersonalDataIsRefusedWithoutLoggingOrReturningIt() throws Exception {
        List<Map<String, Object>> roster = roster();
        roster.get(0).put("ownerAddress", "龙湾区河滨路1号");

        ResultActions result = postJson(rosterVote(roster))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roster[0].ownerAddress"));

        assertNoPersonalData(body(result), "the problem");
        assertDebugLogOfTheRequestWasCaptured();
        assertNoPersonalData(log(), "the log");
    }

    // --- a personal field itself refused ---------------------------------------------------------

    /**
     * One personal field too long for the contract (ownerName max 50, idNumber and phone max 30),
     * written the way a clerk copies several owners or numbers into one cell; it starts with the
     * real value.
     */
    private static Map<String, Object> rosterWithOverlong(String field) {
        List<Map<String, Object>> roster = roster();
        String overlong = switch (field) {
            case "ownerName" -> NAME + "（户主）；共有人：欧阳明、林小红、林小青、林小蓝、林小紫、林小白、林小黑、林小黄、林小绿、林小灰";
            case "idNumber" -> ID_NUMBER + "；330302198203041245";
            case "phone" -> PHONE + " / 0577-88123456 (家)";
            default -> throw new IllegalArgumentException(field);
        };
        roster.get(0).put(field, overlong);
        return rosterVote(roster);
    }

    @ParameterizedTest(name = "{0} too long")
    @ValueSource(strings = {"ownerName", "idNumber", "phone"})
    void overlongPersonalFieldIsRefusedWithoutReturningIt(String field) throws Exception {
        ResultActions result = postJson(rosterWithOverlong(field))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roster[0]." + field));

        assertNoPersonalData(body(result), "the problem");
    }

    @ParameterizedTest(name = "{0} too long")
    @ValueSource(strings = {"ownerName", "idNumber", "phone"})
    void overlongPersonalFieldIsRefusedWithoutLoggingIt(String field) throws Exception {
        postJson(rosterWithOverlong(field)).andExpect(status().isBadRequest());

        assertDebugLogOfTheRequestWasCaptured();
        assertNoPersonalData(log(), "the log");
    }
}
