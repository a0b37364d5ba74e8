package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A publisher approved or returned a submission that was already decided (by another, a moment earlier). */
public class SubmissionDecidedException extends ProblemException {

    public SubmissionDecidedException(RulesetSubmission submission) {
        super(
                HttpStatus.CONFLICT,
                "Submission decided",
                ProblemCode.SUBMISSION_DECIDED,
                "第 " + submission.number() + " 号提交已" + outcome(submission) + "，不能再审核 (already decided)",
                new FieldProblem("submission", "第 " + submission.number() + " 号提交已" + outcome(submission)));
    }

    private static String outcome(RulesetSubmission submission) {
        RulesetSubmission.Decision decision = submission.decision();
        String by = decision == null ? "" : "由 " + decision.by() + " ";
        return switch (submission.status()) {
            case APPROVED -> by + "审核启用";
            case RETURNED -> by + "退回";
            case PENDING -> "在审核中";
        };
    }
}
