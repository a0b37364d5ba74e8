package cn.wenzhou.renovation.consent;

/** What "the majority" of residents is counted over, when a blank ballot follows it. */
public enum MajorityBasis {
    /** Households that marked agree or disagree. */
    HOUSEHOLDS,
    /** Exclusive floor area of the households that marked agree or disagree. */
    AREA
}
