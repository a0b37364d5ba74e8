package cn.wenzhou.renovation.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.wenzhou.renovation.testing.HeapUse;
import cn.wenzhou.renovation.testing.HostileWorkbooks;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Each attack of the issue-17 campaign uploaded by a {@code rules-editor} for validation: refused,
 * naming the file field or the cell, with no file created and the heap used by the request bounded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileRuleUploadHttpTest {

    private static final String EDITOR = "li.na";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TABLE_NAME = RuleFolderCopy.ELIGIBILITY_TABLE_NAME;
    private static final String SHEET = RuleFolderCopy.PARAMETER_SHEET;
    /** What one refused upload may keep and allocate; the campaign's 200,000-row table took 2.6 GB. */
    private static final long RETAINED_BOUND = 128L << 20;

    private static final long ALLOCATED_BOUND = 1L << 30;
    /** Where {@link HostileWorkbooks#CODE_IN_CACHED_VALUE} would create a folder if it ran. */
    private static final Path PLANTED = Path.of("/tmp/x");

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        StaffUsers.register(registry, PASSWORD, EDITOR, "rules-editor");
    }

    @BeforeAll
    static void nothingPlantedYet() throws IOException {
        if (Files.isDirectory(PLANTED)) {
            Files.delete(PLANTED); // left by an earlier run of the campaign; only an empty folder can be deleted
        }
    }

    @Test
    void aFormulaWithCodeInItsCachedValueIsRefusedAtItsCellAndRunsNothing() throws Exception {
        byte[] table = HostileWorkbooks.formulaWithCodeInCachedValue(table(), SHEET, RuleFolderCopy.CUTOFF_CELL);

        validate(table)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[0].sheet").value(SHEET))
                .andExpect(jsonPath("$.findings[0].cell").value(RuleFolderCopy.CUTOFF_CELL))
                .andExpect(jsonPath("$.findings[0].message", containsString("公式")));
        assertThat(PLANTED).doesNotExist();
    }

    @Test
    void anInterpretationThatTriesToLeaveItsStringIsRefusedAtItsCellAndRunsNothing() throws Exception {
        Path copy = Files.createTempFile("described", ".xlsx");
        Files.write(copy, table());
        String cell = RuleFolderCopy.editCell(
                copy,
                SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                "解释",
                c -> c.setCellValue(
                        "x\") @quote(\"y\") when then new java.io.File(\"/tmp/x\").mkdirs(); end rule B /* y"));

        validate(Files.readAllBytes(copy))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.findings[0].cell").value(cell))
                .andExpect(jsonPath("$.findings[0].message", containsString("英文引号")));
        assertThat(PLANTED).doesNotExist();
    }

    @Test
    void aDdeFormulaIsRefusedNamingTheFile() throws Exception {
        validate(HostileWorkbooks.ddeFormula(table(), SHEET, "F4"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("DDE")));
    }

    @Test
    void anExternalLinkIsRefusedNamingTheFile() throws Exception {
        validate(HostileWorkbooks.externalLink(table()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("外部链接")));
    }

    @Test
    void xmlEntitiesAreRefusedBeforeTheyAreExpanded() throws Exception {
        for (byte[] table : List.of(
                HostileWorkbooks.xxeInSheet(table(), SHEET), HostileWorkbooks.billionLaughsInSheet(table(), SHEET))) {
            assertBoundedHeap(() -> validate(table)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("files[0]")));
        }
    }

    @Test
    void aZipBombIsRefusedWithoutInflatingIt() throws Exception {
        byte[] bomb = HostileWorkbooks.zipBombSheet(table(), SHEET, 1L << 30);

        assertBoundedHeap(() -> validate(bomb)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("MB"))));
    }

    @Test
    void aTableOf200000RowsIsRefusedAtTheRowLimit() throws Exception {
        byte[] table = HostileWorkbooks.extraRows(table(), SHEET, 200_000);

        assertBoundedHeap(() -> validate(table)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("files[0]"))
                .andExpect(jsonPath("$.errors[0].message", containsString("行"))));
    }

    @Test
    void twentyMillionCellsInExtraSheetsAreRefused() throws Exception {
        byte[] table = HostileWorkbooks.extraSheetsOfCells(table(), 4, 5_000_000);

        assertBoundedHeap(() -> {
            int status = validate(table).andReturn().getResponse().getStatus();
            assertThat(status).as("413: over the file size or a sheet limit").isEqualTo(413);
        });
    }

    // --- helpers -----------------------------------------------------------------------------

    private static byte[] table() throws IOException {
        return Files.readAllBytes(Path.of(RuleFolderCopy.ELIGIBILITY_TABLE));
    }

    private ResultActions validate(byte[] table) throws Exception {
        return mvc.perform(multipart("/api/v1/admin/rulesets/wenzhou/validate")
                .file(new MockMultipartFile(
                        "files",
                        TABLE_NAME,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        table))
                .with(httpBasic(EDITOR, PASSWORD)));
    }

    /** What one refused upload cost the heap, checked against the bounds (MockMvc runs it on this thread). */
    private static void assertBoundedHeap(HeapUse.ThrowingRunnable request) throws Exception {
        HeapUse use = HeapUse.of(request);
        assertThat(use.retainedPeakBytes()).as(use.toString()).isLessThan(RETAINED_BOUND);
        assertThat(use.allocatedBytes()).as(use.toString()).isLessThan(ALLOCATED_BOUND);
    }
}
