package cn.wenzhou.renovation.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import cn.wenzhou.renovation.api.CalendarApi;
import cn.wenzhou.renovation.api.model.DeadlineResult;
import cn.wenzhou.renovation.api.model.ListedDay;
import cn.wenzhou.renovation.api.model.RangeCount;
import cn.wenzhou.renovation.api.model.WorkingDaysRequest;
import cn.wenzhou.renovation.api.model.WorkingDaysResponse;
import cn.wenzhou.renovation.decision.Reasons;
import cn.wenzhou.renovation.procedure.ProcedureService;
import cn.wenzhou.renovation.procedure.PublicityChecks;
import cn.wenzhou.renovation.procedure.PublicityPeriod;
import cn.wenzhou.renovation.web.InvalidFieldException;

/**
 * Working-day arithmetic on the official calendar. Counting days is the calendar's job; whether a
 * publicity period is long enough is a rule (§3.4), so that part goes through the ruleset.
 */
@RestController
class CalendarController implements CalendarApi {

    /** Civil Code art. 201, the basis for not counting the start day of a deadline. */
    static final String START_DAY_BASIS = "起算日当日不计入：民法典第二百零一条“按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算”";

    private static final int MAX_RANGE_DAYS = 3660;

    private final OfficialCalendar calendar;
    private final ProcedureService procedure;

    CalendarController(OfficialCalendar calendar, ProcedureService procedure) {
        this.calendar = calendar;
        this.procedure = procedure;
    }

    @Override
    public ResponseEntity<WorkingDaysResponse> computeWorkingDays(WorkingDaysRequest request, String jurisdiction) {
        if (request.getRange() == null && request.getDeadline() == null && request.getPublicity() == null) {
            throw new InvalidFieldException("body", "请至少给出 range、deadline、publicity 之一 (give range, deadline or publicity)");
        }
        var ruleset = procedure.ruleset(jurisdiction);
        WorkingDaysResponse response = new WorkingDaysResponse()
                .jurisdiction(ruleset.jurisdiction())
                .rulesetVersion(ruleset.version())
                .calendarFirstYear(calendar.coveredYears().first())
                .calendarLastYear(calendar.coveredYears().last());
        if (request.getRange() != null) {
            response.range(range(request.getRange().getFrom(), request.getRange().getTo()));
        }
        if (request.getDeadline() != null) {
            LocalDate start = calendar.requireCovered("deadline.start", request.getDeadline().getStart());
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
            LocalDate posted = calendar.requireCovered("publicity.postedOn", request.getPublicity().getPostedOn());
            LocalDate last = calendar.requireCovered("publicity.lastDay", request.getPublicity().getLastDay());
            if (last.isBefore(posted)) {
                throw new InvalidFieldException("publicity.lastDay", "公示最后一日 " + last + " 早于张贴日 " + posted);
            }
            ProcedureService.PublicityOutcome outcome = procedure.checkPublicity(ruleset, new PublicityPeriod(posted, last));
            response.publicity(PublicityChecks.toApi(new Reasons(outcome.ruleset()), outcome.finding()));
        }
        return ResponseEntity.ok(response);
    }

    private RangeCount range(LocalDate from, LocalDate to) {
        calendar.requireCovered("range.from", from);
        calendar.requireCovered("range.to", to);
        if (!calendar.covers(from, to)) {
            throw new DateNotCoveredException("range.to", LocalDate.of(calendar.firstMissingYearFrom(from), 1, 1),
                    calendar.coveredYears(), from);
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
            calendar.listed(day).ifPresent(listed -> count.addListedDaysItem(new ListedDay(listed.date(),
                    ListedDay.KindEnum.valueOf(listed.kind().name()), listed.holiday())));
        }
        return count;
    }
}
