package cn.wenzhou.renovation.procedure;

import cn.wenzhou.renovation.decision.FindingEffect;
import cn.wenzhou.renovation.decision.RuleFinding;
import java.time.LocalDate;

/**
 * A working-day period a rule could not count because the holiday calendar lacks a year it reaches:
 * which of the project's dates it needed, the year whose notice is missing, and what the rule would
 * have decided with it. The rest of the answer stands.
 */
public record UncountedPeriod(String ruleId, ProjectDate needs, LocalDate date, int missingYear, String message)
        implements RuleFinding {

    /** The project dates a procedure period is counted from or to, as the request names them. */
    public enum ProjectDate {
        SITE_SURVEY_ON("siteSurveyOn"),
        PUBLICITY_POSTED_ON("publicityPostedOn"),
        PUBLICITY_LAST_DAY("publicityLastDay");

        private final String requestField;

        ProjectDate(String requestField) {
            this.requestField = requestField;
        }

        public String requestField() {
            return requestField;
        }
    }

    @Override
    public FindingEffect effect() {
        return FindingEffect.NOT_DETERMINED;
    }
}
