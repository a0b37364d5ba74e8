package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wenzhou.renovation.testing.Registries;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Startup over a damaged or interrupted data folder: a missing or unreadable active version stops
 * startup naming the file (and nothing is written), unless the setting says to serve the deployed rules;
 * a pointer the audit lacks is kept and recorded as a recovery. One deployment is made once and copied
 * for each test, so only the tests that start serving compile.
 */
class RulesetRegistryRecoveryTest {

    @TempDir
    static Path shared;

    /** A data folder after one clean start: version 1 of each jurisdiction, active and audited. */
    private static Path pristine;

    @TempDir
    Path data;

    @BeforeAll
    static void deployOnce() throws IOException {
        RuleFolderCopy.copyRepositoryRules(shared.resolve("repository"));
        pristine = shared.resolve("pristine");
        Registries.over(properties(pristine, OnMissingActiveVersion.FAIL));
        assertThat(Files.readString(pristine.resolve("wenzhou/active"))).contains("\"version\":1", "DEPLOYMENT");
    }

    @Test
    void aDeletedActiveVersionFolderStopsStartupNamingItAndWritesNothing() throws IOException {
        copyPristine();
        deleteTree(data.resolve("wenzhou/1"));

        assertStartupRefused(data.resolve("wenzhou/1") + ": 版本文件夹缺失");
    }

    @Test
    void aPointerToAVersionNeverKeptStopsStartup() throws IOException {
        copyPristine();
        Files.writeString(data.resolve("wenzhou/active"), "7");

        assertStartupRefused(data.resolve("wenzhou/7") + ": 版本文件夹缺失");
    }

    @Test
    void aTruncatedTableOfTheActiveVersionStopsStartupNamingTheFile() throws IOException {
        copyPristine();
        Path table = data.resolve("wenzhou/1/files").resolve(RuleFolderCopy.ELIGIBILITY_TABLE);
        byte[] content = Files.readAllBytes(table);
        Files.write(table, java.util.Arrays.copyOf(content, content.length / 2));

        assertStartupRefused(table + ": 内容与保存时不符（被截断或改动）");
    }

    @Test
    void anUnreadableOrDeletedPointerStopsStartupNamingIt() throws IOException {
        copyPristine();
        Path pointer = data.resolve("wenzhou/active");
        Files.writeString(pointer, "\u0000\u0000garbage");
        assertStartupRefused(pointer + ": 启用指针的内容无法识别");

        Files.delete(pointer);
        assertStartupRefused(pointer + ": 启用指针缺失");
    }

