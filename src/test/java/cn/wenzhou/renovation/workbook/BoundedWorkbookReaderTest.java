package cn.wenzhou.renovation.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.testing.HostileWorkbooks;
import cn.wenzhou.renovation.testing.LargeInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The reader over workbooks made by POI and rewritten part by part into hostile ones. */
class BoundedWorkbookReaderTest {

    private static final WorkbookLimits ROOMY =
            new WorkbookLimits(10, 1_000, 50, 10_000, 4L << 20, 16L << 20, 10_000, 32_767);

    /** 参数 with typed cells of every kind, and a second sheet 备注. */
    private static byte[] base() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("参数");
            Row heading = sheet.createRow(0);
            heading.createCell(0).setCellValue("参数名称");
            heading.createCell(1).setCellValue("取值");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 4));
            Row values = sheet.createRow(1);
            values.createCell(0).setCellValue("建成年份上限");
            values.createCell(1).setCellValue(2000);
            values.createCell(2).setCellValue(0.9);
            values.createCell(3).setCellValue(true);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Cell day = values.createCell(4);
            day.setCellValue(LocalDate.of(2025, 11, 3));
            day.setCellStyle(date);
            Row formulas = sheet.createRow(3);
            Cell formula = formulas.createCell(1);
            formula.setCellFormula("1500000*0.9");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(formula);
            XSSFRichTextString rich = new XSSFRichTextString("红字黑字");
            XSSFFont red = workbook.createFont();
            red.setColor(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
            rich.applyFont(0, 2, red);
            rich.applyFont(2, 4, workbook.createFont());
            formulas.createCell(2).setCellValue(rich);
            workbook.createSheet("备注").createRow(0).createCell(0).setCellValue("不读");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static WorkbookContent read(byte[] xlsx, WorkbookLimits limits) throws WorkbookRefusedException {
        return BoundedWorkbookReader.read(xlsx, limits, "参数"::equals);
    }

    private static WorkbookRefusedException refused(byte[] xlsx, WorkbookLimits limits) {
        WorkbookRefusedException refusal =
                catchThrowableOfType(WorkbookRefusedException.class, () -> read(xlsx, limits));
        assertThat(refusal).as("the workbook must be refused").isNotNull();
        return refusal;
    }

    @Nested
    class WhatIsRead {

        @Test
        void typedCellsComeBackAsStored() throws Exception {
            WorkbookContent content = read(base(), ROOMY);
            SheetContent sheet = content.sheet("参数").orElseThrow();
            assertThat(sheet.cell(1, 0).orElseThrow().value()).isEqualTo("建成年份上限");
            SheetCell year = sheet.cell(1, 1).orElseThrow();
            assertThat(year.kind()).isEqualTo(CellKind.NUMBER);
            assertThat(year.value()).isEqualTo("2000");
            assertThat(year.numberFormat()).isEqualTo("General");
            assertThat(year.dateFormatted()).isFalse();
            assertThat(sheet.cell(1, 2).orElseThrow().value()).isEqualTo("0.9");
            assertThat(sheet.cell(1, 3).orElseThrow())
                    .extracting(SheetCell::kind, SheetCell::value)
                    .containsExactly(CellKind.BOOLEAN, "TRUE");
            SheetCell day = sheet.cell(1, 4).orElseThrow();
            assertThat(day.dateFormatted()).isTrue();
            assertThat(day.numberFormat()).isEqualTo("yyyy-mm-dd");
            assertThat(org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(Double.parseDouble(day.value()))
                            .toLocalDate())
                    .isEqualTo(LocalDate.of(2025, 11, 3));
        }

        @Test
        void formulasRichTextAndMergesAreMarked() throws Exception {
            SheetContent sheet = read(base(), ROOMY).sheet("参数").orElseThrow();
            SheetCell formula = sheet.cell(3, 1).orElseThrow();
            assertThat(formula.isFormula()).isTrue();
            assertThat(formula.formula()).isEqualTo("1500000*0.9");
            assertThat(formula.value()).isEqualTo("1350000");
            assertThat(formula.reference()).isEqualTo("B4");
            SheetCell rich = sheet.cell(3, 2).orElseThrow();
            assertThat(rich.richText()).isTrue();
            assertThat(rich.value()).isEqualTo("红字黑字");
            assertThat(sheet.cell(0, 0).orElseThrow().richText()).isFalse();
            assertThat(sheet.merged()).containsExactly(new CellRangeAddress(0, 0, 2, 4));
        }

        @Test
        void everySheetIsNamedButOnlyTheSelectedOnesAreRead() throws Exception {
            WorkbookContent content = read(base(), ROOMY);
            assertThat(content.sheetNames()).containsExactly("参数", "备注");
            assertThat(content.sheets()).extracting(SheetContent::name).containsExactly("参数");
            assertThat(content.activeContent()).isEmpty();
        }

        @Test
        void theCachedValueOfAFailingFormulaIsMarkedAsAFormulaNotTakenAsText() throws Exception {
            byte[] hostile = HostileWorkbooks.formulaWithCodeInCachedValue(base(), "参数", "D10");
            SheetCell cell =
                    read(hostile, ROOMY).sheet("参数").orElseThrow().cell(9, 3).orElseThrow();
            assertThat(cell.isFormula()).isTrue();
            assertThat(cell.formula()).isEqualTo("FOO");
            assertThat(cell.value()).isEqualTo(HostileWorkbooks.CODE_IN_CACHED_VALUE);
        }
    }

    @Nested
    class ActiveContent {

        @Test
        void anExternalLinkPartIsListed() throws Exception {
            WorkbookContent content = read(HostileWorkbooks.externalLink(base()), ROOMY);
            assertThat(content.activeContent()).containsExactly("xl/externalLinks/externalLink1.xml");
        }

        @Test
        void aDdeFormulaIsListedByItsCell() throws Exception {
            WorkbookContent content = read(HostileWorkbooks.ddeFormula(base(), "参数", "C7"), ROOMY);
            assertThat(content.activeContent()).containsExactly("xl/worksheets/sheet1.xml#C7");
            assertThat(content.sheet("参数")
                            .orElseThrow()
                            .cell(6, 2)
                            .orElseThrow()
                            .formula())
                    .isEqualTo(HostileWorkbooks.DDE_FORMULA);
        }

        @Test
        void aMacroProjectIsListed() throws Exception {
            byte[] withMacros = addPart(base(), "xl/vbaProject.bin", new byte[] {1, 2, 3});
            assertThat(read(withMacros, ROOMY).activeContent()).containsExactly("xl/vbaProject.bin");
        }
    }

    @Nested
    class HostileXml {

        @Test
        void anXxeDoctypeIsRefusedBeforeAnyEntityIsRead() throws Exception {
            WorkbookRefusedException refusal = refused(HostileWorkbooks.xxeInSheet(base(), "参数"), ROOMY);
            assertThat(refusal.reason()).contains("工作表「参数」", "文件类型声明").doesNotContain("root:");
            assertThat(refusal.sheet()).isEqualTo("参数");
            assertThat(refusal.isOverLimit()).isFalse();
        }

        @Test
        void billionLaughsAreRefusedAtTheDoctype() throws Exception {
            WorkbookRefusedException refusal = refused(HostileWorkbooks.billionLaughsInSheet(base(), "参数"), ROOMY);
            assertThat(refusal.reason()).contains("工作表「参数」", "文件类型声明");
        }

        @Test
        void aDoctypeInASheetThatIsNotReadDoesNoHarm() throws Exception {
            byte[] hostile = HostileWorkbooks.xxeInSheet(base(), "备注");
            assertThat(read(hostile, ROOMY).sheets()).hasSize(1);
        }

        @Test
        void aHugeAttributeIsRefusedByTheParserNotBuffered() throws Exception {
            String attribute = "A".repeat(3_000_000);
            byte[] hostile = replacePart(
                    base(),
                    "xl/worksheets/sheet1.xml",
                    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\" x=\""
                            + attribute + "\"/></sheetData></worksheet>");
            assertThat(refused(hostile, ROOMY).reason()).contains("工作表「参数」", "超过解析上限");
        }
    }

    @Nested
    @LargeInputs
    class Limits {

        @Test
        void aZipBombSheetIsRefusedAtThePartLimitWithoutInflatingTheRest() throws Exception {
            byte[] bomb = HostileWorkbooks.zipBombSheet(base(), "参数", 512L << 20);
            assertThat(bomb.length).as("compressed").isLessThan(5_000_000);
            WorkbookRefusedException refusal = refused(bomb, ROOMY);
            assertThat(refusal.reason()).isEqualTo("工作表「参数」解压后超过 4 MB 的上限");
            assertThat(refusal.isOverLimit()).isTrue();
        }

        @Test
        void aZipBombInASheetThatIsNotSelectedIsNeverInflated() throws Exception {
            byte[] bomb = HostileWorkbooks.zipBombSheet(base(), "备注", 512L << 20);
            assertThat(read(bomb, ROOMY).sheets())
                    .extracting(SheetContent::name)
                    .containsExactly("参数");
        }

        @Test
        void allPartsReadTogetherHaveTheirOwnLimit() throws Exception {
            WorkbookLimits tight = new WorkbookLimits(10, 1_000, 50, 10_000, 4L << 20, 2_000, 10_000, 32_767);
            assertThat(refused(base(), tight).reason()).startsWith("工作簿解压后超过 2000 字节");
        }

        @Test
        void twoHundredThousandRowsAreRefusedAtTheFirstRowPastTheLimit() throws Exception {
            byte[] tall = HostileWorkbooks.extraRows(base(), "参数", 200_000);
            WorkbookRefusedException refusal = refused(tall, ROOMY);
            assertThat(refusal.reason()).isEqualTo("工作表「参数」超过 1000 行的上限（单元格 A1001）");
            assertThat(refusal.cell()).isEqualTo("A1001");
            assertThat(refusal.isOverLimit()).isTrue();
        }

        @Test
        void twentyMillionCellsInExtraSheetsAreNeverInflatedWhenNotSelected() throws Exception {
            byte[] heavy = HostileWorkbooks.extraSheetsOfCells(base(), 4, 5_000_000);
            assertThat(heavy.length).as("compressed").isLessThan(20_000_000);
            WorkbookContent content = read(heavy, ROOMY);
            assertThat(content.sheetNames()).hasSize(6);
            assertThat(content.sheets()).hasSize(1);
        }

        @Test
        void moreSheetsThanTheLimitAreRefused() throws Exception {
            WorkbookLimits three = new WorkbookLimits(3, 1_000, 50, 10_000, 4L << 20, 16L << 20, 10_000, 32_767);
            byte[] heavy = HostileWorkbooks.extraSheetsOfCells(base(), 4, 1_000);
            assertThat(refused(heavy, three).reason()).isEqualTo("工作簿的工作表超过 3 个的上限");
        }

        @Test
        void aSelectedSheetOfMillionsOfCellsIsRefusedAtTheCellLimit() throws Exception {
            byte[] heavy = HostileWorkbooks.extraSheetsOfCells(base(), 1, 5_000_000);
            WorkbookLimits many = new WorkbookLimits(10, 1_000_000, 200, 10_000, 64L << 20, 64L << 20, 10_000, 32_767);
            WorkbookRefusedException refusal = catchThrowableOfType(
                    WorkbookRefusedException.class, () -> BoundedWorkbookReader.read(heavy, many, name -> true));
            assertThat(refusal.reason()).startsWith("读取的工作表共超过 10000 个非空单元格的上限");
        }

        @Test
        void columnsPastTheLimitAreRefusedNamingTheCell() throws Exception {
            WorkbookLimits fourColumns = new WorkbookLimits(10, 1_000, 4, 10_000, 4L << 20, 16L << 20, 10_000, 32_767);
            WorkbookRefusedException refusal = refused(base(), fourColumns);
            assertThat(refusal.reason()).isEqualTo("工作表「参数」超过 4 列的上限（单元格 E2）");
        }

        @Test
        void sharedStringsPastTheLimitAreRefused() throws Exception {
            WorkbookLimits twoStrings = new WorkbookLimits(10, 1_000, 50, 10_000, 4L << 20, 16L << 20, 2, 32_767);
            assertThat(refused(base(), twoStrings).reason()).isEqualTo("共享字符串表超过 2 条的上限");
        }

        @Test
        void textLongerThanTheLimitIsRefused() throws Exception {
            WorkbookLimits short5 = new WorkbookLimits(10, 1_000, 50, 10_000, 4L << 20, 16L << 20, 10_000, 5);
            assertThat(refused(base(), short5).reason()).contains("共享字符串表第", "超过 5 个字符的上限");
        }
    }

    @Nested
    class NotAWorkbook {

        @Test
        void textIsNotAnXlsx() {
            assertThat(refused("项目名称,建成年份\n墨池小区,1998\n".getBytes(StandardCharsets.UTF_8), ROOMY)
                            .reason())
                    .isEqualTo("不是有效的 .xlsx 工作簿");
        }

        @Test
        void nothingIsNotAnXlsx() {
            assertThat(refused(new byte[0], ROOMY).reason()).isEqualTo("不是有效的 .xlsx 工作簿");
        }

        @Test
        void aZipWithoutAWorkbookIsNotAnXlsx() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry("hello.txt"));
                zip.write("hi".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(refused(bytes.toByteArray(), ROOMY).reason()).startsWith("不是有效的 .xlsx 工作簿");
        }

        @Test
        void aZipOfTensOfThousandsOfEntriesIsRefusedBeforeItsDirectoryIsLoaded() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int i = 0; i < 20_000; i++) {
                    zip.putNextEntry(new ZipEntry(Integer.toString(i, 36)));
                }
            }
            WorkbookRefusedException refusal = refused(bytes.toByteArray(), ROOMY);
            assertThat(refusal.reason()).contains("超过 10000 个部件");
            assertThat(refusal.isOverLimit()).isTrue();
        }
    }

    private static byte[] addPart(byte[] workbook, String name, byte[] content) throws IOException {
        return rewrite(workbook, name, content, true);
    }

    private static byte[] replacePart(byte[] workbook, String name, String content) throws IOException {
        return rewrite(workbook, name, content.getBytes(StandardCharsets.UTF_8), false);
    }

    private static byte[] rewrite(byte[] workbook, String name, byte[] content, boolean add) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(!add && entry.getName().equals(name) ? content : in.readAllBytes());
            }
            if (add) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
            }
        }
        return bytes.toByteArray();
    }
}
