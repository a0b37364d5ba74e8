package cn.wenzhou.renovation.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.January2027WithoutItsNotice;
import cn.wenzhou.renovation.testing.ProblemExpectations;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The turn of the year with next year's notice not loaded yet: "today" is 2027-01-15 and the calendar
 * holds the notices through 2026. What needs no 2027 working-day count is answered as usual; a period
 * that needs one is left uncounted in a procedure status, and refused by the calendar's own endpoint.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(January2027WithoutItsNotice.class)
class CalendarYearChangeHttpTest {

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void calendarThrough2026(DynamicPropertyRegistry properties) {
        January2027WithoutItsNotice.register(properties, folder);
    }

    @Autowired
    MockMvc mvc;

    private ResultActions post(String url, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    /** The spec's whole-project example, its procedure evaluated "today" (no evaluationDate). */
    private static ObjectNode wholeProjectEvaluatedToday() throws IOException {
        ObjectNode project = (ObjectNode) new ObjectMapper(new YAMLFactory())
                .readTree(new File("openapi/renovation-api.yaml"))
                .at("/components/examples/AssessmentRequestWholeProject/value");
        ((ObjectNode) project.get("procedure")).remove("evaluationDate");
        return project;
    }

    @Test
    void aProcedureStatusEvaluatedTodayNeedsNo2027CountAndIsAnswered() throws Exception {
        post("/api/v1/procedure/status", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep.number").value(1))
                .andExpect(jsonPath("$.uncountedPeriods").isEmpty());
        post("/api/v1/procedure/status", "{\"evaluationDate\":\"2027-01-15\"}").andExpect(status().isOk());
    }

    @Test
    void aWholeProjectAssessedTodayAnswersEveryPart() throws Exception {
        post("/api/v1/assessments", wholeProjectEvaluatedToday().toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligibility.decision").exists())
                .andExpect(jsonPath("$.consent.sufficient").exists())
                .andExpect(jsonPath("$.funding.decision").exists())
                .andExpect(jsonPath("$.approvals").exists())
                .andExpect(jsonPath("$.procedure.currentStep").exists())
                .andExpect(jsonPath("$.procedure.uncountedPeriods").isEmpty());
    }

    @Test
    void aPublicityRunningInto2027IsLeftUncountedNamingTheFieldAndTheYear() throws Exception {
        ObjectNode project = wholeProjectEvaluatedToday();
        ((ObjectNode) project.get("procedure"))
                .put("publicityPostedOn", "2026-12-28")
                .put("publicityLastDay", "2027-01-08");

        post("/api/v1/assessments", project.toString())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligibility.decision").exists())
                .andExpect(jsonPath("$.procedure.publicity").doesNotExist())
                .andExpect(jsonPath("$.procedure.uncountedPeriods[0].field").value("publicityLastDay"))
                .andExpect(
                        jsonPath("$.procedure.uncountedPeriods[0].missingYear").value(2027))
                .andExpect(jsonPath("$.procedure.uncountedPeriods[0].reason.clause.section")
                        .value("三、建设程序 4.确认改造设计方案"))
                .andExpect(jsonPath("$.procedure.uncountedPeriods[0].reason.message", containsString("2027 年放假通知")));
    }

    @Test
    void theCalendarsOwnPublicityCheckOfA2027DateIsRefusedNamingTheFieldAndTheYear() throws Exception {
        ProblemExpectations.dateNotInCalendar(
                        post(
                                "/api/v1/calendar/working-days",
                                "{\"publicity\":{\"postedOn\":\"2027-01-11\",\"lastDay\":\"2027-01-18\"}}"),
                        "publicity.postedOn")
                .andExpect(jsonPath("$.errors[0].message", containsString("2027")));
    }
}
