package cn.wenzhou.renovation.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal that carries its own RFC 7807 answer: the module that refuses says once what the caller
 * reads, and the web layer writes it as it is without knowing the module.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String title, ProblemCode code, String detail, FieldProblem error) {
        this(Problems.forField(status, title, code, detail, error));
    }

    protected ProblemException(ProblemDetail problem) {
        this(problem, null);
    }

    /** With the failure behind it, which the web layer logs for a 5xx and never shows. */
    protected ProblemException(ProblemDetail problem, Throwable cause) {
        super(HttpStatus.valueOf(problem.getStatus()), problem, cause);
    }

    /** The detail the caller reads, also what a log or a wrapping failure shows. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
