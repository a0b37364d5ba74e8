package cn.wenzhou.renovation.kernel;

/** More items, rows or bytes than the configured limit: refused whole, with the limit named (413). */
public class PayloadTooLargeException extends RuntimeException {

    private final String field;

    public PayloadTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
