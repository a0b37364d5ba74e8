package cn.wenzhou.renovation.calendar;

/** A calendar version or notice year the calendar does not hold, named by the request field that asked for it. */
public class CalendarNotFoundException extends RuntimeException {

    private final String field;

    public CalendarNotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
