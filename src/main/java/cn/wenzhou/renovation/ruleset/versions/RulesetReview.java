package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.authoring.RulesetCandidate;
import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a rules edit: an editor submits a validated edit with her reason (提交审核); a publisher
 * other than her reviews it against the rules served now (its changes, the Test Scenario answers it
 * changes, the counties it would break) and approves it, which activates it as a new version through
 * the registry, or returns it with a comment. Both are kept with the submission.
 */
@Component
public class RulesetReview {

    private static final Logger log = LoggerFactory.getLogger(RulesetReview.class);

    private final RulesetRegistry registry;
    private final RulesetStore store;

    public RulesetReview(RulesetRegistry registry, RulesetStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** A submission, or none when the edit is not valid or changes no rule; the candidate says which. */
    public record Submitted(RulesetCandidate candidate, Optional<RulesetSubmission> submission) {}

    /**
     * Keeps the edit for review when it could be activated now: valid, breaking no served county, and
     * changing some rule. Scenario answers it changes are for the reviewer to accept.
     */
    public Submitted submit(String jurisdiction, List<RuleFile> replacements, String submittedBy, String reason) {
        RulesetCandidate candidate = registry.candidate(jurisdiction, replacements);
        if (!candidate.activatable() || candidate.sameRulesAsActive()) {
            return new Submitted(candidate, Optional.empty());
        }
        RulesetSubmission submission = store.submit(
                jurisdiction, replacements, registry.activeVersion(jurisdiction).orElse(null), submittedBy, reason);
        log.info("Submission {} of {} by {} kept for review", submission.number(), jurisdiction, submittedBy);
        return new Submitted(candidate, Optional.of(submission));
    }

    public List<RulesetSubmission> submissions(String jurisdiction) {
        registry.ownFiles(jurisdiction); // an unknown jurisdiction is a 404, not an empty list
        return store.submissions(jurisdiction);
    }

    public RulesetSubmission submission(String jurisdiction, int number) {
        registry.ownFiles(jurisdiction);
        return store.submission(jurisdiction, number)
                .orElseThrow(() -> new UnknownSubmissionException(jurisdiction, number));
    }

    /** What approving the submission would do now, against the rules served now. */
    public RulesetCandidate review(String jurisdiction, int number) {
        return registry.candidate(jurisdiction, submission(jurisdiction, number).files());
    }

    /**
     * Activates the submitted files over what is served now, as the approving publisher, with the
     * submitter's reason as the version's comment. A candidate that cannot be activated leaves the
     * submission pending and is returned with its findings.
     */
    public synchronized RulesetRegistry.Activation approve(
            String jurisdiction, int number, String publisher, String comment, boolean acceptScenarioChanges) {
        RulesetSubmission submission = pending(jurisdiction, number);
        if (submission.submittedBy().equals(publisher)) {
            throw new SameReviewerException(submission);
        }
        Integer replaced = registry.activeVersion(jurisdiction).orElse(null);
        RulesetRegistry.Activation activation = registry.activate(
                jurisdiction,
                submission.files(),
                publisher,
                versionComment(submission, comment),
                acceptScenarioChanges);
        Optional<Integer> version = activation.version().map(RulesetVersion::number);
        if (activation.candidate().sameRulesAsActive()) {
            version = registry.activeVersion(jurisdiction); // already in effect
        }
        if (version.isPresent()) {
            decide(
                    submission,
                    RulesetSubmission.Status.APPROVED,
                    new RulesetSubmission.Decision(
                            java.time.Instant.now(),
                            publisher,
                            comment,
                            version.get(),
                            activation.activated() ? replaced : version.get(),
                            activation.candidate().scenarioChanges().stream()
                                    .map(change -> change.file() + "：" + change.message())
                                    .toList()));
        }
        return activation;
    }

    /** Returns the submission to its submitter with the publisher's comment; nothing is activated. */
    public synchronized RulesetSubmission returnToSubmitter(
            String jurisdiction, int number, String publisher, String comment) {
        RulesetSubmission submission = pending(jurisdiction, number);
        decide(
                submission,
                RulesetSubmission.Status.RETURNED,
                RulesetSubmission.Decision.returned(java.time.Instant.now(), publisher, comment));
        return submission(jurisdiction, number);
    }

    private RulesetSubmission pending(String jurisdiction, int number) {
        RulesetSubmission submission = submission(jurisdiction, number);
        if (!submission.pending()) {
            throw new SubmissionDecidedException(submission);
        }
        return submission;
    }

    private void decide(
            RulesetSubmission submission, RulesetSubmission.Status outcome, RulesetSubmission.Decision decision) {
        if (!store.decide(submission.jurisdiction(), submission.number(), outcome, decision)) {
            throw new SubmissionDecidedException(submission(submission.jurisdiction(), submission.number()));
        }
        log.info(
                "Submission {} of {} by {}: {} by {}",
                submission.number(),
                submission.jurisdiction(),
                submission.submittedBy(),
                outcome,
                decision.by());
    }

    /**
     * What a change record prints: the files before and after the edit, and the scenario answers it changes.
     * Pending, against the rules served now (as the reviewer sees it); approved, the version it replaced and
     * the one it became, with the answers the approver accepted; returned, against the version it was based on.
     */
    public record ChangeRecord(
            RulesetSubmission submission,
            List<RuleFile> before,
            List<RuleFile> after,
            List<String> scenarioChanges,
            Optional<Rulesets> rulesets) {}

    /** The rules before and after the edit, compiled: what the record's impact on the inventory compares. */
    public record Rulesets(
            cn.wenzhou.renovation.ruleset.engine.CompiledRuleset before,
            cn.wenzhou.renovation.ruleset.engine.CompiledRuleset after) {}

    public ChangeRecord changeRecord(String jurisdiction, int number) {
        RulesetSubmission submission = submission(jurisdiction, number);
        RulesetSubmission.Decision decision = submission.decision();
        if (submission.pending()) {
            RulesetCandidate candidate = registry.candidate(jurisdiction, submission.files());
            return new ChangeRecord(
                    submission,
                    withBase(jurisdiction, candidate.activeOwnFiles()),
                    candidate.ownFiles(),
                    candidate.scenarioChanges().stream()
                            .map(change -> change.file() + "：" + change.message())
                            .toList(),
                    candidate.validation().valid() && registry.isServed(jurisdiction)
                            ? Optional.of(new Rulesets(
                                    registry.active(jurisdiction),
                                    candidate.validation().ruleset()))
                            : Optional.empty());
        }
        if (submission.status() == RulesetSubmission.Status.APPROVED && decision.replacedVersion() != null) {
            return new ChangeRecord(
                    submission,
                    withBase(jurisdiction, keptFiles(jurisdiction, decision.replacedVersion())),
                    keptFiles(jurisdiction, decision.version()),
                    decision.acceptedScenarioChanges(),
                    rulesetsOf(jurisdiction, decision.replacedVersion(), decision.version()));
        }
        List<RuleFile> based =
                submission.basedOnVersion() == null ? List.of() : keptFiles(jurisdiction, submission.basedOnVersion());
        return new ChangeRecord(
                submission,
                withBase(jurisdiction, based),
                RulesetRegistry.merged(based, submission.files()),
                List.of(),
                Optional.empty());
    }

    /** Two kept versions compiled as they would be served now; none when either no longer validates. */
    private Optional<Rulesets> rulesetsOf(String jurisdiction, int before, int after) {
        var was = registry.versionForReplay(jurisdiction, before);
        var is = registry.versionForReplay(jurisdiction, after);
        return was.valid() && is.valid() ? Optional.of(new Rulesets(was.ruleset(), is.ruleset())) : Optional.empty();
    }

    /** A county's files with the base's beneath them: its first copy of a base table is compared with the base's. */
    private List<RuleFile> withBase(String jurisdiction, List<RuleFile> own) {
        if (jurisdiction.equals(cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor.BASE)) {
            return own;
        }
        List<RuleFile> files = new java.util.ArrayList<>(
                registry.ownFiles(cn.wenzhou.renovation.ruleset.engine.JurisdictionDescriptor.BASE));
        files.addAll(own);
        return files;
    }

    private List<RuleFile> keptFiles(String jurisdiction, int version) {
        return store.files(jurisdiction, version).orElseThrow(() -> new UnknownVersionException(jurisdiction, version));
    }

    /** The version's comment carries the four eyes: the reason, whose submission it was, who approved it. */
    private static String versionComment(RulesetSubmission submission, String comment) {
        String review = comment == null || comment.isBlank() ? "" : "；审核意见：" + comment.strip();
        return submission.reason() + "（第 " + submission.number() + " 号提交，提交人 " + submission.submittedBy() + review
                + "）";
    }
}
