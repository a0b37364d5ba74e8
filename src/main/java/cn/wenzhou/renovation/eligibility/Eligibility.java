package cn.wenzhou.renovation.eligibility;

/** The four answers guide §1 can give about a community. */
public enum Eligibility {
    /** 重点改造: built before the cut-off and not slated for shanty renovation or expropriation. */
    PRIORITY_RENOVATION,
    /** 也可纳入改造范围: built after the cut-off, with the deficiencies and the residents' strong wish. */
    MAY_BE_INCLUDED,
    /** Within the guide's scope but failing a condition. */
    NOT_ELIGIBLE,
    /** 不属本次老旧小区改造的范畴: a kind of housing area the guide leaves out. */
    OUT_OF_SCOPE
}
