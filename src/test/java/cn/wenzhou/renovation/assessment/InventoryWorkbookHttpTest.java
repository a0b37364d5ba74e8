package cn.wenzhou.renovation.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.DeployedService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The Excel inventory through the real Spring context: {@code GET /api/v1/assessments/template.xlsx}, filled
 * with Apache POI as district staff would fill it in Excel, posted to {@code /api/v1/assessments/workbook},
 * and the returned workbook read back cell by cell.
 */
@DeployedService
class InventoryWorkbookHttpTest {

    private static final String TEMPLATE = "/api/v1/assessments/template.xlsx";
    private static final String WORKBOOK = "/api/v1/assessments/workbook";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String SHEET = "小区清单";
    private static final int FIRST_DATA_ROW = 2;

    @Autowired
    private MockMvc mvc;

    // --- the workbook as staff handle it -------------------------------------------------------

    private byte[] templateBytes() throws Exception {
        return mvc.perform(get(TEMPLATE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private XSSFWorkbook template() throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(templateBytes()));
    }

    /** Column index by the field path in the hidden second row. */
    private static Map<String, Integer> paths(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(1)) {
            columns.put(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** Column index by the Chinese heading in the first row. */
    private static Map<String, Integer> headings(Sheet sheet) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            columns.putIfAbsent(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** One filled row of the inventory; values are written as Excel would hold them. */
    private static final class Line {
        private final Sheet sheet;
        private final Row row;
        private final Map<String, Integer> paths;

        Line(Sheet sheet, int rowIndex) {
            this.sheet = sheet;
            this.row = sheet.getRow(rowIndex) != null ? sheet.getRow(rowIndex) : sheet.createRow(rowIndex);
            this.paths = paths(sheet);
        }

        private Cell cell(String path) {
            Integer column = paths.get(path);
            assertThat(column).as("template column " + path).isNotNull();
            return row.createCell(column);
        }

        Line text(String path, String value) {
            cell(path).setCellValue(value);
            return this;
        }

        Line number(String path, double value) {
            cell(path).setCellValue(value);
            return this;
        }

        Line yes(String path) {
            return text(path, "是");
        }

        Line no(String path) {
            return text(path, "否");
        }

        Line date(String path, LocalDate value) {
            Workbook workbook = sheet.getWorkbook();
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Cell cell = cell(path);
            cell.setCellValue(value);
            cell.setCellStyle(style);
            return this;
        }
    }

    private static Line line(XSSFWorkbook workbook, int rowIndex) {
        return new Line(workbook.getSheet(SHEET), rowIndex);
    }

    /** A pre-2000 community evaluated on 2025-11-03: 重点改造. */
    private static Line eligible(Line line) {
        return line.text("projectName", "鹿城区五马街道墨池小区")
                .number("eligibility.completionYear", 1998)
                .text("eligibility.housingKind", "ORDINARY_RESIDENTIAL_COMMUNITY")
                .no("eligibility.listedInShantyRenovationPlan")
                .yes("eligibility.deficiencies.functionsIncomplete")
                .yes("eligibility.deficiencies.facilitiesIncomplete")
                .yes("eligibility.deficiencies.propertyManagementInadequate")
                .yes("eligibility.strongRenovationWillingness")
                .text("eligibility.evaluationDate", "2025-11-03");
    }

    /** 1,350,000 of 1,500,000 in place (9/10) and the rest committed: ready. */
    private static Line funded(Line line) {
        return line.number("funding.targetAmount", 1500000)
                .number("funding.amountInPlace", 1350000)
                .yes("funding.remainderCommitted");
    }

    /** A government project of 9.6 million that changes nothing structural and involves fire safety. */
    private static Line approvable(Line line) {
        return line.yes("approvals.governmentInvested")
                .number("approvals.totalInvestment", 9600000)
                .no("approvals.changesLandOwnership")
                .no("approvals.changesLandUse")
                .no("approvals.changesHousingUse")
                .no("approvals.addsFloorArea")
                .no("approvals.majorStructuralChange")
                .no("approvals.planningConditionAdjustment")
                .no("approvals.facadeAlongImportantStreet")
                .yes("approvals.involvesFireSafety")
                .no("approvals.involvesStructureOrSeismic")
                .yes("approvals.meetsCurrentStandards");
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private ResultActions upload(byte[] body) throws Exception {
        return mvc.perform(post(WORKBOOK).contentType(XLSX).content(body));
    }

    /** Posts the workbook and reads the one that comes back. */
    private XSSFWorkbook assessed(Workbook filled) throws Exception {
        byte[] result = upload(bytes(filled))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(XLSX))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(result));
    }

    /** The text of the result column {@code heading} in row {@code rowIndex}, "" when empty. */
    private static String result(XSSFWorkbook workbook, int rowIndex, String heading) {
        Sheet sheet = workbook.getSheet(SHEET);
        Integer column = headings(sheet).get(heading);
        assertThat(column).as("result column " + heading).isNotNull();
        Row row = sheet.getRow(rowIndex);
        Cell cell = row == null ? null : row.getCell(column);
        return cell == null || cell.getCellType() == CellType.BLANK ? "" : cell.getStringCellValue();
    }

    private static List<String> rowOfTexts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }

    private ResultActions refused(byte[] body) throws Exception {
        return upload(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_WORKBOOK"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    // --- the template ---------------------------------------------------------------------------

    @Nested
    class Template {

        @Test
        void isAnXlsxAttachment() throws Exception {
            mvc.perform(get(TEMPLATE))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(XLSX))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("Content-Disposition", containsString(".xlsx")));
        }

        @Test
        void sheetInventoryCarriesTheChineseHeadings() throws Exception {
            try (XSSFWorkbook workbook = template()) {
                Sheet sheet = workbook.getSheet(SHEET);
                assertThat(sheet).as("sheet " + SHEET).isNotNull();
                assertThat(rowOfTexts(sheet.getRow(0)))
                        .contains(
                                "项目（小区）名称",
                                "建成年份",
                                "住房区域类型",
                                "已列入棚改计划",
                                "表决轮次",
                                "同意户数",
                                "应筹自筹资金（元）",
                                "已到位自筹资金（元）",
                                "业主已承诺剩余资金开工前到位",
                                "政府投资项目",
                                "总投资（元）",
                                "能满足现有标准");
            }
        }

        @Test
        void theSecondRowHoldsTheFieldPathsAndIsHidden() throws Exception {
            try (XSSFWorkbook workbook = template()) {
                Sheet sheet = workbook.getSheet(SHEET);
                Row paths = sheet.getRow(1);
                assertThat(rowOfTexts(paths))
                        .contains(
                                "projectName",
                                "eligibility.completionYear",
                                "eligibility.deficiencies.functionsIncomplete",
                                "consent.counts.agreeingArea",
                                "funding.targetAmount",
                                "funding.amountInPlace",
                                "approvals.totalInvestment",
                                "approvals.meetsCurrentStandards");
                assertThat(paths.getZeroHeight()).as("path row hidden").isTrue();
                assertThat(rowOfTexts(paths)).hasSameSizeAs(rowOfTexts(sheet.getRow(0)));
            }
        }

        @Test
        void yesNoAndCodeColumnsOfferDropDowns() throws Exception {
            try (XSSFWorkbook workbook = template()) {
                XSSFSheet sheet = workbook.getSheet(SHEET);
                Map<String, Integer> paths = paths(sheet);
                Map<Integer, List<String>> choicesByColumn = new HashMap<>();
                for (DataValidation validation : sheet.getDataValidations()) {
                    for (CellRangeAddress range : validation.getRegions().getCellRangeAddresses()) {
                        choicesByColumn.put(
                                range.getFirstColumn(),
                                List.of(validation.getValidationConstraint().getExplicitListValues()));
                        assertThat(range.getFirstRow()).isEqualTo(FIRST_DATA_ROW);
                    }
                }
                assertThat(choicesByColumn.get(paths.get("funding.remainderCommitted")))
                        .containsExactly("是", "否");
                assertThat(choicesByColumn.get(paths.get("eligibility.housingKind")))
                        .contains("ORDINARY_RESIDENTIAL_COMMUNITY", "URBAN_VILLAGE");
                assertThat(choicesByColumn.get(paths.get("consent.round")))
                        .containsExactly("FIRST_CONSENT", "DESIGN_PLAN");
                assertThat(choicesByColumn).doesNotContainKey(paths.get("funding.targetAmount"));
            }
        }

        @Test
        void hasNoFilledRowsAndAHelpSheet() throws Exception {
            try (XSSFWorkbook workbook = template()) {
                assertThat(workbook.getSheet(SHEET).getLastRowNum()).isEqualTo(1);
                assertThat(workbook.getSheet("填写说明")).isNotNull();
            }
        }
    }

    // --- filled rows ----------------------------------------------------------------------------

    @Nested
    class FilledRows {

        @Test
        void aCompleteRowGetsEveryConclusionItsColumnsAskFor() throws Exception {
            try (XSSFWorkbook filled = template()) {
                approvable(funded(eligible(line(filled, 2))));
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "改造范围结论")).isEqualTo("重点改造");
                    assertThat(result(result, 2, "资金结论")).isEqualTo("自筹资金条件已满足，可启动项目立项");
                    assertThat(result(result, 2, "审批路径")).startsWith("适用优化审批").contains("项目建议书（合并编报）", "施工图审查（无需办理）");
                    assertThat(result(result, 2, "理由"))
                            .contains(
                                    "ELIG-DECIDE-PRIORITY",
                                    "FUNDS-DECIDE-READY",
                                    "FUNDS-ARRIVAL-RATE-REACHED",
                                    "APPROVAL-SCOPE-OPTIMIZED",
                                    "APPROVAL-MERGE-PROPOSAL-FEASIBILITY-DESIGN");
                    assertThat(result(result, 2, "依据条款"))
                            .contains("一、改造范围", "三、建设程序 6.工程组织实施", "四、项目审批 （一）", "居民自筹资金到位率达90%以上");
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "表决结论"))
                            .as("no consent columns filled")
                            .isEmpty();
                }
            }
        }

        @Test
        void theInputCellsComeBackUnchanged() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(eligible(line(filled, 2)));
                try (XSSFWorkbook result = assessed(filled)) {
                    Sheet sheet = result.getSheet(SHEET);
                    Map<String, Integer> paths = paths(sheet);
                    Row row = sheet.getRow(2);
                    assertThat(row.getCell(paths.get("projectName")).getStringCellValue())
                            .isEqualTo("鹿城区五马街道墨池小区");
                    assertThat(row.getCell(paths.get("funding.targetAmount")).getNumericCellValue())
                            .isEqualTo(1500000);
                    assertThat(row.getCell(paths.get("eligibility.listedInShantyRenovationPlan"))
                                    .getStringCellValue())
                            .isEqualTo("否");
                }
            }
        }

        @Test
        void theResultColumnsFollowTheInputColumns() throws Exception {
            try (XSSFWorkbook filled = template()) {
                int inputColumns = filled.getSheet(SHEET).getRow(0).getLastCellNum();
                eligible(line(filled, 2));
                try (XSSFWorkbook result = assessed(filled)) {
                    Row headingRow = result.getSheet(SHEET).getRow(0);
                    List<String> added = new ArrayList<>();
                    for (int c = inputColumns; c < headingRow.getLastCellNum(); c++) {
                        added.add(headingRow.getCell(c).getStringCellValue());
                    }
                    assertThat(added).containsExactly("改造范围结论", "表决结论", "资金结论", "审批路径", "理由", "依据条款", "问题");
                }
            }
        }

        @Test
        void aConsentRowGetsTheVoteConclusion() throws Exception {
            try (XSSFWorkbook filled = template()) {
                line(filled, 2)
                        .text("projectName", "瑞安市万松小区")
                        .text("consent.round", "DESIGN_PLAN")
                        .text("consent.voteDate", "2025-09-20")
                        .number("consent.totalExclusiveArea", 12000)
                        .number("consent.totalHouseholds", 150)
                        .number("consent.counts.agreeingHouseholds", 130)
                        .number("consent.counts.agreeingArea", 10400)
                        .number("consent.counts.disagreeingHouseholds", 10)
                        .number("consent.counts.disagreeingArea", 800)
                        .number("consent.counts.blankHouseholds", 5)
                        .number("consent.counts.blankArea", 400);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "表决结论")).isEqualTo("同意比例符合表决日施行的全部规定");
                    assertThat(result(result, 2, "理由"))
                            .contains("CONSENT-DECIDE-SUFFICIENT", "CONSENT-BLANK-FOLLOWS-AGREEING-MAJORITY");
                    assertThat(result(result, 2, "改造范围结论")).isEmpty();
                    assertThat(result(result, 2, "问题")).isEmpty();
                }
            }
        }

        @Test
        void aCompletionYearWrittenInChineseNumeralsIsReportedInItsRowOnly() throws Exception {
            try (XSSFWorkbook filled = template()) {
                approvable(funded(eligible(line(filled, 2))));
                funded(eligible(line(filled, 3)))
                        .text("projectName", "龙湾区永中街道新城小区")
                        .text("eligibility.completionYear", "一九九八");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 3, "问题"))
                            .contains("eligibility.completionYear")
                            .doesNotContain("items[");
                    assertThat(result(result, 3, "改造范围结论")).isEmpty();
                    assertThat(result(result, 3, "资金结论")).isEmpty();
                    assertThat(result(result, 3, "理由")).isEmpty();
                    assertThat(result(result, 3, "依据条款")).isEmpty();
                    assertThat(result(result, 2, "改造范围结论")).isEqualTo("重点改造");
                    assertThat(result(result, 2, "问题")).isEmpty();
                }
            }
        }

        @Test
        void aYesNoCellAnsweringMaybeIsReportedByFieldName() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2)).text("funding.remainderCommitted", "也许");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("funding.remainderCommitted");
                    assertThat(result(result, 2, "资金结论")).isEmpty();
                }
            }
        }

        @Test
        void aRowMissingARequiredColumnIsReportedByFieldName() throws Exception {
            try (XSSFWorkbook filled = template()) {
                line(filled, 2).number("funding.targetAmount", 1500000).number("funding.amountInPlace", 1350000);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("funding.remainderCommitted");
                    assertThat(result(result, 2, "资金结论")).isEmpty();
                }
            }
        }

        @Test
        void anExcelBooleanIsReadAsYesOrNo() throws Exception {
            try (XSSFWorkbook filled = template()) {
                Line line = funded(line(filled, 2));
                line.cell("funding.remainderCommitted").setCellValue(false);
                line.number("funding.amountInPlace", 1349999.99);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "理由")).contains("FUNDS-REMAINDER-NOT-COMMITTED");
                }
            }
        }

        @Test
        void aBlankRowBetweenFilledRowsIsSkipped() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2)).text("projectName", "第一个小区");
                line(filled, 3).text("projectName", "   ");
                funded(line(filled, 4)).text("projectName", "第三个小区").number("funding.amountInPlace", 1000000);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "资金结论")).isEqualTo("自筹资金条件已满足，可启动项目立项");
                    assertThat(result(result, 3, "资金结论")).isEmpty();
                    assertThat(result(result, 3, "问题"))
                            .as("a blank row is not an item")
                            .isEmpty();
                    assertThat(result(result, 4, "资金结论")).isNotEmpty().isNotEqualTo(result(result, 2, "资金结论"));
                    assertThat(result(result, 4, "理由")).contains("FUNDS-ARRIVAL-RATE-SHORT", "已到位 1000000.00 元");
                    assertThat(result(result, 4, "问题")).isEmpty();
                }
            }
        }

        @Test
        void aRowWithOnlyANameAsksForAPart() throws Exception {
            try (XSSFWorkbook filled = template()) {
                line(filled, 2).text("projectName", "只有名称的小区");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("eligibility");
                    assertThat(result(result, 2, "理由")).isEmpty();
                }
            }
        }

        @Test
        void anEmptyTemplateComesBackWithTheResultHeadingsOnly() throws Exception {
            try (XSSFWorkbook filled = template();
                    XSSFWorkbook result = assessed(filled)) {
                Sheet sheet = result.getSheet(SHEET);
                assertThat(sheet.getLastRowNum()).isEqualTo(1);
                assertThat(headings(sheet)).containsKeys("改造范围结论", "问题");
            }
        }
    }

    // --- how cells are read ------------------------------------------------------------------------

    @Nested
    class CellValues {

        @Test
        void wholeNumberAmountsAreReadExactly() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2));
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "理由")).contains("已到位 1350000.00 元，应筹 1500000.00 元，到位率 9/10（90.00%）");
                }
            }
        }

        @Test
        void decimalAmountsAreReadExactlyNotAsBinaryFractions() throws Exception {
            // 90000.09 / 100000.10 is exactly 9/10 only if both cells are read as the decimals shown.
            try (XSSFWorkbook filled = template()) {
                line(filled, 2)
                        .number("funding.targetAmount", 100000.10)
                        .number("funding.amountInPlace", 90000.09)
                        .yes("funding.remainderCommitted");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "理由")).contains("已到位 90000.09 元，应筹 100000.10 元，到位率 9/10（90.00%）");
                    assertThat(result(result, 2, "问题")).isEmpty();
                }
            }
        }

        @Test
        void anAmountLike12345Point67IsNotTurnedIntoAThirdDecimal() throws Exception {
            try (XSSFWorkbook filled = template()) {
                line(filled, 2)
                        .number("funding.targetAmount", 12345.67)
                        .number("funding.amountInPlace", 12345.67)
                        .no("funding.remainderCommitted");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "理由")).contains("已到位 12345.67 元，应筹 12345.67 元，到位率 1/1");
                }
            }
        }

        @Test
        void anAmountTypedAsTextWithThousandsSeparatorsIsReadAsANumber() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2)).text("funding.targetAmount", "1,500,000.00");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "理由")).contains("应筹 1500000.00 元");
                }
            }
        }

        @Test
        void anAmountWithAThirdDecimalIsReportedNotRounded() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2)).number("funding.amountInPlace", 1349999.995);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("funding.amountInPlace", "两位小数");
                    assertThat(result(result, 2, "资金结论")).isEmpty();
                }
            }
        }

        @Test
        void anExcelDateInTheEvaluationDateColumnIsReadAsThatDate() throws Exception {
            // Built in 2026 yet evaluated on 2025-11-03: refused, and the refusal quotes the date read from the cell.
            try (XSSFWorkbook filled = template()) {
                eligible(line(filled, 2))
                        .number("eligibility.completionYear", 2026)
                        .date("eligibility.evaluationDate", LocalDate.of(2025, 11, 3));
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("eligibility.completionYear", "2025-11-03");
                }
            }
        }

        @Test
        void anExcelDateInTheEvaluationDateColumnDecidesTheExpropriationWindow() throws Exception {
            // Expropriation planned for 2030: within 5 years of 2025-11-03, so not a priority renovation.
            try (XSSFWorkbook filled = template()) {
                eligible(line(filled, 2))
                        .number("eligibility.plannedExpropriationYear", 2030)
                        .date("eligibility.evaluationDate", LocalDate.of(2025, 11, 3));
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "改造范围结论")).isNotEqualTo("重点改造").isNotEmpty();
                }
            }
        }

        @Test
        void anExcelDateInTheVoteDateColumnIsReadAsThatDate() throws Exception {
            // 2026-03-02 is the day after "today" (2026-03-01 in Wenzhou): the refusal quotes it.
            try (XSSFWorkbook filled = template()) {
                line(filled, 2)
                        .text("consent.round", "FIRST_CONSENT")
                        .date("consent.voteDate", LocalDate.of(2026, 3, 2))
                        .number("consent.totalExclusiveArea", 1000)
                        .number("consent.totalHouseholds", 10)
                        .number("consent.counts.agreeingHouseholds", 8)
                        .number("consent.counts.agreeingArea", 800)
                        .number("consent.counts.disagreeingHouseholds", 0)
                        .number("consent.counts.disagreeingArea", 0)
                        .number("consent.counts.blankHouseholds", 0)
                        .number("consent.counts.blankArea", 0);
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("consent.voteDate", "2026-03-02");
                }
            }
        }

        @Test
        void aCompletionYearTypedAsTextDigitsIsReadAsTheYear() throws Exception {
            try (XSSFWorkbook filled = template()) {
                eligible(line(filled, 2)).text("eligibility.completionYear", "1998");
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "改造范围结论")).isEqualTo("重点改造");
                }
            }
        }

        @Test
        void aFormulaIsRefusedNamingItsCellEvenWhenItsCachedValueWouldDo() throws Exception {
            // Until issue 17 the cached result was read: it may disagree with what Excel computes and shows.
            try (XSSFWorkbook filled = template()) {
                Line line = eligible(line(filled, 2));
                Cell cell = line.cell("eligibility.listedInShantyRenovationPlan");
                cell.setCellFormula("IF(1>2,\"是\",\"否\")");
                filled.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                String reference = cell.getAddress().formatAsString();
                refused(bytes(filled))
                        .andExpect(jsonPath("$.errors[0].message", containsString("单元格 " + reference + " 是公式")))
                        .andExpect(jsonPath("$.errors[0].message", containsString("选择性粘贴")));
            }
        }

        @Test
        void aFormulaComputingANumberIsRefusedToo() throws Exception {
            try (XSSFWorkbook filled = template()) {
                Line line = funded(line(filled, 2));
                Cell cell = line.cell("funding.amountInPlace");
                cell.setCellFormula("1500000*0.9");
                filled.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                refused(bytes(filled))
                        .andExpect(jsonPath(
                                "$.errors[0].message",
                                containsString("单元格 " + cell.getAddress().formatAsString() + " 是公式")));
            }
        }
    }

    // --- workbooks that are not the template ----------------------------------------------------

    @Nested
    class NotTheTemplate {

        @Test
        void aBodyThatIsNotAnXlsxIsAnInvalidWorkbook() throws Exception {
            refused("项目名称,建成年份\n墨池小区,1998\n".getBytes(StandardCharsets.UTF_8))
                    .andExpect(jsonPath("$.errors[0].message", containsString(".xlsx")));
        }

        @Test
        void anEmptyBodyIsAnInvalidWorkbook() throws Exception {
            refused(new byte[0]);
        }

        @Test
        void aWorkbookWithoutTheInventorySheetIsRefusedNamingTheSheet() throws Exception {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("墨池小区");
                refused(bytes(workbook)).andExpect(jsonPath("$.errors[0].message", containsString(SHEET)));
            }
        }

        @Test
        void aRenamedInventorySheetIsRefused() throws Exception {
            try (XSSFWorkbook filled = template()) {
                eligible(line(filled, 2));
                filled.setSheetName(filled.getSheetIndex(SHEET), "清单");
                refused(bytes(filled)).andExpect(jsonPath("$.errors[0].message", containsString(SHEET)));
            }
        }

        @Test
        void aPathRowWithAnUnknownPathIsRefusedNamingTheColumn() throws Exception {
            try (XSSFWorkbook filled = template()) {
                Sheet sheet = filled.getSheet(SHEET);
                int column = paths(sheet).get("funding.amountInPlace");
                sheet.getRow(1).getCell(column).setCellValue("funding.amountReceived");
                eligible(line(filled, 2));
                refused(bytes(filled))
                        .andExpect(jsonPath("$.errors[0].message", containsString("funding.amountReceived")))
                        .andExpect(jsonPath("$.errors[0].message", containsString("第" + (column + 1) + "列")));
            }
        }

        @Test
        void aSheetWithoutThePathRowIsRefused() throws Exception {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.createSheet(SHEET).createRow(0).createCell(0).setCellValue("项目（小区）名称");
                refused(bytes(workbook)).andExpect(jsonPath("$.errors[0].message", containsString("第2行")));
            }
        }

        @Test
        void aWorkbookSentAsJsonIsAnUnsupportedMediaType() throws Exception {
            mvc.perform(post(WORKBOOK).contentType(MediaType.APPLICATION_JSON).content(templateBytes()))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        }

        @Test
        void aHandMadeSheetWithItsOwnColumnOrderIsAssessed() throws Exception {
            // The help sheet allows reordering columns: only the path row matters.
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet(SHEET);
                String[] paths = {
                    "funding.remainderCommitted", "funding.amountInPlace", "projectName", "funding.targetAmount"
                };
                Row headingRow = sheet.createRow(0);
                Row pathRow = sheet.createRow(1);
                for (int c = 0; c < paths.length; c++) {
                    headingRow.createCell(c).setCellValue("列" + c);
                    pathRow.createCell(c).setCellValue(paths[c]);
                }
                Row row = sheet.createRow(2);
                row.createCell(0).setCellValue("是");
                row.createCell(1).setCellValue(900000);
                row.createCell(2).setCellValue("自制清单小区");
                row.createCell(3).setCellValue(1000000);
                try (XSSFWorkbook result = assessed(workbook)) {
                    assertThat(result(result, 2, "资金结论")).isEqualTo("自筹资金条件已满足，可启动项目立项");
                    assertThat(result(result, 2, "理由")).contains("已到位 900000.00 元，应筹 1000000.00 元");
                }
            }
        }

        @Test
        void reassessingAnAssessedWorkbookReplacesItsResultColumns() throws Exception {
            try (XSSFWorkbook filled = template()) {
                funded(line(filled, 2)).text("funding.remainderCommitted", "也许");
                byte[] firstPass;
                try (XSSFWorkbook result = assessed(filled)) {
                    assertThat(result(result, 2, "问题")).contains("funding.remainderCommitted");
                    // The district fixes the cell in the returned workbook and uploads it again.
                    new Line(result.getSheet(SHEET), 2).yes("funding.remainderCommitted");
                    firstPass = bytes(result);
                }
                try (XSSFWorkbook second = new XSSFWorkbook(new ByteArrayInputStream(firstPass));
                        XSSFWorkbook result = assessed(second)) {
                    List<String> headingTexts =
                            rowOfTexts(result.getSheet(SHEET).getRow(0));
                    assertThat(headingTexts.stream().filter("问题"::equals)).hasSize(1);
                    assertThat(result(result, 2, "问题")).isEmpty();
                    assertThat(result(result, 2, "资金结论")).isEqualTo("自筹资金条件已满足，可启动项目立项");
                }
            }
        }
    }
}
