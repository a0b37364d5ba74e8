package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.Eligibility;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.Communities;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.Registries;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kept versions on disk: what was activated is what a restart serves; a new deployment is a new version. */
@CompilesEditedRules
class RulesetRegistryVersionsTest {

    @TempDir
    Path root;

    @TempDir
    Path data;

    @Test
    void anActivatedVersionSurvivesARestart() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry first = registry();
        RulesetRegistry.Activation activation = first.activate("wenzhou", List.of(cutoff2005()), "wang.fang", "试行");
        assertThat(activation.activated()).isTrue();

        RulesetRegistry restarted = registry();

        assertThat(restarted.activeVersion("wenzhou")).contains(2);
        assertThat(restarted.versions("wenzhou"))
                .extracting(RulesetVersion::activatedBy)
                .containsExactly(RulesetRegistry.DEPLOYMENT, "wang.fang");
        assertThat(decide(restarted, 2003)).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(restarted.active("wenzhou").version())
                .isEqualTo(first.active("wenzhou").version());
    }

    @Test
    void aNewDeploymentBecomesTheNextVersionAndIsServed() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry first = registry();
        first.activate("wenzhou", List.of(cutoff2005()), "wang.fang", "试行");
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(1999));

        RulesetRegistry redeployed = registry();

        assertThat(redeployed.activeVersion("wenzhou")).contains(3);
        assertThat(decide(redeployed, 2000)).isNotEqualTo(Eligibility.PRIORITY_RENOVATION);
    }

    @Test
    void aDeploymentKeptButNotYetActivatedWhenTheServiceStoppedIsActivatedAtTheNextStart() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        registry();
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(2005));
        List<RuleFile> deployed = RulesetSources.ownFiles(
                        root.resolve("rules").toString(),
                        root.resolve("decision-tables").toString())
                .get("wenzhou");
        // The crash: the new deployment was kept as version 2, then the process died before activating it.
        new FileRulesetStore(data).save("wenzhou", deployed, RulesetRegistry.DEPLOYMENT, "interrupted");

        RulesetRegistry restarted = registry();

        assertThat(restarted.activeVersion("wenzhou")).contains(2);
        assertThat(restarted.versions("wenzhou")).hasSize(2);
        assertThat(decide(restarted, 2003)).isEqualTo(Eligibility.PRIORITY_RENOVATION);
    }

    @Test
    void aVersionKeptBeforeTheCellChecksIsFlaggedAndNeverRolledBackToOrReplayed() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        registry();
        byte[] hostile = cn.wenzhou.renovation.testing.HostileWorkbooks.formulaWithCodeInCachedValue(
                Files.readAllBytes(root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE)),
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_CELL);
        List<RuleFile> own = new java.util.ArrayList<>(RulesetSources.ownFiles(
                        root.resolve("rules").toString(),
                        root.resolve("decision-tables").toString())
                .get("wenzhou"));
        own.replaceAll(f -> f.path().equals(RuleFolderCopy.ELIGIBILITY_TABLE) ? new RuleFile(f.path(), hostile) : f);
        // As an editor's upload was once kept: written to the store without today's checks.
        RulesetVersion kept = new FileRulesetStore(data).save("wenzhou", own, "li.na", "旧版本");

        RulesetRegistry restarted = registry();

        assertThat(restarted.refusedCells(kept)).singleElement().satisfies(problem -> {
            assertThat(problem.cell()).isEqualTo(RuleFolderCopy.CUTOFF_CELL);
            assertThat(problem.message()).contains("公式");
        });
        assertThat(restarted.refusedCells(restarted.versions("wenzhou").get(0))).isEmpty();
        assertThat(restarted.rollback("wenzhou", kept.number(), "wang.fang").activated())
                .isFalse();
        assertThat(restarted.versionForReplay("wenzhou", kept.number()).valid()).isFalse();
        assertThat(restarted.activeVersion("wenzhou")).contains(1);
        assertThat(Path.of("/tmp/x")).as("the cached value's code never ran").doesNotExist();
    }

    @Test
    void aRollbackSurvivesARestartOfTheSameDeployment() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(2005));
        RulesetRegistry first = registry();
        first.activate("wenzhou", List.of(cutoff2000()), "wang.fang", "回到2000");
        assertThat(first.rollback("wenzhou", 1, "wang.fang").activated()).isTrue();
        first.rollback("wenzhou", 2, "wang.fang");

        RulesetRegistry restarted = registry();
        assertThat(decide(restarted, 2003)).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(restarted.activations("wenzhou"))
                .extracting(RulesetActivation::kind, RulesetActivation::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RulesetActivation.Kind.DEPLOYMENT, 1),
                        org.assertj.core.groups.Tuple.tuple(RulesetActivation.Kind.ACTIVATION, 2),
                        org.assertj.core.groups.Tuple.tuple(RulesetActivation.Kind.ROLLBACK, 1),
                        org.assertj.core.groups.Tuple.tuple(RulesetActivation.Kind.ROLLBACK, 2));
    }

    @Test
    void aRollbackIsWhatTheRestartServes() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry first = registry();
        first.activate("wenzhou", List.of(cutoff2005()), "wang.fang", "试行");
        assertThat(first.rollback("wenzhou", 1, "wang.fang").activated()).isTrue();

        assertThat(decide(registry(), 2003)).isEqualTo(Eligibility.NOT_ELIGIBLE);
    }

    @Test
    void anInstanceSharingTheStoreServesWhatAnotherActivatedOrRolledBack() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetStore shared = RulesetStoreContractTest.database();
        RulesetRegistry first = registry(shared);
        RulesetRegistry second = registry(shared);
        assertThat(second.activeVersion("wenzhou")).contains(1);

        first.activate("wenzhou", List.of(cutoff2005()), "wang.fang", "试行");
        assertThat(decide(second, 2003)).as("not yet followed").isEqualTo(Eligibility.NOT_ELIGIBLE);
        second.followStore();
        assertThat(second.activeVersion("wenzhou")).contains(2);
        assertThat(decide(second, 2003)).isEqualTo(Eligibility.PRIORITY_RENOVATION);

        first.rollback("wenzhou", 1, "wang.fang");
        second.followStore();
        assertThat(second.activeVersion("wenzhou")).contains(1);
        assertThat(decide(second, 2003)).isEqualTo(Eligibility.NOT_ELIGIBLE);
        assertThat(second.activations("wenzhou"))
                .extracting(RulesetActivation::kind)
                .containsExactly(
                        RulesetActivation.Kind.DEPLOYMENT,
                        RulesetActivation.Kind.ACTIVATION,
                        RulesetActivation.Kind.ROLLBACK);
    }

    private RuleFile cutoff2000() throws IOException {
        return cutoff(2000);
    }

    private RuleFile cutoff2005() throws IOException {
        return cutoff(2005);
    }

    /** The eligibility table with its cut-off year set, as a publisher would upload it. */
    private RuleFile cutoff(int year) throws IOException {
        Path copy = Files.copy(
                root.resolve(RuleFolderCopy.ELIGIBILITY_TABLE),
                root.resolve("edited.xlsx"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleFolderCopy.editCell(
                copy,
                RuleFolderCopy.PARAMETER_SHEET,
                RuleFolderCopy.CUTOFF_ROW,
                RuleFolderCopy.CUTOFF_COLUMN_LABEL,
                cell -> cell.setCellValue(year));
        return new RuleFile(RuleFolderCopy.ELIGIBILITY_TABLE, Files.readAllBytes(copy));
    }

    private RulesetRegistry registry() {
        return Registries.over(properties());
    }

    private RulesetRegistry registry(RulesetStore store) {
        return Registries.over(properties(), store);
    }

    private RulesetProperties properties() {
        return new RulesetProperties(
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString(),
                "wenzhou",
                data.toString());
    }

    private static Eligibility decide(RulesetRegistry registry, int completionYear) {
        Community community = Communities.ordinary(completionYear, false, LocalDate.of(2025, 11, 3));
        return EligibilityService.decide(registry.active("wenzhou"), community)
                .decision()
                .eligibility();
    }
}
