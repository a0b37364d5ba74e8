package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Versions in memory; lost on restart. */
final class InMemoryRulesetStore implements RulesetStore {

    private final Map<String, List<RulesetVersion>> versions = new HashMap<>();
    private final Map<String, List<List<RuleFile>>> files = new HashMap<>();
    private final Map<String, Integer> active = new HashMap<>();
    private final Map<String, String> deployed = new HashMap<>();
    private final Map<String, List<RulesetActivation>> activations = new HashMap<>();
    private final Map<String, List<RulesetSubmission>> submissions = new HashMap<>();
    private final Map<String, KeptInventory> inventories = new HashMap<>();

    @Override
    public synchronized <T> T exclusively(String jurisdiction, java.util.function.Supplier<T> work) {
        return work.get();
    }

    @Override
    public synchronized List<RulesetVersion> versions(String jurisdiction) {
        return List.copyOf(versions.getOrDefault(jurisdiction, List.of()));
    }

    @Override
    public synchronized Optional<Integer> activeVersion(String jurisdiction) {
        return Optional.ofNullable(active.get(jurisdiction));
    }

    @Override
    public synchronized Optional<List<RuleFile>> files(String jurisdiction, int number) {
        List<List<RuleFile>> kept = files.getOrDefault(jurisdiction, List.of());
        return number >= 1 && number <= kept.size() ? Optional.of(kept.get(number - 1)) : Optional.empty();
    }

    @Override
    public synchronized RulesetVersion save(
            String jurisdiction, List<RuleFile> ruleFiles, String activatedBy, String comment) {
        List<RulesetVersion> kept = versions.computeIfAbsent(jurisdiction, j -> new ArrayList<>());
        RulesetVersion version = new RulesetVersion(
                jurisdiction,
                kept.size() + 1,
                RulesetFiles.contentHash(ruleFiles),
                Instant.now(),
                activatedBy,
                comment);
        kept.add(version);
        files.computeIfAbsent(jurisdiction, j -> new ArrayList<>()).add(List.copyOf(ruleFiles));
        return version;
    }

    @Override
    public synchronized void activate(RulesetActivation activation) {
        active.put(activation.jurisdiction(), activation.version());
        recordActivation(activation);
    }

    @Override
    public String where(String jurisdiction, int number) {
        return "(memory) " + jurisdiction + " version " + number;
    }

    @Override
    public String wherePointer(String jurisdiction) {
        return "(memory) " + jurisdiction + " active version";
    }

    @Override
    public synchronized void recordActivation(RulesetActivation activation) {
        activations
                .computeIfAbsent(activation.jurisdiction(), j -> new ArrayList<>())
                .add(activation);
    }

    @Override
    public synchronized List<RulesetActivation> activations(String jurisdiction) {
        return List.copyOf(activations.getOrDefault(jurisdiction, List.of()));
    }

    @Override
    public synchronized Optional<String> lastDeployed(String jurisdiction) {
        return Optional.ofNullable(deployed.get(jurisdiction));
    }

    @Override
    public synchronized void recordDeployed(String jurisdiction, String contentHash) {
        deployed.put(jurisdiction, contentHash);
    }

    @Override
    public synchronized RulesetSubmission submit(
            String jurisdiction, List<RuleFile> ruleFiles, Integer basedOnVersion, String submittedBy, String reason) {
        List<RulesetSubmission> kept = submissions.computeIfAbsent(jurisdiction, j -> new ArrayList<>());
        RulesetSubmission submission = RulesetSubmission.pending(
                jurisdiction, kept.size() + 1, ruleFiles, basedOnVersion, submittedBy, reason);
        kept.add(submission);
        return submission;
    }

    @Override
    public synchronized List<RulesetSubmission> submissions(String jurisdiction) {
        return List.copyOf(submissions.getOrDefault(jurisdiction, List.of()));
    }

    @Override
    public synchronized boolean decide(
            String jurisdiction, int number, RulesetSubmission.Status outcome, RulesetSubmission.Decision decision) {
        List<RulesetSubmission> kept = submissions.getOrDefault(jurisdiction, List.of());
        if (number < 1 || number > kept.size() || !kept.get(number - 1).pending()) {
            return false;
        }
        kept.set(number - 1, kept.get(number - 1).decided(outcome, decision));
        return true;
    }

    @Override
    public synchronized void keepInventory(String jurisdiction, byte[] content, String keptBy) {
        inventories.put(jurisdiction, new KeptInventory(content.clone(), Instant.now(), keptBy));
    }

    @Override
    public synchronized Optional<KeptInventory> inventory(String jurisdiction) {
        return Optional.ofNullable(inventories.get(jurisdiction));
    }
}
