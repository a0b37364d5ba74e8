package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.ExactRatio;
import java.time.LocalDate;

/**
 * A minimum share the law itself sets for a renovation vote held within its dates (from and to
 * inclusive, {@code null} for open). Stated by the statute rules under {@code rules/statute/}, which a
 * county variant cannot replace; its own consent table may ask for more, never for less.
 */
public record StatutoryFloor(
        String ruleId, String statute, LocalDate from, LocalDate to, Measure measure, ExactRatio minimum) {

    /** As the statute rules write it: ISO dates (or {@code null}) and a share such as {@code 3/4}. */
    public StatutoryFloor(String ruleId, String statute, String from, String to, Measure measure, String minimum) {
        this(
                ruleId,
                statute,
                from == null ? null : LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to),
                measure,
                ExactRatio.parse(minimum));
    }

    public boolean appliesOn(LocalDate voteDate) {
        return (from == null || !voteDate.isBefore(from)) && (to == null || !voteDate.isAfter(to));
    }
}
