package cn.wenzhou.renovation.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.HeapUse;
import cn.wenzhou.renovation.testing.HostileWorkbooks;
import cn.wenzhou.renovation.testing.OccupiedLane;
import cn.wenzhou.renovation.web.HeavyWork;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each attack of issue 17 on the anonymous inventory upload, as the raw body of
 * {@code POST /api/v1/assessments/workbook}: every one is a 4xx problem naming the cell or limit, nothing
 * is created on disk, and the heap the request costs stays below {@link #HEAP_BOUND}. One workbook
 * assessment at a time and none waiting, so a second one is a 503 BUSY.
 */
@SpringBootTest(
        properties = {
            "renovation.limits.concurrent-workbook-assessments=1",
            "renovation.limits.queued-workbook-assessments=0"
        })
@AutoConfigureMockMvc
class HostileInventoryHttpTest {

    /** What one hostile request may cost the heap: a quarter of the 512 MB heap the packaged-jar test runs in. */
    private static final long HEAP_BOUND = 128L << 20;

    private static final String SHEET = "小区清单";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Path CREATED_BY_THE_ATTACK = Path.of("/tmp/x");

    @Autowired
    private MockMvc mvc;

    @Autowired
    private HeavyWork heavyWork;

    private byte[] template;

    @BeforeEach
    void fetchTemplate() throws Exception {
        template = mvc.perform(get("/api/v1/assessments/template.xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        // An empty /tmp/x left by an earlier run of the attack itself would hide this run's outcome.
        Files.deleteIfExists(CREATED_BY_THE_ATTACK);
    }

    /** Posts anonymously, measuring the heap the request costs; asserts the bound and that no file appeared. */
    private ResultActions posted(byte[] workbook) throws Exception {
        ResultActions[] result = new ResultActions[1];
        HeapUse heap = HeapUse.of(() -> result[0] = mvc.perform(
                post("/api/v1/assessments/workbook").contentType(XLSX).content(workbook)));
        String test = StackWalker.getInstance()
                .walk(frames -> frames.map(StackWalker.StackFrame::getMethodName)
                        .filter(name -> !java.util.Set.of("posted", "invalid", "tooLarge")
                                .contains(name))
                        .findFirst()
                        .orElse(""));
        System.out.println("[heap] " + test + ": " + heap + " (upload " + (workbook.length >> 10) + " KB)");
        assertThat(heap.retainedPeakBytes())
                .as("heap kept by the request (%s)", heap)
                .isLessThan(HEAP_BOUND);
        // Garbage included; far below what inflating the zip bomb (2 GB) or the 20 M cells (about 600 MB of XML) would
        // take.
        assertThat(heap.allocatedBytes())
                .as("bytes allocated by the request (%s)", heap)
                .isLessThan(1L << 30);
        assertThat(CREATED_BY_THE_ATTACK).doesNotExist();
        return result[0].andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private ResultActions invalid(byte[] workbook) throws Exception {
        return posted(workbook)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_WORKBOOK"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    private ResultActions tooLarge(byte[] workbook) throws Exception {
        return posted(workbook)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("PAYLOAD_TOO_LARGE"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aFailingFormulaWithCodeInItsCachedValueIsRefusedNamingTheCell() throws Exception {
        invalid(HostileWorkbooks.formulaWithCodeInCachedValue(template, SHEET, "B3"))
                .andExpect(jsonPath("$.errors[0].message", containsString("单元格 B3 是公式")));
    }

    @Test
    void aDdeFormulaIsRefusedNamingTheCell() throws Exception {
        invalid(HostileWorkbooks.ddeFormula(template, SHEET, "C3"))
                .andExpect(jsonPath("$.errors[0].message", containsString("单元格 C3 是 DDE 公式")));
    }

    @Test
    void anExternalLinkIsRefusedNamingThePart() throws Exception {
        invalid(HostileWorkbooks.externalLink(template))
                .andExpect(jsonPath("$.errors[0].message", containsString("xl/externalLinks/externalLink1.xml")));
    }

    @Test
    void anXxeDoctypeIsRefusedNamingTheSheet() throws Exception {
        invalid(HostileWorkbooks.xxeInSheet(template, SHEET))
                .andExpect(jsonPath("$.errors[0].message", containsString("工作表「小区清单」含有文件类型声明")))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(containsString("root:"))));
    }

    @Test
    void billionLaughsAreRefusedNamingTheSheet() throws Exception {
        invalid(HostileWorkbooks.billionLaughsInSheet(template, SHEET))
                .andExpect(jsonPath("$.errors[0].message", containsString("工作表「小区清单」含有文件类型声明")));
    }

    @Test
    void aTwoGigabyteZipBombIsRefusedAtThePartLimit() throws Exception {
        byte[] bomb = HostileWorkbooks.zipBombSheet(template, SHEET, 2L << 30);
        tooLarge(bomb).andExpect(jsonPath("$.detail", containsString("工作表「小区清单」解压后超过 64 MB 的上限")));
    }

    @Test
    void twoHundredThousandRowsAreRefusedAtTheFirstRowPastTheBatchLimit() throws Exception {
        tooLarge(HostileWorkbooks.extraRows(template, SHEET, 200_000))
                .andExpect(jsonPath("$.detail", containsString("第 10001 行数据（单元格 A10003）超出上限")))
                .andExpect(jsonPath("$.detail", containsString("renovation.assessment.max-batch-items")));
    }

    @Test
    void twentyMillionCellsInExtraSheetsAreRefusedByTheSheetLimitWithoutBeingInflated() throws Exception {
        byte[] heavy = HostileWorkbooks.extraSheetsOfCells(template, 4, 5_000_000);
        tooLarge(heavy).andExpect(jsonPath("$.detail", containsString("工作簿的工作表超过 4 个的上限")));
    }

    @Test
    void theResultHoldsOnlyTheInventorySheet() throws Exception {
        // An extra sheet of the upload (within the sheet limit) is neither read nor returned.
        byte[] withExtra = HostileWorkbooks.extraSheetsOfCells(filledTemplate(), 1, 1_000);
        byte[] result = mvc.perform(
                        post("/api/v1/assessments/workbook").contentType(XLSX).content(withExtra))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheetName(0)).isEqualTo(SHEET);
            assertThat(workbook.getExternalLinksTable()).isEmpty();
        }
    }

    @Test
    void aSecondAssessmentWhileOneRunsIsBusyWithRetryAfter() throws Exception {
        try (OccupiedLane lane = OccupiedLane.of(heavyWork, HeavyWork.Kind.WORKBOOK_ASSESSMENT)) {
            mvc.perform(post("/api/v1/assessments/workbook").contentType(XLSX).content(filledTemplate()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "10"))
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("BUSY"))
                    .andExpect(jsonPath("$.detail", containsString("工作簿评估")));
        }
        mvc.perform(post("/api/v1/assessments/workbook").contentType(XLSX).content(filledTemplate()))
                .andExpect(status().isOk());
    }

    /** The template with one funded community in row 3. */
    private byte[] filledTemplate() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(SHEET);
            Row paths = sheet.getRow(1);
            Row row = sheet.createRow(2);
            for (var cell : paths) {
                switch (cell.getStringCellValue()) {
                    case "projectName" -> row.createCell(cell.getColumnIndex()).setCellValue("鹿城区江滨小区");
                    case "funding.targetAmount" ->
                        row.createCell(cell.getColumnIndex()).setCellValue(1_000_000);
                    case "funding.amountInPlace" ->
                        row.createCell(cell.getColumnIndex()).setCellValue(900_000);
                    case "funding.remainderCommitted" ->
                        row.createCell(cell.getColumnIndex()).setCellValue("是");
                    default -> {}
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
