package cn.wenzhou.renovation.administration;

/** An upload the user's role does not allow (a rules editor uploading code); a 403 naming the file. */
public class UploadNotPermittedException extends RuntimeException {

    private final String field;

    UploadNotPermittedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
