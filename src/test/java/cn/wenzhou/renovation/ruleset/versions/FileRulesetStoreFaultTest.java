package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The file store under faults, on an in-memory file system with a size limit (Jimfs): a crash at each
 * step of an activation (the step listener throws, as a process dies there), a full disk at each write,
 * torn audit lines and garbled or changed version files. What a reopened store says is active must be
 * what its audit says was activated.
 */
class FileRulesetStoreFaultTest {

    private static final RuleFile TABLE = new RuleFile(
            "decision-tables/eligibility/eligibility.drl.xlsx",
            new byte[] {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00});
    private static final RuleFile DRL = new RuleFile(
            "rules/eligibility/decision.drl", "rule \"温州\" when then end".getBytes(StandardCharsets.UTF_8));
    private static final RulesetActivation DEPLOYED = new RulesetActivation(
            "wenzhou", 1, Instant.parse("2026-12-01T08:00:00Z"), "部署 (deployment)", RulesetActivation.Kind.DEPLOYMENT);
    private static final RulesetActivation BY_WANG_FANG = new RulesetActivation(
            "wenzhou",
            2,
            Instant.parse("2026-12-02T09:30:00.123456789Z"),
            "wang.fang",
            RulesetActivation.Kind.ACTIVATION);

    /** 4 MB in 64-byte blocks (so that appending one line needs a new block): the tests fill it as a disk fills up. */
    private FileSystem disk;

    private Path data;

