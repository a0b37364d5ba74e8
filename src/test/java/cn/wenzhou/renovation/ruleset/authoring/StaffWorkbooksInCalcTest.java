package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.scenario.TestScenarioRunner;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RequiredTools;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTables;
import cn.wenzhou.renovation.testing.StaffWorkbookLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff workbooks opened and saved again by LibreOffice Calc, as an officer's spreadsheet program saves them
 * after an edit: each keeps its form (protection, drop-downs, text shares, print setup) and the rules built from
 * them still pass every scenario. Re-saved, they are other bytes but the same rules (no change to activate), and an
 * editor may upload them.
 */
@CompilesEditedRules
class StaffWorkbooksInCalcTest {

    @TempDir
    Path root;

    @TempDir
    Path saved;

    @Test
    void aWorkbookReSavedByCalcKeepsItsFormAndItsRules() throws Exception {
        RequiredTools.assumeAvailable(
                soffice(), "LibreOffice (soffice) is not installed: .ci/install-calc installs it");
        RuleFolderCopy.copyRepositoryRules(root);
        List<String> workbooks = StaffTables.workbooks(root);

        // One Calc run re-saves every workbook, as an officer opening and saving each would.
        List<String> command = new ArrayList<>(List.of(
                "soffice",
                "-env:UserInstallation=file://" + saved.resolve("profile"),
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                saved.resolve("out").toString()));
        workbooks.forEach(w -> command.add(root.resolve(w).toString()));
        Process calc = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(saved.resolve("soffice.log").toFile())
                .start();
        assertThat(calc.waitFor(300, TimeUnit.SECONDS)).as("Calc finished").isTrue();

        for (String workbook : workbooks) {
            Path resaved = saved.resolve("out").resolve(Path.of(workbook).getFileName());
            assertThat(resaved).as("Calc wrote " + workbook).exists();
            Files.copy(resaved, root.resolve(workbook), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(StaffWorkbookLayout.violations(
                            StaffTables.formOf(root, workbook), Files.readAllBytes(root.resolve(workbook))))
                    .as(workbook)
                    .isEmpty();
        }
        var resaved = RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"));
        assertThat(new TestScenarioRunner(Path.of("scenarios").toAbsolutePath().toString()).failures(resaved))
                .isEmpty();
        // Other bytes, the same rules: uploading the re-saved tables is no change, and an editor may upload them.
        assertThat(resaved.hasSameRulesAs(RepositoryRuleset.compile()))
                .as("the re-saved tables give the rules the repository's do")
                .isTrue();
        for (String workbook : workbooks) {
            var current =
                    new cn.wenzhou.renovation.ruleset.engine.RuleFile(workbook, Files.readAllBytes(Path.of(workbook)));
            var upload = new cn.wenzhou.renovation.ruleset.engine.RuleFile(
                    workbook, Files.readAllBytes(root.resolve(workbook)));
            assertThat(upload.content()).as("Calc wrote other bytes").isNotEqualTo(current.content());
            EditorUploadPolicy.check(List.of(upload), java.util.Map.of(workbook, current));
        }
    }

    private static boolean soffice() throws IOException {
        try {
            return new ProcessBuilder("soffice", "--version").start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
