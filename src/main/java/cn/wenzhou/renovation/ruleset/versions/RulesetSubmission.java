package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import java.time.Instant;
import java.util.List;

/**
 * An edit handed to a publisher for review (提交审核): the files an editor uploaded, the version that was
 * active when she submitted it, who and why; then what a publisher decided. Four eyes: whoever approves
 * is not whoever submitted.
 */
public record RulesetSubmission(
        String jurisdiction,
        int number,
        List<RuleFile> files,
        Integer basedOnVersion,
        Instant submittedAt,
        String submittedBy,
        String reason,
        Status status,
        Decision decision) {

    public enum Status {
        /** 待审核 */
        PENDING,
        /** 已审核启用 */
        APPROVED,
        /** 已退回 */
        RETURNED
    }

    /**
     * Who decided, when, with what comment; approved, the version it became, the version it replaced and the
     * Test Scenario answers the approver accepted as changed (for the change record).
     */
    public record Decision(
            Instant at,
            String by,
            String comment,
            Integer version,
            Integer replacedVersion,
            List<String> acceptedScenarioChanges) {

        public Decision {
            acceptedScenarioChanges =
                    acceptedScenarioChanges == null ? List.of() : List.copyOf(acceptedScenarioChanges);
        }

        /** A return: nothing activated. */
        public static Decision returned(Instant at, String by, String comment) {
            return new Decision(at, by, comment, null, null, List.of());
        }
    }

    public RulesetSubmission {
        files = List.copyOf(files);
    }

    /** A new submission, pending, submitted now. */
    static RulesetSubmission pending(
            String jurisdiction,
            int number,
            List<RuleFile> files,
            Integer basedOnVersion,
            String submittedBy,
            String reason) {
        return new RulesetSubmission(
                jurisdiction, number, files, basedOnVersion, Instant.now(), submittedBy, reason, Status.PENDING, null);
    }

    public boolean pending() {
        return status == Status.PENDING;
    }

    RulesetSubmission decided(Status outcome, Decision how) {
        return new RulesetSubmission(
                jurisdiction, number, files, basedOnVersion, submittedAt, submittedBy, reason, outcome, how);
    }
}
