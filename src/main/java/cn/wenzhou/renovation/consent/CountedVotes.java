package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.ExactRatio;
import java.math.BigDecimal;

/** The votes after the blank ballots were assigned: what the thresholds are measured on. */
public record CountedVotes(
        BigDecimal totalArea,
        int totalHouseholds,
        BigDecimal agreeingArea,
        int agreeingHouseholds,
        BigDecimal participatingArea,
        int participatingHouseholds) {

    public ExactRatio share(Measure measure) {
        return measure.of(this);
    }

    public BigDecimal part(Measure measure) {
        return measure.part(this);
    }

    public BigDecimal whole(Measure measure) {
        return measure.whole(this);
    }
}
