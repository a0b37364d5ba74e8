package cn.wenzhou.renovation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.assessment.InventoryWorkbook;
import cn.wenzhou.renovation.testing.DeployedService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code java -jar <jar> assess inventory.xlsx -o result.xlsx} as {@link AssessInventoryCommand#run}: the
 * command starts its own application context, so each run that gets as far as reading a workbook takes a
 * few seconds. The template comes from the service's own {@link InventoryWorkbook} (the test context is
 * configured like the HTTP tests', so it is shared with them).
 */
@DeployedService
class AssessInventoryCommandTest {

    private static final String SHEET = "小区清单";

    @Autowired
    private InventoryWorkbook workbooks;

    @TempDir
    private Path folder;

    private static Map<String, Integer> columns(Sheet sheet, int row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell cell : sheet.getRow(row)) {
            columns.putIfAbsent(cell.getStringCellValue(), cell.getColumnIndex());
        }
        return columns;
    }

    /** The template with two communities: one complete, one with a completion year written in words. */
    private Path inventory() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(workbooks.template()))) {
            Sheet sheet = workbook.getSheet(SHEET);
            Map<String, Integer> paths = columns(sheet, 1);
            Row good = sheet.createRow(2);
            good.createCell(paths.get("projectName")).setCellValue("鹿城区五马街道墨池小区");
            good.createCell(paths.get("eligibility.completionYear")).setCellValue(1998);
            good.createCell(paths.get("eligibility.housingKind")).setCellValue("ORDINARY_RESIDENTIAL_COMMUNITY");
            good.createCell(paths.get("eligibility.listedInShantyRenovationPlan"))
                    .setCellValue("否");
            good.createCell(paths.get("eligibility.deficiencies.functionsIncomplete"))
                    .setCellValue("是");
            good.createCell(paths.get("eligibility.deficiencies.facilitiesIncomplete"))
                    .setCellValue("是");
            good.createCell(paths.get("eligibility.deficiencies.propertyManagementInadequate"))
                    .setCellValue("是");
            good.createCell(paths.get("eligibility.strongRenovationWillingness"))
                    .setCellValue("是");
            good.createCell(paths.get("eligibility.evaluationDate")).setCellValue("2025-11-03");
            good.createCell(paths.get("funding.targetAmount")).setCellValue(1500000);
            good.createCell(paths.get("funding.amountInPlace")).setCellValue(1350000);
            good.createCell(paths.get("funding.remainderCommitted")).setCellValue("是");
            Row bad = sheet.createRow(3);
            bad.createCell(paths.get("projectName")).setCellValue("龙湾区永中街道新城小区");
            bad.createCell(paths.get("eligibility.completionYear")).setCellValue("一九九八");
            Path file = folder.resolve("清单.xlsx");
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    private static String cell(Sheet sheet, int row, String heading) {
        Cell cell = sheet.getRow(row).getCell(columns(sheet, 0).get(heading));
        return cell == null ? "" : cell.getStringCellValue();
    }

    @Test
    void assessesAFilledTemplateAndWritesTheResultColumns() throws Exception {
        Path in = inventory();
        byte[] before = Files.readAllBytes(in);
        Path out = folder.resolve("结果.xlsx");

        int exit = AssessInventoryCommand.run(new String[] {in.toString(), "-o", out.toString(), "--no-progress"});

        assertThat(exit).isZero();
        assertThat(out).exists();
        try (InputStream file = Files.newInputStream(out);
                XSSFWorkbook result = new XSSFWorkbook(file)) {
            Sheet sheet = result.getSheet(SHEET);
            assertThat(cell(sheet, 2, "改造范围结论")).isEqualTo("重点改造");
            assertThat(cell(sheet, 2, "资金结论")).isEqualTo("自筹资金条件已满足，可启动项目立项");
            assertThat(cell(sheet, 2, "理由")).contains("ELIG-DECIDE-PRIORITY", "到位率 9/10（90.00%）");
            assertThat(cell(sheet, 2, "依据条款")).contains("一、改造范围");
            assertThat(cell(sheet, 2, "问题")).isEmpty();
            assertThat(cell(sheet, 3, "问题")).contains("eligibility.completionYear");
            assertThat(cell(sheet, 3, "改造范围结论")).isEmpty();
        }
        assertThat(in).as("the inventory itself is left as it was").hasBinaryContent(before);
    }

    @Test
    void anUnknownJurisdictionExitsWithTwoAndWritesNothing() throws Exception {
        Path in = inventory();
        Path out = folder.resolve("结果.xlsx");

        int exit = AssessInventoryCommand.run(
                new String[] {in.toString(), "-o", out.toString(), "--no-progress", "--jurisdiction", "atlantis"});

        assertThat(exit).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aMissingInventoryFileExitsWithTwo() {
        Path out = folder.resolve("结果.xlsx");

        int exit = AssessInventoryCommand.run(
                new String[] {folder.resolve("没有这个文件.xlsx").toString(), "-o", out.toString(), "--no-progress"});

        assertThat(exit).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void aFileThatIsNotAWorkbookExitsWithTwoAndWritesNothing() throws Exception {
        Path in = folder.resolve("清单.xlsx");
        Files.writeString(in, "项目名称,建成年份\n墨池小区,1998\n");
        Path out = folder.resolve("结果.xlsx");

        int exit = AssessInventoryCommand.run(new String[] {in.toString(), "-o", out.toString(), "--no-progress"});

        assertThat(exit).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void withoutAnOutputFileTheUsageErrorExitsWithTwo() throws Exception {
        Path in = inventory();

        int exit = AssessInventoryCommand.run(new String[] {in.toString(), "--no-progress"});

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void helpExitsWithZero() {
        assertThat(AssessInventoryCommand.run(new String[] {"--help"})).isZero();
    }
}
