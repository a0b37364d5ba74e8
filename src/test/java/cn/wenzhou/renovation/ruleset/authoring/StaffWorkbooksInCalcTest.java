package cn.wenzhou.renovation.ruleset.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.authoring.scenario.TestScenarioRunner;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RepositoryRuleset;
import cn.wenzhou.renovation.testing.RequiredTools;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import cn.wenzhou.renovation.testing.StaffTableCopies;
import cn.wenzhou.renovation.testing.StaffWorkbookLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff workbooks opened and saved again by LibreOffice Calc, as an officer's spreadsheet program saves them
 * after an edit: each keeps its form (protection, drop-downs, text shares, print setup) and the rules built from
 * them still pass every scenario.
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
        StaffTableCopies.moveEligibility(root);
        List<String> workbooks = List.of(StaffTableCopies.PARAMETERS, StaffTableCopies.OUT_OF_SCOPE);

        for (String workbook : workbooks) {
            Process calc = new ProcessBuilder(
                            "soffice",
                            "-env:UserInstallation=file://" + saved.resolve("profile"),
                            "--headless",
                            "--convert-to",
                            "xlsx:Calc MS Excel 2007 XML",
                            "--outdir",
                            saved.toString(),
                            root.resolve(workbook).toString())
                    .redirectErrorStream(true)
                    .redirectOutput(saved.resolve("soffice.log").toFile())
                    .start();
            assertThat(calc.waitFor(180, TimeUnit.SECONDS)).as("Calc finished").isTrue();
            Path resaved = saved.resolve(Path.of(workbook).getFileName());
            assertThat(resaved).as("Calc wrote " + workbook).exists();
            Files.copy(resaved, root.resolve(workbook), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(StaffWorkbookLayout.violations(
                        StaffTableCopies.form("scope-parameters"), Files.readAllBytes(root.resolve(workbooks.get(0)))))
                .isEmpty();
        assertThat(StaffWorkbookLayout.violations(
                        StaffTableCopies.form("out-of-scope-housing"),
                        Files.readAllBytes(root.resolve(workbooks.get(1)))))
                .isEmpty();
        assertThat(new TestScenarioRunner(Path.of("scenarios").toAbsolutePath().toString())
                        .failures(RepositoryRuleset.compile(root.resolve("rules"), root.resolve("decision-tables"))))
                .isEmpty();
    }

    private static boolean soffice() throws IOException {
        try {
            return new ProcessBuilder("soffice", "--version").start().waitFor(60, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