    @BeforeEach
    void smallDisk() throws IOException {
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(64)
                .setMaxSize(4L << 20)
                .build());
        data = Files.createDirectories(disk.getPath("/data/rulesets"));
    }

    @AfterEach
    void closeDisk() throws IOException {
        disk.close();
    }

    /** Thrown by the step listener where the process would have died; nothing after it runs. */
    private static final class Crash extends Error {
        Crash(ActivationStep step) {
            super("crashed at " + step);
        }
    }

    private static ActivationStep.Listener crashAt(ActivationStep at) {
        return step -> {
            if (step == at) {
                throw new Crash(step);
            }
        };
    }

    /** Version 1 deployed and active, as after a first start. */
    private FileRulesetStore deployedStore(ActivationStep.Listener steps) {
        FileRulesetStore store = new FileRulesetStore(data, steps);
        store.save("wenzhou", List.of(TABLE), DEPLOYED.by(), "随程序部署");
        store.activate(DEPLOYED);
        return store;
    }

    @ParameterizedTest(name = "crash at {0}")
    @EnumSource(ActivationStep.class)
    void aCrashAtAnyStepLeavesTheActiveVersionWithItsExactAuditEntry(ActivationStep step) {
        deployedStore(ActivationStep.Listener.NONE);
        FileRulesetStore store = new FileRulesetStore(data, crashAt(step));

        assertThatThrownBy(() -> {
                    RulesetVersion kept = store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", "试行");
                    store.activate(new RulesetActivation(
                            "wenzhou",
                            kept.number(),
                            BY_WANG_FANG.at(),
                            "wang.fang",
                            RulesetActivation.Kind.ACTIVATION));
                })
                .isInstanceOf(Crash.class);

        FileRulesetStore restarted = new FileRulesetStore(data, ActivationStep.Listener.NONE);
        restarted.completeInterruptedActivation("wenzhou");
        boolean pointerMoved = step == ActivationStep.POINTER_WRITTEN || step == ActivationStep.AUDIT_WRITTEN;
        RulesetActivation expected = pointerMoved ? BY_WANG_FANG : DEPLOYED;
        assertThat(restarted.activeVersion("wenzhou")).contains(expected.version());
        assertThat(restarted.activations("wenzhou"))
                .as("the audit, each entry once")
                .containsExactlyElementsOf(pointerMoved ? List.of(DEPLOYED, BY_WANG_FANG) : List.of(DEPLOYED));
        assertThat(restarted.damage("wenzhou", expected.version())).isEmpty();
        assertThat(restarted.problems("wenzhou")).isEmpty();
        assertThat(restarted.versions("wenzhou"))
                .extracting(RulesetVersion::number)
                .containsExactlyElementsOf(step == ActivationStep.VERSION_FILES_WRITTEN ? List.of(1) : List.of(1, 2));

        // The next activation takes the next free number; a staging folder left by the crash is reused.
        RulesetVersion next = restarted.save("wenzhou", List.of(DRL), "wang.fang", "再试");
        assertThat(next.number()).isEqualTo(step == ActivationStep.VERSION_FILES_WRITTEN ? 2 : 3);
        assertThat(restarted.damage("wenzhou", next.number())).isEmpty();
    }

    @Test
    void aFullDiskWhileKeepingAVersionIsAStorageProblemAndLeavesNothingBehind() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        fill();

        assertThatThrownBy(() -> store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", "试行"))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("规则版本 2 未能保存，本次启用未生效")
                .hasMessageContaining("磁盘空间不足");

        assertThat(store.versions("wenzhou")).extracting(RulesetVersion::number).containsExactly(1);
        try (var children = Files.list(data.resolve("wenzhou"))) {
            assertThat(children.map(p -> p.getFileName().toString()))
                    .as("no staging folder left")
                    .noneMatch(name -> name.endsWith(".incomplete"));
        }
        assertThat(store.activeVersion("wenzhou")).contains(1);
    }

    @Test
    void aFullDiskAtThePointerActivatesNothing() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", "试行");
        fill();

        assertThatThrownBy(() -> store.activate(BY_WANG_FANG))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("启用指针未能写入，本次启用未生效")
                .hasMessageContaining("磁盘空间不足");

        FileRulesetStore restarted = new FileRulesetStore(data, ActivationStep.Listener.NONE);
        assertThat(restarted.activeVersion("wenzhou")).contains(1);
        assertThat(restarted.activations("wenzhou")).containsExactly(DEPLOYED);
    }

    @Test
    void aFullDiskAtTheAuditLineKeepsTheActivationListedAndTheLineIsWrittenOnceThereIsRoom() throws IOException {
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
        FileRulesetStore store = deployedStore(step -> {
            if (step == ActivationStep.POINTER_WRITTEN && armed.get()) {
                fill();
            }
        });
        store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", "试行");
        armed.set(true);

        store.activate(BY_WANG_FANG); // the pointer is the commit point: the activation stands

        assertThat(store.activeVersion("wenzhou")).contains(2);
        assertThat(store.activations("wenzhou"))
                .as("listed from the pointer's record")
                .containsExactly(DEPLOYED, BY_WANG_FANG);
        assertThat(Files.readString(data.resolve("wenzhou/activations.jsonl"))).doesNotContain("wang.fang");

        Files.delete(filler());
        FileRulesetStore restarted = new FileRulesetStore(data, ActivationStep.Listener.NONE);
        restarted.completeInterruptedActivation("wenzhou");
        assertThat(Files.readString(data.resolve("wenzhou/activations.jsonl"))).contains("wang.fang");
        assertThat(restarted.activations("wenzhou")).containsExactly(DEPLOYED, BY_WANG_FANG);
    }

    @Test
    void aTornOrGarbageAuditLineIsSkippedAndListedAndTheNextLineStartsOnItsOwn() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        Path audit = data.resolve("wenzhou/activations.jsonl");
        Files.write(audit, new byte[] {'{', '"', 'j', (byte) 0xff, 0x00}, StandardOpenOption.APPEND); // torn mid-line
        store.save("wenzhou", List.of(DRL), "wang.fang", "试行");

        store.activate(BY_WANG_FANG);

        assertThat(store.activations("wenzhou")).containsExactly(DEPLOYED, BY_WANG_FANG);
        assertThat(new String(Files.readAllBytes(audit), StandardCharsets.UTF_8).split("\n"))
                .hasSize(3);
        assertThat(store.problems("wenzhou"))
                .extracting(StoredRecordProblem::where)
                .containsExactly("wenzhou/activations.jsonl:2");
        assertThat(store.problems("wenzhou").get(0).problem()).contains("第 2 行无法读取，已跳过");
    }

    @Test
    void aGarbledVersionRecordIsSkippedAndListedAndItsNumberIsNotTakenAgain() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        store.save("wenzhou", List.of(DRL), "wang.fang", "试行");
        Files.writeString(data.resolve("wenzhou/2/version.json"), "{\"number\": 2, \"contentHa");

        assertThat(store.versions("wenzhou")).extracting(RulesetVersion::number).containsExactly(1);
        assertThat(store.problems("wenzhou"))
                .containsExactly(new StoredRecordProblem(
                        "wenzhou/2/version.json",
                        "版本 2 的记录缺失或无法读取，未列出 (version record missing or unreadable, not listed)"));
        assertThat(store.damage("wenzhou", 2))
                .hasValueSatisfying(problem ->
                        assertThat(problem).contains("/data/rulesets/wenzhou/2/version.json", "版本记录缺失或无法读取"));
        assertThat(store.save("wenzhou", List.of(DRL), "wang.fang", "再试").number())
                .isEqualTo(3);
    }

    @Test
    void aChangedMissingOrAddedFileOfAKeptVersionIsNamed() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        store.save("wenzhou", List.of(TABLE, DRL), "wang.fang", "试行");
        Path files = data.resolve("wenzhou/2/files");
        Path table = files.resolve(TABLE.path());

        Files.write(table, new byte[] {0x50, 0x4b}); // truncated
        assertThat(store.damage("wenzhou", 2))
                .hasValue(table + ": 内容与保存时不符（被截断或改动） (differs from what was kept: truncated or edited)");

        Files.delete(table);
        assertThat(store.damage("wenzhou", 2)).hasValue(table + ": 文件缺失 (missing)");

        Files.write(table, TABLE.content());
        assertThat(store.damage("wenzhou", 2)).isEmpty();
        Path extra = Files.writeString(files.resolve("rules/eligibility/extra.drl"), "rule x when then end");
        assertThat(store.damage("wenzhou", 2)).hasValue(extra + ": 保存后多出的文件 (added after the version was kept)");
    }

    @Test
    void aPointerOfAnEarlierReleaseIsABareNumberAndGarbageIsRefusedNamingTheFile() throws IOException {
        FileRulesetStore store = deployedStore(ActivationStep.Listener.NONE);
        Path pointer = data.resolve("wenzhou/active");

        Files.writeString(pointer, "1\n");
        assertThat(store.activeVersion("wenzhou")).contains(1);

        Files.writeString(pointer, "{\"jurisdiction\":\"wenz");
        assertThatThrownBy(() -> store.activeVersion("wenzhou"))
                .isInstanceOf(ActiveVersionUnavailableException.class)
                .hasMessageContaining("/data/rulesets/wenzhou/active")
                .hasMessageContaining("启用指针的内容无法识别");
        assertThat(store.activations("wenzhou")).as("the listing still answers").containsExactly(DEPLOYED);
        assertThat(store.problems("wenzhou"))
                .extracting(StoredRecordProblem::where)
                .containsExactly("wenzhou/active");
    }

    private Path filler() {
        return data.getRoot().resolve("filler");
    }

    /** Appends 8 KB, then 64 bytes at a time until the disk refuses even that. */
    private void fill() {
        for (int chunk : new int[] {8192, 64}) {
            try (var out = Files.newOutputStream(filler(), StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                while (true) {
                    out.write(new byte[chunk]);
                }
            } catch (IOException full) {
                assertThat(full).hasMessageContaining("out of disk space");
            }
        }
    }
}
