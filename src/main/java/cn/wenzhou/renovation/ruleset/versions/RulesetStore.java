package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import java.util.List;
import java.util.Optional;

/**
 * Where activated rulesets are kept: every version of each jurisdiction's own files, and which one is
 * active. The registry writes a version before it serves it, so what a restart reads back is what
 * was served. A write that fails throws {@link StorageUnavailableException} and leaves what was
 * active, active.
 */
public interface RulesetStore {

    /** The kept versions whose records are readable, oldest first; an unreadable one is in {@link #problems}. */
    List<RulesetVersion> versions(String jurisdiction);

    /**
     * The active version, empty when none was ever activated.
     *
     * @throws ActiveVersionUnavailableException when the pointer exists but cannot be read
     */
    Optional<Integer> activeVersion(String jurisdiction);

    /** The files of a kept version, with their paths; empty when there is no such version. */
    Optional<List<RuleFile>> files(String jurisdiction, int number);

    /** Keeps the files as the jurisdiction's next version (not yet active). */
    RulesetVersion save(String jurisdiction, List<RuleFile> files, String activatedBy, String comment);

    /**
     * Makes the activation's version active and records the activation in the audit, so that a crash at
     * any point leaves either both done or neither (as far as what a restart serves and lists is concerned).
     */
    void activate(RulesetActivation activation);

    /** Appends to the jurisdiction's audit without moving the pointer: for entries recorded by startup's reconciliation. */
    void recordActivation(RulesetActivation activation);

    /** Every change of the active version whose record is readable, oldest first. */
    List<RulesetActivation> activations(String jurisdiction);

    /** Records the store skipped because they could not be read (torn audit lines, garbled version records). */
    default List<StoredRecordProblem> problems(String jurisdiction) {
        return List.of();
    }

    /**
     * Completes an activation a crash interrupted after its commit point, where the store has one
     * (a file store's audit line after its pointer). Run at startup before the audit is compared with the pointer.
     */
    default void completeInterruptedActivation(String jurisdiction) {}

    /**
     * What is wrong with a kept version, naming where: no record of it, its files missing, or files that
     * differ from what was kept (truncated, edited, deleted). Empty when it is intact.
     */
    default Optional<String> damage(String jurisdiction, int number) {
        Optional<RulesetVersion> version = versions(jurisdiction).stream()
                .filter(v -> v.number() == number)
                .findFirst();
        if (version.isEmpty()) {
            return Optional.of(
                    where(jurisdiction, number) + ": 没有版本 " + number + " 的记录 (no record of version " + number + ")");
        }
        Optional<List<RuleFile>> files = files(jurisdiction, number);
        if (files.isEmpty()) {
            return Optional.of(where(jurisdiction, number) + ": 版本 " + number + " 的文件缺失 (its files are missing)");
        }
        if (!RulesetFiles.contentHash(files.get()).equals(version.get().contentHash())) {
            return Optional.of(where(jurisdiction, number) + ": 版本 " + number
                    + " 的文件与保存时不符（被截断、改动或删除） (its files differ from what was kept)");
        }
        return Optional.empty();
    }

    /** Keeps an edit submitted for review as the jurisdiction's next submission, pending. */
    RulesetSubmission submit(
            String jurisdiction, List<RuleFile> files, Integer basedOnVersion, String submittedBy, String reason);

    /** The jurisdiction's submissions whose records are readable, oldest first. */
    List<RulesetSubmission> submissions(String jurisdiction);

    default Optional<RulesetSubmission> submission(String jurisdiction, int number) {
        return submissions(jurisdiction).stream()
                .filter(s -> s.number() == number)
                .findFirst();
    }

    /**
     * Records a publisher's decision on a pending submission. False when it was no longer pending (another
     * publisher decided first), and then nothing is written.
     */
    boolean decide(
            String jurisdiction, int number, RulesetSubmission.Status outcome, RulesetSubmission.Decision decision);

    /** A jurisdiction's inventory of communities as staff last uploaded it (the rows read from it, not the upload). */
    record KeptInventory(byte[] content, java.time.Instant keptAt, String keptBy) {}

    /** Keeps the jurisdiction's inventory, replacing the one kept before. */
    void keepInventory(String jurisdiction, byte[] content, String keptBy);

    Optional<KeptInventory> inventory(String jurisdiction);

    /** Where a version is kept, for messages (a folder, or the database's rows). */
    String where(String jurisdiction, int number);

    /** Where the active pointer is kept, for messages. */
    String wherePointer(String jurisdiction);

    /** The content hash of the files last deployed with the service, once they were kept and activated. */
    Optional<String> lastDeployed(String jurisdiction);

    void recordDeployed(String jurisdiction, String contentHash);

    /**
     * Runs the work while no other holder of the same store (another thread, or another instance
     * sharing the folder or database) runs exclusive work for that jurisdiction: a deployment's
     * check-then-keep at startup must not happen twice when two replicas start together.
     */
    <T> T exclusively(String jurisdiction, java.util.function.Supplier<T> work);

    /** Versions kept in a folder (on any file system: the fault tests use a size-limited one in memory). */
    static RulesetStore inFolder(java.nio.file.Path root) {
        return new FileRulesetStore(root);
    }

    /** Versions kept only for the life of the process: for tests, and when no data folder is configured. */
    static RulesetStore inMemory() {
        return new InMemoryRulesetStore();
    }
}
