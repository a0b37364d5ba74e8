package cn.wenzhou.renovation.kernel;

import org.springframework.http.HttpStatus;

/** More items, rows or bytes than the configured limit: refused whole, with the limit named (413). */
public class PayloadTooLargeException extends ProblemException {

    private final String field;

    public PayloadTooLargeException(String field, String message) {
        super(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Payload too large",
                ProblemCode.PAYLOAD_TOO_LARGE,
                message,
                new FieldProblem(field, message));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
