package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import cn.wenzhou.renovation.testing.Inventories;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What an edit does to real communities, checked against the service's own assessments: a 1,000-community
 * inventory is kept, an edit of the cut-off year is validated, and the impact it reports must equal assessing
 * the same inventory (the assessment workbook endpoint) before and after the edit is activated, row by row.
 */
@DeployedService
@DirtiesContext
class InventoryImpactHttpTest {

    private static final String INVENTORY = "/api/v1/admin/rulesets/wenzhou/inventory";
    private static final String SHEET = Inventories.SHEET;
    private static final int COMMUNITIES = 1_000;

    @Autowired
    private MockMvc mvc;

    @TempDir
    Path folder;

    @Test
    void theImpactOfAnEditEqualsAssessingTheInventoryUnderBothVersions() throws Exception {
        byte[] inventory = inventory(COMMUNITIES, i -> "测试小区" + i);
        mvc.perform(keep(inventory))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.communities").value(COMMUNITIES))
                .andExpect(jsonPath("$.keptBy").value(DeployedService.PUBLISHER));
        Map<Integer, Map<String, String>> before = assessed(inventory);
        Path edited = editedCutoff(2005);

        long started = System.nanoTime();
        String report = body(mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                        .file(table(edited))
                        .with(httpBasic(DeployedService.PUBLISHER, DeployedService.PASSWORD)))
                .andExpect(status().isOk()));
        long validationMillis = (System.nanoTime() - started) / 1_000_000;
        mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/activate")
                        .file(table(edited))
                        .param("comment", "按2005年口径试行")
                        .param("acceptScenarioChanges", "true")
                        .with(httpBasic(DeployedService.PUBLISHER, DeployedService.PASSWORD)))
                .andExpect(status().isOk());
        Map<Integer, Map<String, String>> after = assessed(inventory);

        // Expected: every (conclusion, before, after) the two assessments differ by, with its rows.
        Map<String, List<Integer>> expected = new TreeMap<>();
        before.forEach((row, conclusions) -> conclusions.forEach((part, was) -> {
            String is = after.get(row).get(part);
            if (!was.equals(is)) {
                expected.computeIfAbsent(part + "|" + was + "|" + is, k -> new ArrayList<>())
                        .add(row);
            }
        }));
        Map<String, List<Integer>> reported = new TreeMap<>();
        List<Map<String, Object>> changes = JsonPath.read(report, "$.impact.changes");
        for (Map<String, Object> change : changes) {
            List<Integer> rows = JsonPath.read(change, "$.communities[*].row");
            reported.put(change.get("part") + "|" + change.get("before") + "|" + change.get("after"), rows);
            assertThat((int) change.get("count")).isEqualTo(rows.size());
            assertThat((String) change.get("summary"))
                    .contains(rows.size() + " 个小区", (String) change.get("before"), (String) change.get("after"));
        }
        assertThat(expected)
                .as("the edit changes some communities' conclusions")
                .isNotEmpty();
        assertThat(reported).isEqualTo(expected);
        assertThat((int) JsonPath.read(report, "$.impact.communities")).isEqualTo(COMMUNITIES);
        System.out.printf("Validation with a %d-community inventory: %d ms%n", COMMUNITIES, validationMillis);
    }

    @Test
    void anInventoryWithAPhoneNumberIsRefusedNamingItsRow() throws Exception {
        byte[] inventory = inventory(3, i -> i == 1 ? "联系人 13812345678 的小区" : "测试小区" + i);

        mvc.perform(keep(inventory))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", containsString("第 4 行")))
                .andExpect(jsonPath("$.errors[0].message", containsString("个人信息")));
    }

    // --- the inventory as a district fills it in ------------------------------------------------

    /** Communities built 1995–2006 with every mix of deficiencies and willingness, in the service's own template. */
    private byte[] inventory(int communities, java.util.function.IntFunction<String> name) throws Exception {
        byte[] template = mvc.perform(get("/api/v1/assessments/template.xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return Inventories.eligibilityRows(template, communities, name);
    }

    /** Each row's conclusions (by result heading) as the assessment workbook endpoint gives them now. */
    private Map<Integer, Map<String, String>> assessed(byte[] inventory) throws Exception {
        byte[] result = mvc.perform(post("/api/v1/assessments/workbook")
                        .contentType(MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                        .content(inventory))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result))) {
            Sheet sheet = workbook.getSheet(SHEET);
            Map<Integer, String> conclusionHeadings = new TreeMap<>();
            for (Cell cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().endsWith("结论")) {
                    conclusionHeadings.put(cell.getColumnIndex(), cell.getStringCellValue());
                }
            }
            assertThat(conclusionHeadings).isNotEmpty();
            Map<Integer, Map<String, String>> rows = new TreeMap<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> conclusions = new TreeMap<>();
                conclusionHeadings.forEach((column, heading) -> {
                    Cell cell = row.getCell(column);
                    if (cell != null && !cell.getStringCellValue().isBlank()) {
                        conclusions.put(heading, cell.getStringCellValue());
                    }
                });
                rows.put(r + 1, conclusions);
            }
            return rows;
        }
    }

    private Path editedCutoff(int year) throws Exception {
        Path table = folder.resolve(RuleFolderCopy.ELIGIBILITY_TABLE_NAME);
        Files.copy(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE), table);
        RuleFolderCopy.editCell(
                table, RuleFolderCopy.CUTOFF_ROW, RuleFolderCopy.CUTOFF_COLUMN_LABEL, cell -> cell.setCellValue(year));
        return table;
    }

    private static MockMultipartFile table(Path table) throws Exception {
        return new MockMultipartFile(
                "files", table.getFileName().toString(), "application/octet-stream", Files.readAllBytes(table));
    }

    private static org.springframework.test.web.servlet.RequestBuilder keep(byte[] inventory) {
        return multipart(INVENTORY)
                .file(new MockMultipartFile("file", "清单.xlsx", "application/octet-stream", inventory))
                .with(httpBasic(DeployedService.PUBLISHER, DeployedService.PASSWORD));
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
