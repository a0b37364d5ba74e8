package cn.wenzhou.renovation.kernel;

/** An uploaded workbook that is not an .xlsx made from the service's template (400, INVALID_WORKBOOK). */
public class InvalidWorkbookException extends RuntimeException {

    public InvalidWorkbookException(String message) {
        super(message);
    }
}
