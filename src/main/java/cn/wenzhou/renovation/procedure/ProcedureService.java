package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.calendar.CalendarVersions;
import cn.wenzhou.renovation.calendar.DateNotCoveredException;
import cn.wenzhou.renovation.calendar.OfficialCalendar;
import cn.wenzhou.renovation.ruleset.engine.Capability;
import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Runs the §3 procedure rules and the §3.4 publicity rule with a given ruleset and the calendar in force. */
@Service
public class ProcedureService {

    /** The capability this module decides: its rule packages and KieBase. */
    static final Capability CAPABILITY = Capability.of(ProcedureService.class);

    private final CalendarVersions calendars;

    public ProcedureService(CalendarVersions calendars) {
        this.calendars = calendars;
    }

    /** Evaluates with the ruleset the request already took, so one request never mixes two versions. */
    public ProcedureStatus status(
            CompiledRuleset ruleset, ProjectProgress progress, Optional<PublicityPeriod> publicity) {
        try {
            return ProcedureStatus.of(ruleset, calendars.current(), progress, publicity);
        } catch (RuntimeException failure) {
            RuntimeException cause = DateNotCoveredException.unwrap(failure);
            if (cause instanceof DateNotCoveredException notCovered
                    && notCovered.countedFrom().isPresent()) {
                // Periods are counted from the publicity's posting day (always) and from the site survey
                // (while replies are outstanding): blame the field the count started from.
                LocalDate from = notCovered.countedFrom().get();
                boolean fromPublicity = publicity
                        .map(PublicityPeriod::postedOn)
                        .filter(from::equals)
                        .isPresent();
                throw notCovered.blame(fromPublicity ? "publicityPostedOn" : "siteSurveyOn");
            }
            throw cause;
        }
    }

    /** Whether one publicity period is long enough (guide §3.4), as the rules count it. */
    public PublicityOutcome checkPublicity(CompiledRuleset ruleset, OfficialCalendar calendar, PublicityPeriod period) {
        try {
            PublicityFinding finding = ruleset.answer(
                    CAPABILITY,
                    List.of(calendar, period),
                    answers -> answers.single("publicity findings", PublicityFinding.class));
            return new PublicityOutcome(ruleset, finding);
        } catch (RuntimeException failure) {
            RuntimeException cause = DateNotCoveredException.unwrap(failure);
            throw cause instanceof DateNotCoveredException notCovered ? notCovered.blame("publicity.postedOn") : cause;
        }
    }

    public record PublicityOutcome(CompiledRuleset ruleset, PublicityFinding finding) {}
}
