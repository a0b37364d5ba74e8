package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A review named a submission the jurisdiction never received. */
public class UnknownSubmissionException extends ProblemException {

    public UnknownSubmissionException(String jurisdiction, int number) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown submission",
                ProblemCode.UNKNOWN_SUBMISSION,
                "辖区 " + jurisdiction + " 没有第 " + number + " 号提交 (no such submission)",
                new FieldProblem("submission", "没有第 " + number + " 号提交"));
    }
}
