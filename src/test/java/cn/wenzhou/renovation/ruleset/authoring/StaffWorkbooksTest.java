package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import cn.wenzhou.renovation.testing.StaffWorkbookLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The workbooks {@link StaffWorkbooks} writes follow the layout an officer owns, and the layout check can fail. */
class StaffWorkbooksTest {

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    /**
     * Every workbook of the repository follows its form's layout. With {@code -Dstaff-workbooks.write=true} each is
     * first written again from its form and its own rows: how a publisher lays a table out anew after changing its
     * form (a title, a note, a column's drop-down).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("repositoryWorkbooks")
    void everyWorkbookOfTheRepositoryFollowsItsForm(String workbook) throws IOException {
        Path repository = Path.of("");
        if (Boolean.getBoolean("staff-workbooks.write")) {
            StaffTables.write(repository, workbook, StaffTables.rows(repository.resolve(workbook)));
        }

        assertThat(StaffWorkbookLayout.violations(
                        StaffTables.formOf(workbook), Files.readAllBytes(repository.resolve(workbook))))
                .isEmpty();
    }

    static List<String> repositoryWorkbooks() throws IOException {
        return java.util.stream.Stream.concat(
                        StaffTables.workbooks(Path.of("")).stream(), StaffTables.caseWorkbooks(Path.of("")).stream())
                .toList();
    }

    @Test
    void aParameterTableFollowsTheLayout() throws IOException {
        assertThat(StaffWorkbookLayout.violations(
                        StaffTables.formOf(StaffTables.PARAMETERS),
                        Files.readAllBytes(root.resolve(StaffTables.PARAMETERS))))
                .isEmpty();
    }

    @Test
    void aRuleTableFollowsTheLayout() throws IOException {
        assertThat(StaffWorkbookLayout.violations(
                        StaffTables.formOf(StaffTables.OUT_OF_SCOPE),
                        Files.readAllBytes(root.resolve(StaffTables.OUT_OF_SCOPE))))
                .isEmpty();
    }

    @Test
    void theEnginesFormatBreaksTheLayout() throws IOException {
        // A Drools spreadsheet, as counties' older forks still hold, shows its keywords and code above the rows.
        assertThat(StaffWorkbookLayout.violations(
                        StaffTables.formOf(StaffTables.PARAMETERS),
                        Files.readAllBytes(Path.of("src/test/resources/legacy-tables/funding.drl.xlsx"))))
                .anySatisfy(v -> assertThat(v).contains("引擎的关键字"));
    }

    @Test
    void aRuleIdCellLeftOpenBreaksTheLayout() throws IOException {
        byte[] edited = edited(StaffTables.PARAMETERS, sheet -> {
            Cell id = sheet.getRow(StaffWorkbooks.FIRST_ROW).getCell(0);
            CellStyle open = sheet.getWorkbook().createCellStyle();
            open.cloneStyleFrom(id.getCellStyle());
            open.setLocked(false);
            id.setCellStyle(open);
        });

        assertThat(StaffWorkbookLayout.violations(StaffTables.formOf(StaffTables.PARAMETERS), edited))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("A4", "规则编号", "不是取值却可以编辑"));
    }

    @Test
    void everyTableLetsItsOfficerCiteTheDocumentARowFollows() throws IOException {
        for (String workbook : StaffTables.workbooks(Path.of(""))) {
            var form = StaffTables.formOf(workbook);
            assertThat(form.headers()).as(workbook).contains("条款", "原文", "来源");
            assertThat(List.of("条款", "原文", "来源"))
                    .as(workbook)
                    .allMatch(header -> StaffWorkbooks.isEditable(form, header));
        }
    }

    @Test
    void aChoiceWithoutItsDropDownBreaksTheLayout() throws IOException {
        byte[] edited =
                edited(StaffTables.OUT_OF_SCOPE, sheet -> sheet.getCTWorksheet().unsetDataValidations());

        assertThat(StaffWorkbookLayout.violations(StaffTables.formOf(StaffTables.OUT_OF_SCOPE), edited))
                .anySatisfy(v -> assertThat(v).contains("住房区域类型", "没有下拉列表"));
    }

    @Test
    void anUnprotectedSheetBreaksTheLayout() throws IOException {
        byte[] edited = edited(StaffTables.PARAMETERS, XSSFSheet::disableLocking);

        assertThat(StaffWorkbookLayout.violations(StaffTables.formOf(StaffTables.PARAMETERS), edited))
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
