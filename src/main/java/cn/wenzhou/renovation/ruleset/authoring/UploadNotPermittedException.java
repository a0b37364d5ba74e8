package cn.wenzhou.renovation.ruleset.authoring;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** An upload the user's role does not allow (a rules editor uploading code); a 403 naming the file. */
public class UploadNotPermittedException extends ProblemException {

    private final String field;

    UploadNotPermittedException(String field, String message) {
        super(HttpStatus.FORBIDDEN, "Forbidden", ProblemCode.FORBIDDEN, message, new FieldProblem(field, message));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
