package cn.wenzhou.renovation.calendar;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import org.springframework.http.HttpStatus;

/** A calendar version or notice year the calendar does not hold, named by the request field that asked for it. */
public class CalendarNotFoundException extends ProblemException {

    private final String field;

    public CalendarNotFoundException(String field, String message) {
        super(HttpStatus.NOT_FOUND, "Not found", ProblemCode.NOT_FOUND, message, new FieldProblem(field, message));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
