package cn.wenzhou.renovation.kernel;

import java.util.List;

/** An uploaded workbook that is not an .xlsx made from the service's template (400, INVALID_WORKBOOK). */
public class InvalidWorkbookException extends ProblemException {

    private final String reason;

    public InvalidWorkbookException(String reason) {
        super(Problems.invalidRequest(ProblemCode.INVALID_WORKBOOK, List.of(new FieldProblem("body", reason))));
        this.reason = reason;
    }

    /** What is wrong with the workbook, as its entry in {@code errors} says. */
    @Override
    public String getMessage() {
        return reason;
    }
}
