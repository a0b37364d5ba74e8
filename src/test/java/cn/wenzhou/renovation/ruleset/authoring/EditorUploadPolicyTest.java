package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rules editor may upload of a staff table: the workbook (data only), never its template or form. */
class EditorUploadPolicyTest {

    @TempDir
    Path root;

    @BeforeEach
    void copyTheRules() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
    }

    private RuleFile file(String path) throws IOException {
        return new RuleFile(path, Files.readAllBytes(root.resolve(path)));
    }

    @Test
    void anEditorMayUploadAnEditedStaffWorkbook() throws IOException {
        RuleFile before = file(StaffTables.PARAMETERS);
        RuleFolderCopy.editCell(
                root.resolve(StaffTables.PARAMETERS), "ELIG-PARAM-PRIORITY-CUTOFF", "取值", c -> c.setCellValue(2005));

        assertThatCode(() ->
                        EditorUploadPolicy.check(List.of(file(StaffTables.PARAMETERS)), Map.of(before.path(), before)))
                .doesNotThrowAnyException();
    }

    @Test
    void anEditorMayNotUploadATemplateOrAForm() throws IOException {
        for (String code :
                List.of("rules/eligibility/scope-parameters.drt", "rules/eligibility/scope-parameters.table.yaml")) {
            RuleFile file = file(code);

            UploadNotPermittedException refused = catchThrowableOfType(
                    UploadNotPermittedException.class,
                    () -> EditorUploadPolicy.check(List.of(file), Map.of(file.path(), file)));

            assertThat(refused).as(code).isNotNull();
            assertThat(refused.getMessage()).contains("只能由发布人员（rules-publisher）上传");
        }
    }
}
