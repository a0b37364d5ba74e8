package cn.wenzhou.renovation.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Inventories of communities as a district fills in the service's own assessment template. */
public final class Inventories {

    public static final String SHEET = "小区清单";

    private Inventories() {}

    /**
     * The template with {@code communities} rows: built 1995–2006 in turn, with every mix of the three deficiencies
     * and of the residents' willingness, evaluated on 2025-11-03; each named by {@code name}.
     */
    public static byte[] eligibilityRows(byte[] template, int communities, IntFunction<String> name)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheet(SHEET);
            Map<String, Integer> paths = new HashMap<>();
            sheet.getRow(1).forEach(cell -> paths.put(cell.getStringCellValue(), cell.getColumnIndex()));
            for (int i = 0; i < communities; i++) {
                Row row = sheet.createRow(2 + i);
                row.createCell(paths.get("projectName")).setCellValue(name.apply(i));
                row.createCell(paths.get("eligibility.completionYear")).setCellValue(1995 + i % 12);
                row.createCell(paths.get("eligibility.housingKind")).setCellValue("ORDINARY_RESIDENTIAL_COMMUNITY");
                row.createCell(paths.get("eligibility.listedInShantyRenovationPlan"))
                        .setCellValue("否");
                row.createCell(paths.get("eligibility.deficiencies.functionsIncomplete"))
                        .setCellValue(yesNo((i / 12) % 2 == 0));
                row.createCell(paths.get("eligibility.deficiencies.facilitiesIncomplete"))
                        .setCellValue(yesNo((i / 24) % 2 == 0));
                row.createCell(paths.get("eligibility.deficiencies.propertyManagementInadequate"))
                        .setCellValue(yesNo((i / 48) % 2 == 0));
                row.createCell(paths.get("eligibility.strongRenovationWillingness"))
                        .setCellValue(yesNo((i / 96) % 2 == 0));
                row.createCell(paths.get("eligibility.evaluationDate")).setCellValue("2025-11-03");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String yesNo(boolean yes) {
        return yes ? "是" : "否";
    }
}
