package cn.wenzhou.renovation.kernel;

import cn.wenzhou.renovation.api.model.ExactShare;

/** An exact ratio as the API shows it: the reduced fraction, and a display percentage. */
public final class ExactShares {

    private ExactShares() {}

    public static ExactShare of(ExactRatio ratio) {
        return new ExactShare(ratio.fraction()).percent(ratio.percent(2));
    }
}
