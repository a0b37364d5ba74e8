package cn.wenzhou.renovation.calendar;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.January2027WithoutItsNotice;
import cn.wenzhou.renovation.testing.StaffUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Next year's notice loaded at runtime through the admin API, "today" being 2027-01-15 with the calendar
 * through 2026: a malformed file is refused naming its line and field while the old calendar keeps
 * serving; a good one makes the same requests count 2027 days without a restart; rollback undoes it.
 * The 2027 file is made up for the test (the real notice is not in the repository).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(January2027WithoutItsNotice.class)
class CalendarNoticeUploadHttpTest {

    private static final String PASSWORD = "calendar admin";
    private static final String EDITOR = "li.wei";
    private static final String PUBLISHER = "chen.jing";
    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");
    private static final String PROCEDURE = "{\"intentConsentReached\":true,\"planningSchemeDrafted\":true,"
            + "\"siteSurveyOn\":\"2026-11-02\",\"departmentRepliesReceived\":true,\"designVotePassed\":true,"
            + "\"publicityPostedOn\":\"2026-12-28\",\"publicityLastDay\":\"2027-01-08\","
            + "\"documents\":[\"ANNEX_1_CONSULTATION_FORM\",\"PLANNING_SCHEME\",\"DESIGN_SCHEME\","
            + "\"ANNEX_2_SIGNATURE_SHEET\",\"ANNEX_2_ROOM_SCHEDULE\",\"ANNEX_3_PUBLICITY_NOTICE\"]}";

    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void staffAndACalendarThrough2026(DynamicPropertyRegistry properties) {
        StaffUsers.register(properties, PASSWORD, EDITOR, "rules-editor", PUBLISHER, "rules-publisher");
        January2027WithoutItsNotice.register(properties, folder);
    }

    @Autowired
    MockMvc mvc;

    private ResultActions procedureStatus() throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/procedure/status")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(PROCEDURE));
    }

    private ResultActions upload(String action, String fileName, byte[] content, String user) throws Exception {
        var request = multipart("/api/v1/admin/calendar/" + action)
                .file(new MockMultipartFile("file", fileName, "text/csv", content));
        if (action.equals("activate")) {
            request.param("comment", "载入国务院办公厅关于2027年部分节假日安排的通知");
        }
        return mvc.perform(request.with(httpBasic(user, PASSWORD)));
    }

    private static byte[] madeUp2027() throws Exception {
        return Files.readAllBytes(MADE_UP_2027);
    }

    @Test
    void nextYearsNoticeIsLoadedCheckedServedAndRolledBackWithoutARestart() throws Exception {
        procedureStatus()
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uncountedPeriods[0].field").value("publicityLastDay"))
                .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2027));

        // A make-up workday on a Wednesday: refused at its line and field; nothing changes.
        String malformed = new String(madeUp2027(), StandardCharsets.UTF_8)
                .replace("2027-02-20,makeup_workday", "2027-02-17,makeup_workday");
        upload("activate", "2027年放假安排.csv", malformed.getBytes(StandardCharsets.UTF_8), PUBLISHER)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[0].file").value("2027年放假安排.csv"))
                .andExpect(jsonPath("$.findings[0].where").value("第 16 行"))
                .andExpect(jsonPath("$.findings[0].field").value("类别"))
                .andExpect(jsonPath("$.findings[0].message", containsString("2027-02-17")))
                .andExpect(jsonPath("$.version").doesNotExist());
        procedureStatus()
                .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2027));
        listing().andExpect(jsonPath("$.activeVersion").value(1));

        // An editor may check, not activate; the check shows the diff and changes nothing.
        upload("check", "2027年放假安排.csv", madeUp2027(), EDITOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.newYears[0]").value(2027))
                .andExpect(jsonPath("$.added.length()").value(37))
                .andExpect(jsonPath("$.changed").isEmpty())
                .andExpect(jsonPath("$.removed").isEmpty());
        upload("activate", "2027年放假安排.csv", madeUp2027(), EDITOR).andExpect(status().isForbidden());
        procedureStatus()
                .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2027));

        upload("activate", "2027年放假安排.csv", madeUp2027(), PUBLISHER)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.version.number").value(2))
                .andExpect(jsonPath("$.version.coveredYears", hasItem(2027)));

        // The same request now counts 2027 days: Tue 12-29 … Fri 01-08 without 01-01 (元旦, made up) is 8 working days.
        procedureStatus()
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.uncountedPeriods").isEmpty())
                .andExpect(jsonPath("$.publicity.satisfied").value(true))
                .andExpect(jsonPath("$.publicity.countedWorkingDays").value(8));
        listing()
                .andExpect(jsonPath("$.activeVersion").value(2))
                .andExpect(jsonPath("$.lastCoveredDay").value("2027-12-31"))
                .andExpect(jsonPath("$.activations[1].kind").value("ACTIVATION"))
                .andExpect(jsonPath("$.activations[1].by").value(PUBLISHER));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/admin/calendar/rollback/1")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeVersion").value(1))
                .andExpect(jsonPath("$.coveredYears", not(hasItem(2027))));
        procedureStatus()
                .andExpect(jsonPath("$.uncountedPeriods[0].missingYear").value(2027));
    }

    @Test
    void anUnknownVersionIsNamed() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/admin/calendar/rollback/99")
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void aFileFarLargerThanANoticeIsRefusedBeforeItIsRead() throws Exception {
        upload("check", "2027年放假安排.csv", new byte[600 * 1024], EDITOR)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("KB")));
    }

    @Test
    void aHostileWorkbookIsAFindingNotAFailure() throws Exception {
        // ZIP magic with nothing of a workbook behind it.
        upload("check", "2027年放假安排.xlsx", "PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.UTF_8), EDITOR)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[0].file").value("2027年放假安排.xlsx"))
                .andExpect(jsonPath("$.findings[0].message", containsString("xlsx")));
    }

    private ResultActions listing() throws Exception {
        return mvc.perform(get("/api/v1/admin/calendar").with(httpBasic(EDITOR, PASSWORD)))
                .andExpect(status().isOk());
    }
}
