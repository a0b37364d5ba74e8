package cn.wenzhou.renovation.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code renovation.assessment.max-batch-items} set to 3 and {@code max-workbook-bytes} to 100,000: a fourth
 * item or row, or a bigger upload, is a 413; three items are assessed.
 */
@SpringBootTest(
        properties = {"renovation.assessment.max-batch-items=3", "renovation.assessment.max-workbook-bytes=100000"})
@AutoConfigureMockMvc
class AssessmentBatchLimitHttpTest {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String ITEM = """
            {"eligibility": {"completionYear": 1995, "housingKind": "ORDINARY_RESIDENTIAL_COMMUNITY",
             "listedInShantyRenovationPlan": false, "strongRenovationWillingness": true, "evaluationDate": "2025-11-03",
             "deficiencies": {"functionsIncomplete": true, "facilitiesIncomplete": true, "propertyManagementInadequate": true}}}""";

    @Autowired
    private MockMvc mvc;

    private ResultActions batch(String body) throws Exception {
        ResultActions posted = mvc.perform(post("/api/v1/assessments/batch")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
        MvcResult result = posted.andReturn();
        return result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : posted;
    }

    private static String items(int count) {
        return "{\"items\": [" + String.join(",", Collections.nCopies(count, ITEM)) + "]}";
    }

    @Test
    void threeItemsAreWithinTheLimit() throws Exception {
        batch(items(3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemCount").value(3))
                .andExpect(jsonPath("$.invalidCount").value(0));
    }

    @Test
    void aFourthItemIsPayloadTooLarge() throws Exception {
        batch(items(4))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.errors[0].field").value("items"))
                .andExpect(jsonPath("$.detail", containsString("3")))
                .andExpect(jsonPath("$.detail", containsString("renovation.assessment.max-batch-items")));
    }

    @Test
    void aFourthItemIsTooManyEvenWhenTheItemsAreNotObjects() throws Exception {
        batch("{\"items\": [1, 2, 3, 4]}")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void aWorkbookWithAFourthFilledRowIsPayloadTooLarge() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/assessments/template.xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] upload;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("小区清单");
            int yearColumn = -1;
            for (org.apache.poi.ss.usermodel.Cell path : sheet.getRow(1)) {
                if ("eligibility.completionYear".equals(path.getStringCellValue())) {
                    yearColumn = path.getColumnIndex();
                }
            }
            for (int r = 2; r < 6; r++) {
                Row row = sheet.createRow(r);
                row.createCell(yearColumn).setCellValue(1995);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            upload = out.toByteArray();
        }
        mvc.perform(post("/api/v1/assessments/workbook").contentType(XLSX).content(upload))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.detail", containsString("4")));
    }

    @Test
    void aWorkbookUploadAboveTheByteLimitIsPayloadTooLarge() throws Exception {
        mvc.perform(post("/api/v1/assessments/workbook").contentType(XLSX).content(new byte[100_001]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail", containsString("renovation.assessment.max-workbook-bytes")));
    }

    @Test
    void aWorkbookUploadOfExactlyTheByteLimitIsReadNotRefusedForSize() throws Exception {
        // 100,000 zero bytes are no workbook: refused as such, which shows the size itself was accepted.
        mvc.perform(post("/api/v1/assessments/workbook").contentType(XLSX).content(new byte[100_000]))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_WORKBOOK"));
    }
}
