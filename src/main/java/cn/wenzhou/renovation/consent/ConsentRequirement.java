package cn.wenzhou.renovation.consent;

import cn.wenzhou.renovation.kernel.ExactRatio;

/** One minimum share a legal basis in force requires, from a row of the requirements table. */
public record ConsentRequirement(String ruleId, LegalBasis basis, Measure measure, ExactRatio minimum) {

    /** As written in the table cell: {@code 2/3}, {@code 3/4}, {@code 75%}. */
    public ConsentRequirement(String ruleId, LegalBasis basis, Measure measure, String minimum) {
        this(ruleId, basis, measure, ExactRatio.parse(minimum));
    }

    /** This requirement alone guarantees the statutory floor: its share bounds the floor's, and its minimum is no lower. */
    public boolean meets(StatutoryFloor floor) {
        return measure.bounds(floor.measure()) && minimum.isAtLeast(floor.minimum());
    }
}
