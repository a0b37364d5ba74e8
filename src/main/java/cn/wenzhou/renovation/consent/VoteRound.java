package cn.wenzhou.renovation.consent;

/** The two votes the guide holds on a renovation. */
public enum VoteRound {
    /** 征求意见 (guide §3.1, annex 1): consent to renovate at all. */
    FIRST_CONSENT,
    /** 确认改造设计方案 (guide §3.4, annex 2): the vote on the design plan. */
    DESIGN_PLAN
}