    @Test
    void withServeDeployedTheDeployedRulesAreServedAsANewVersionAuditedAsARecovery() throws IOException {
        copyPristine();
        deleteTree(data.resolve("wenzhou/1"));

        RulesetRegistry registry = Registries.over(properties(data, OnMissingActiveVersion.SERVE_DEPLOYED));

        assertThat(registry.activeVersion("wenzhou"))
                .as("the deleted version's number is not given again")
                .contains(2);
        assertThat(registry.activations("wenzhou"))
                .extracting(RulesetActivation::version, RulesetActivation::kind, RulesetActivation::by)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1, RulesetActivation.Kind.DEPLOYMENT, RulesetRegistry.DEPLOYMENT),
                        org.assertj.core.groups.Tuple.tuple(
                                2, RulesetActivation.Kind.RECOVERY, RulesetRegistry.SERVED_INSTEAD));
        assertThat(registry.versions("wenzhou"))
                .extracting(RulesetVersion::number)
                .containsExactly(2);
        assertThat(registry.storeProblems("wenzhou"))
                .as("the deleted version 1 is gone, not damaged")
                .isEmpty();
    }

    @Test
    void aBareNumberPointerTheAuditLacksIsServedAndRecordedAsARecoveryOnce() throws IOException {
        copyPristine();
        // An earlier release wrote the pointer, then its audit line: it died in between, after keeping version 2.
        FileRulesetStore store = new FileRulesetStore(data, ActivationStep.Listener.NONE);
        store.save("wenzhou", store.files("wenzhou", 1).orElseThrow(), "wang.fang", "试行");
        Files.writeString(data.resolve("wenzhou/active"), "2");

        RulesetRegistry restarted = Registries.over(properties(data, OnMissingActiveVersion.FAIL));

        assertThat(restarted.activeVersion("wenzhou")).contains(2);
        List<RulesetActivation> audit = restarted.activations("wenzhou");
        assertThat(audit)
                .extracting(RulesetActivation::version, RulesetActivation::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RulesetActivation.Kind.DEPLOYMENT),
                        org.assertj.core.groups.Tuple.tuple(2, RulesetActivation.Kind.RECOVERY));
        assertThat(audit.get(1).by()).isEqualTo(RulesetRegistry.RECOVERED);

        Registries.over(properties(data, OnMissingActiveVersion.FAIL));
        assertThat(store.activations("wenzhou"))
                .as("reconciled once, not at every start")
                .hasSize(2);
    }

    @Test
    void anInterruptedActivationWhosePointerMovedIsAuditedAsItWasMade() throws IOException {
        copyPristine();
        FileRulesetStore crashing = new FileRulesetStore(data, step -> {
            if (step == ActivationStep.POINTER_WRITTEN) {
                throw new IllegalStateException("the process died here");
            }
        });
        RulesetVersion kept =
                crashing.save("wenzhou", crashing.files("wenzhou", 1).orElseThrow(), "wang.fang", "试行");
        RulesetActivation made = new RulesetActivation(
                "wenzhou", kept.number(), Instant.now(), "wang.fang", RulesetActivation.Kind.ACTIVATION);
        assertThatThrownBy(() -> crashing.activate(made)).hasMessage("the process died here");

        RulesetRegistry restarted = Registries.over(properties(data, OnMissingActiveVersion.FAIL));

        assertThat(restarted.activeVersion("wenzhou")).contains(2);
        assertThat(restarted.activations("wenzhou")).last().isEqualTo(made);
        assertThat(Files.readString(data.resolve("wenzhou/activations.jsonl"))).contains("wang.fang");

        // A kept version whose table was truncated since is neither rolled back to nor replayed.
        Path table = data.resolve("wenzhou/1/files").resolve(RuleFolderCopy.ELIGIBILITY_TABLE);
        Files.write(table, java.util.Arrays.copyOf(Files.readAllBytes(table), 1000));
        assertThatThrownBy(() -> restarted.rollback("wenzhou", 1, "wang.fang"))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("版本 1 的保存文件与保存时不符，未使用")
                .hasMessageNotContaining(data.toString());
        assertThatThrownBy(() -> restarted.versionForReplay("wenzhou", 1))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(restarted.activeVersion("wenzhou")).contains(2);
        assertThat(restarted.activations("wenzhou")).last().isEqualTo(made);
    }

    private void assertStartupRefused(String problem) throws IOException {
        String auditBefore = Files.readString(data.resolve("wenzhou/activations.jsonl"));
        assertThatThrownBy(() -> Registries.over(properties(data, OnMissingActiveVersion.FAIL)))
                .isInstanceOf(ActiveVersionUnavailableException.class)
                .hasMessageStartingWith("辖区 'wenzhou' 的启用版本不可用")
                .hasMessageContaining(problem);
        assertThat(Files.readString(data.resolve("wenzhou/activations.jsonl")))
                .as("no DEPLOYMENT recorded")
                .isEqualTo(auditBefore);
    }

    private void copyPristine() throws IOException {
        try (Stream<Path> walk = Files.walk(pristine)) {
            for (Path from : walk.toList()) {
                Path to = data.resolve(pristine.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private static RulesetProperties properties(Path data, OnMissingActiveVersion onMissing) {
        Path repository = shared.resolve("repository");
        return new RulesetProperties(
                repository.resolve("rules").toString(),
                repository.resolve("decision-tables").toString(),
                "wenzhou",
                data.toString(),
                onMissing);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
