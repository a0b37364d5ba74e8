package cn.wenzhou.renovation.funding;

import cn.wenzhou.renovation.kernel.ExactRatio;

/** Policy parameter from the decision table: the share of self-raised funds that must be in place. */
public record MinimumArrivalRate(ExactRatio minimum) {

    /** As written in the table cell: {@code 3/4}, {@code 75%} or {@code 0.75}. */
    public MinimumArrivalRate(String minimum) {
        this(ExactRatio.parse(minimum));
    }
}
