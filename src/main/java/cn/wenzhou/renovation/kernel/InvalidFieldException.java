package cn.wenzhou.renovation.kernel;

/** A well-formed request with an impossible value in one field (e.g. a completion year in the future). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
