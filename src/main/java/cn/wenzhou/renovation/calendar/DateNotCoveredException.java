package cn.wenzhou.renovation.calendar;

import cn.wenzhou.renovation.kernel.FieldProblem;
import cn.wenzhou.renovation.kernel.ProblemCode;
import cn.wenzhou.renovation.kernel.ProblemException;
import java.time.LocalDate;
import java.util.SortedSet;
import org.springframework.http.HttpStatus;

/** A date in a year whose holiday notice the calendar does not hold: counting it would be a guess. */
public class DateNotCoveredException extends ProblemException {

    private final String field;
    private final LocalDate date;
    private final SortedSet<Integer> coveredYears;
    private final LocalDate countedFrom;

    public DateNotCoveredException(String field, LocalDate date, SortedSet<Integer> coveredYears) {
        this(field, date, coveredYears, null);
    }

    /** A date reached by counting working days from {@code countedFrom}, which the caller can map back to its field. */
    public DateNotCoveredException(
            String field, LocalDate date, SortedSet<Integer> coveredYears, LocalDate countedFrom) {
        super(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "Date outside the holiday calendar",
                ProblemCode.DATE_NOT_IN_CALENDAR,
                refusal(date, coveredYears, countedFrom),
                new FieldProblem(field, refusal(date, coveredYears, countedFrom)));
        this.field = field;
        this.date = date;
        this.coveredYears = coveredYears;
        this.countedFrom = countedFrom;
    }

    private static String refusal(LocalDate date, SortedSet<Integer> coveredYears, LocalDate countedFrom) {
        return (countedFrom == null ? "" : "从 " + countedFrom + " 起计算工作日时到达") + "日期 " + date + " 所在年份 "
                + date.getYear() + " 不在法定节假日日历内（已收录 " + coveredYears.first() + "–" + coveredYears.last()
                + " 年），无法按工作日计算；须由管理人员在管理台“节假日日历”载入《国务院办公厅关于" + date.getYear()
                + "年部分节假日安排的通知》";
    }

    public java.util.Optional<LocalDate> countedFrom() {
        return java.util.Optional.ofNullable(countedFrom);
    }

    /** The same refusal, blamed on the request field that carried the date counting started from. */
    public DateNotCoveredException blame(String requestField) {
        return new DateNotCoveredException(requestField, date, coveredYears, countedFrom);
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /**
     * The calendar refusal behind an engine failure, if that is what it was: a rule that counts past
     * the last covered year fails inside Drools, which wraps the exception.
     */
    public static RuntimeException unwrap(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DateNotCoveredException notCovered) {
                return notCovered;
            }
        }
        return failure;
    }

    public String field() {
        return field;
    }

    public LocalDate date() {
        return date;
    }
}
