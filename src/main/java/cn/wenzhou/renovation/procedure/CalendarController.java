package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.api.CalendarApi;
import cn.wenzhou.renovation.api.model.DeadlineResult;
import cn.wenzhou.renovation.api.model.ListedDay;
import cn.wenzhou.renovation.api.model.RangeCount;
import cn.wenzhou.renovation.api.model.WorkingDaysRequest;
import cn.wenzhou.renovation.api.model.WorkingDaysResponse;
import cn.wenzhou.renovation.calendar.CalendarDay;
import cn.wenzhou.renovation.calendar.CalendarNotFoundException;
import cn.wenzhou.renovation.calendar.CalendarVersions;
import cn.wenzhou.renovation.calendar.DateNotCoveredException;
import cn.wenzhou.renovation.calendar.HolidayNoticeForm;
import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.decision.RequestRulesets;
import cn.wenzhou.renovation.kernel.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working-day arithmetic on the official calendar, and the notices it holds. It sits with the procedure
 * because it answers §3.4 publicity questions too; the calendar module stays below both. Counting days
 * is the calendar's job; whether a publicity period is long enough is a rule (§3.4), so that part goes
 * through the ruleset.
 */
@RestController
class CalendarController implements CalendarApi {

    /** Civil Code art. 201, the basis for not counting the start day of a deadline. */
    static final String START_DAY_BASIS = "起算日当日不计入：民法典第二百零一条“按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算”";

    private static final int MAX_RANGE_DAYS = 3660;

    private final RequestRulesets rulesets;
    private final CalendarVersions calendars;
    private final ProcedureService procedure;

    CalendarController(RequestRulesets rulesets, CalendarVersions calendars, ProcedureService procedure) {
        this.rulesets = rulesets;
        this.calendars = calendars;
        this.procedure = procedure;
    }

    @Override
    public ResponseEntity<WorkingDaysResponse> computeWorkingDays(WorkingDaysRequest request, String jurisdiction) {
        if (request.getRange() == null && request.getDeadline() == null && request.getPublicity() == null) {
            throw new InvalidFieldException(
                    "body", "请至少给出 range、deadline、publicity 之一 (give range, deadline or publicity)");
        }
        var ruleset = rulesets.take(jurisdiction);
        OfficialCalendar calendar = calendars.current();
        WorkingDaysResponse response = new WorkingDaysResponse()
                .jurisdiction(ruleset.jurisdiction())
                .rulesetVersion(ruleset.version())
                .calendarFirstYear(calendar.coveredYears().first())
                .calendarLastYear(calendar.coveredYears().last());
        if (request.getRange() != null) {
            response.range(range(
                    calendar, request.getRange().getFrom(), request.getRange().getTo()));
        }
        if (request.getDeadline() != null) {
            LocalDate start = calendar.requireCovered(
                    "deadline.start", request.getDeadline().getStart());
            int days = request.getDeadline().getWorkingDays();
            LocalDate due;
            try {
                due = calendar.workingDayAfter(start, days);
            } catch (DateNotCoveredException beyond) {
                throw beyond.blame("deadline.workingDays");
            }
            response.deadline(new DeadlineResult(start, days, due, START_DAY_BASIS));
        }
        if (request.getPublicity() != null) {
            LocalDate posted = calendar.requireCovered(
                    "publicity.postedOn", request.getPublicity().getPostedOn());
            LocalDate last = calendar.requireCovered(
                    "publicity.lastDay", request.getPublicity().getLastDay());
            if (last.isBefore(posted)) {
                throw new InvalidFieldException("publicity.lastDay", "公示最后一日 " + last + " 早于张贴日 " + posted);
            }
            ProcedureService.PublicityOutcome outcome =
                    procedure.checkPublicity(ruleset, calendar, new PublicityPeriod(posted, last));
            response.publicity(PublicityChecks.toApi(new Reasons(outcome.ruleset()), outcome.finding()));
        }
        return ResponseEntity.ok(response);
    }

    private static RangeCount range(OfficialCalendar calendar, LocalDate from, LocalDate to) {
        calendar.requireCovered("range.from", from);
        calendar.requireCovered("range.to", to);
        if (!calendar.covers(from, to)) {
            throw new DateNotCoveredException(
                    "range.to", LocalDate.of(calendar.firstMissingYearFrom(from), 1, 1), calendar.coveredYears(), from);
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("range.to", "区间终点 " + to + " 早于起点 " + from);
        }
        long calendarDays = ChronoUnit.DAYS.between(from, to) + 1;
        if (calendarDays > MAX_RANGE_DAYS) {
            throw new InvalidFieldException("range.to", "区间最长 " + MAX_RANGE_DAYS + " 天");
        }
        RangeCount count = new RangeCount()
                .from(from)
                .to(to)
                .workingDays(calendar.countWorkingDays(from, to))
                .calendarDays((int) calendarDays);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            calendar.listed(day)
                    .ifPresent(listed -> count.addListedDaysItem(new ListedDay(
                            listed.date(),
                            ListedDay.KindEnum.valueOf(listed.kind().name()),
                            listed.holiday())));
        }
        return count;
    }

    @Override
    public ResponseEntity<Resource> downloadHolidayNotice(String fileName) {
        int year = Integer.parseInt(fileName.substring(0, 4));
        OfficialCalendar calendar = calendars.current();
        if (!calendar.coveredYears().contains(year)) {
            throw new CalendarNotFoundException(
                    "fileName",
                    "日历未收录 " + year + " 年的放假通知（已收录 " + calendar.coveredYears().first() + "–"
                            + calendar.coveredYears().last() + " 年）");
        }
        List<CalendarDay> days = calendar.notice(year).days();
        boolean workbook = fileName.endsWith(".xlsx");
        byte[] content = workbook
                ? HolidayNoticeForm.workbook(days)
                : HolidayNoticeForm.csv(days).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(workbook ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(year + "年放假安排" + (workbook ? ".xlsx" : ".csv"), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new ByteArrayResource(content));
    }

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}
