package cn.wenzhou.renovation.toy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adding a capability touches no list in the service: the toy capability of this package (its annotated
 * package-info, {@code toy-capability/rules/toy/lift.drl} beside the repository's rules, its decider and
 * an endpoint) is compiled into a KieBase of its own, answers through the one way every decision takes,
 * gets a receipt, is replayed under a kept version, and is a part of the batch assessment and the Excel inventory.
 */
@CompilesEditedRules
@SpringBootTest
@AutoConfigureMockMvc
@Import(NewCapabilityTest.ToyCapability.class)
class NewCapabilityTest {

    private static final String PUBLISHER = "li.na";
    private static final String PASSWORD = "toy";

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void rulesWithTheToyCapability(DynamicPropertyRegistry registry) {
        Path root = rulesWithTheToy();
        registry.add("renovation.rules-dir", () -> root.resolve("rules").toString());
        registry.add(
                "renovation.decision-tables-dir",
                () -> root.resolve("decision-tables").toString());
        StaffUsers.register(registry, PASSWORD, PUBLISHER, "rules-publisher");
    }

    @Test
    void theToyCapabilityIsServedKeptAndReplayed() throws Exception {
        MvcResult asked = mvc.perform(post(ToyDecider.PATH)
                        .header("Decision-Receipt", "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"storeys\": 6}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jurisdiction").value("wenzhou"))
                .andExpect(jsonPath("$.offerALift").value(true))
                .andExpect(jsonPath("$.ruleId").value("TOY-LIFT-OFFERED"))
                .andExpect(header().exists("Decision-Receipt"))
                .andReturn();
        String answer = asked.getResponse().getContentAsString();
        String receipt = asked.getResponse().getHeader("Decision-Receipt");
        mvc.perform(post(ToyDecider.PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"storeys\": 3}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offerALift").value(false))
                .andExpect(jsonPath("$.ruleId").value("TOY-LIFT-NOT-OFFERED"));

        String kept = mvc.perform(get("/api/v1/receipts/" + receipt))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoint").value(ToyDecider.PATH))
                .andExpect(jsonPath("$.rulesetVersion").value(JsonPath.<String>read(answer, "$.rulesetVersion")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(kept, "$.versionNumber");

        mvc.perform(post("/api/v1/receipts/" + receipt + "/replay")
                        .param("version", Integer.toString(version))
                        .with(httpBasic(PUBLISHER, PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed").value(false))
                .andExpect(jsonPath("$.replayed.offerALift").value(true))
                .andExpect(jsonPath("$.replayed.ruleId").value("TOY-LIFT-OFFERED"));
    }

    @Test
    void theToyCapabilityIsAssessedInABatchBesideTheGuidesParts() throws Exception {
        MvcResult streaming = mvc.perform(post("/api/v1/assessments/batch")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"items": [
                                  {"projectName": "六层", "toyLift": {"storeys": 6},
                                   "funding": {"targetAmount": 1000000.00, "amountInPlace": 900000.00,
                                               "remainderCommitted": true}},
                                  {"toyLift": {"storeys": "six"}}
                                ]}"""))
                .andReturn();
        mvc.perform(asyncDispatch(streaming))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("ASSESSED"))
                .andExpect(jsonPath("$.results[0].assessment.projectName").value("六层"))
                .andExpect(
                        jsonPath("$.results[0].assessment.toyLift.offerALift").value(true))
                .andExpect(jsonPath("$.results[0].assessment.toyLift.ruleId").value("TOY-LIFT-OFFERED"))
                .andExpect(jsonPath("$.results[0].assessment.funding.decision").exists())
                .andExpect(jsonPath("$.results[1].status").value("INVALID"))
                .andExpect(jsonPath("$.results[1].problem.errors[0].field").value("items[1].toyLift.storeys"))
                .andExpect(jsonPath("$.invalidCount").value(1));
    }

    @Test
    void theToyCapabilityHasItsColumnsInTheExcelInventory() throws Exception {
        byte[] template = mvc.perform(get("/api/v1/assessments/template.xlsx"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet("小区清单");
            int storeys = columnOf(sheet.getRow(1), "toyLift.storeys");
            assertThat(sheet.getRow(0).getCell(storeys).getStringCellValue()).isEqualTo("楼层数");
            Row row = sheet.createRow(2);
            row.createCell(columnOf(sheet.getRow(1), "projectName")).setCellValue("六层");
            row.createCell(storeys).setCellValue(6);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            filled = out.toByteArray();
        }
        byte[] result = mvc.perform(post("/api/v1/assessments/workbook")
                        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .content(filled))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result))) {
            Sheet sheet = workbook.getSheet("小区清单");
            int advice = columnOf(sheet.getRow(0), "加装电梯建议");
            assertThat(sheet.getRow(2).getCell(advice).getStringCellValue()).isEqualTo("建议加装电梯（TOY-LIFT-OFFERED）");
        }
    }

    private static int columnOf(Row row, String text) {
        for (Cell cell : row) {
            if (text.equals(cell.getStringCellValue())) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + text + " in row " + (row.getRowNum() + 1));
    }

    /** The repository's rules and tables, with the toy capability's rule folder added. */
    private static Path rulesWithTheToy() {
        try {
            Path root = Files.createTempDirectory("toy-capability");
            RuleFolderCopy.copyRepositoryRules(root);
            Path toy = Path.of("src/test/resources/toy-capability/rules/toy/lift.drl");
            Files.createDirectories(root.resolve("rules/toy"));
            Files.copy(toy, root.resolve("rules/toy/lift.drl"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a capability module contributes besides its rules: its decider and its endpoint. */
    @TestConfiguration
    static class ToyCapability {

        @Bean
        ToyDecider toyDecider() {
            return new ToyDecider();
        }

        @Bean
        ToyController toyController(RequestRulesets rulesets, ToyDecider decider) {
            return new ToyController(rulesets, decider);
        }
    }

    /** As a capability's controller: takes the jurisdiction's ruleset once and asks the decider. */
    @RestController
    static class ToyController {

        private final RequestRulesets rulesets;
        private final ToyDecider decider;

        ToyController(RequestRulesets rulesets, ToyDecider decider) {
            this.rulesets = rulesets;
            this.decider = decider;
        }

        @PostMapping(ToyDecider.PATH)
        ToyDecider.LiftResponse lift(
                @RequestBody ToyDecider.LiftRequest request,
                @RequestParam(defaultValue = "wenzhou") String jurisdiction) {
            return decider.decide(rulesets.take(jurisdiction), request);
        }
    }
}
