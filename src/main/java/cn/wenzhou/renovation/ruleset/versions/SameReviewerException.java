package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** Four eyes: whoever submitted an edit may not approve it. */
public class SameReviewerException extends ProblemException {

    public SameReviewerException(RulesetSubmission submission) {
        super(
                HttpStatus.FORBIDDEN,
                "Forbidden",
                ProblemCode.FORBIDDEN,
                "第 " + submission.number() + " 号提交由您本人提交，须由另一位发布人员审核启用 (four eyes)",
                new FieldProblem("submission", "提交人不能审核启用自己的提交"));
    }
}
