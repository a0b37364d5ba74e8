package cn.wenzhou.renovation.ruleset;

import java.util.List;
import java.util.Optional;

/**
 * Where activated rulesets are kept: every version of each jurisdiction's own files, and which one is
 * active. The registry writes a version before it serves it, so what a restart reads back is what
 * was served.
 */
public interface RulesetStore {

    List<RulesetVersion> versions(String jurisdiction);

    Optional<Integer> activeVersion(String jurisdiction);

    /** The files of a kept version, with their paths; empty when there is no such version. */
    Optional<List<RuleFile>> files(String jurisdiction, int number);

    /** Keeps the files as the jurisdiction's next version (not yet active). */
    RulesetVersion save(String jurisdiction, List<RuleFile> files, String activatedBy, String comment);

    void activate(String jurisdiction, int number);

    /** Appends to the jurisdiction's audit of activations. */
    void recordActivation(RulesetActivation activation);

    /** Every change of the active version, oldest first. */
    List<RulesetActivation> activations(String jurisdiction);

    /** The content hash of the files last deployed with the service, once they were kept and activated. */
    Optional<String> lastDeployed(String jurisdiction);

    void recordDeployed(String jurisdiction, String contentHash);

    /**
     * Runs the work while no other holder of the same store (another thread, or another instance
     * sharing the folder or database) runs exclusive work for that jurisdiction: a deployment's
     * check-then-keep at startup must not happen twice when two replicas start together.
     */
    <T> T exclusively(String jurisdiction, java.util.function.Supplier<T> work);

    /** Versions kept only for the life of the process: for tests, and when no data folder is configured. */
    static RulesetStore inMemory() {
        return new InMemoryRulesetStore();
    }
}
