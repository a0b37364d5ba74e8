package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTableCopies;
import cn.wenzhou.renovation.testing.StaffWorkbookLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbooks {@link StaffWorkbooks} writes follow the layout an officer owns, and the layout check can fail. */
class StaffWorkbooksTest {

    @TempDir
    Path root;

    private Map<String, List<Map<String, Object>>> rows;

    @BeforeEach
    void eligibilityAsStaffTables() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        rows = StaffTableCopies.moveEligibility(root);
    }

    @Test
    void aParameterTableFollowsTheLayout() throws IOException {
        assertThat(StaffWorkbookLayout.violations(
                        StaffTableCopies.form("scope-parameters"),
                        Files.readAllBytes(root.resolve(StaffTableCopies.PARAMETERS))))
                .isEmpty();
    }

    @Test
    void aRuleTableFollowsTheLayout() throws IOException {
        assertThat(StaffWorkbookLayout.violations(
                        StaffTableCopies.form("out-of-scope-housing"),
                        Files.readAllBytes(root.resolve(StaffTableCopies.OUT_OF_SCOPE))))
                .isEmpty();
    }

    @Test
    void theEnginesFormatBreaksTheLayout() throws IOException {
        assertThat(StaffWorkbookLayout.violations(
                        StaffTableCopies.form("scope-parameters"),
                        Files.readAllBytes(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE))))
                .anySatisfy(v -> assertThat(v).contains("引擎的关键字"));
    }

    @Test
    void aCitationCellLeftOpenBreaksTheLayout() throws IOException {
        byte[] edited = edited(StaffTableCopies.PARAMETERS, sheet -> {
            Cell clause = sheet.getRow(StaffWorkbooks.FIRST_ROW).getCell(3);
            CellStyle open = sheet.getWorkbook().createCellStyle();
            open.cloneStyleFrom(clause.getCellStyle());
            open.setLocked(false);
            clause.setCellStyle(open);
        });

        assertThat(StaffWorkbookLayout.violations(StaffTableCopies.form("scope-parameters"), edited))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("D4", "条款", "不是取值却可以编辑"));
    }

    @Test
    void aChoiceWithoutItsDropDownBreaksTheLayout() throws IOException {
        byte[] edited = edited(
                StaffTableCopies.OUT_OF_SCOPE, sheet -> sheet.getCTWorksheet().unsetDataValidations());

        assertThat(StaffWorkbookLayout.violations(StaffTableCopies.form("out-of-scope-housing"), edited))
                .anySatisfy(v -> assertThat(v).contains("住房区域类型", "没有下拉列表"));
    }

    @Test
    void anUnprotectedSheetBreaksTheLayout() throws IOException {
        byte[] edited = edited(StaffTableCopies.PARAMETERS, XSSFSheet::disableLocking);

        assertThat(StaffWorkbookLayout.violations(StaffTableCopies.form("scope-parameters"), edited))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("未保护"));
    }

    private byte[] edited(String workbook, Consumer<XSSFSheet> edit) throws IOException {
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(root.resolve(workbook))))) {
            edit.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
