package cn.wenzhou.renovation.kernel;

import java.util.List;

/** A well-formed request with an impossible value in one field (e.g. a completion year in the future): a 400. */
public class InvalidFieldException extends ProblemException {

    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(Problems.invalidRequest(ProblemCode.INVALID_FIELD, List.of(new FieldProblem(field, reason))));
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, as its entry in {@code errors} says. */
    @Override
    public String getMessage() {
        return reason;
    }
}
