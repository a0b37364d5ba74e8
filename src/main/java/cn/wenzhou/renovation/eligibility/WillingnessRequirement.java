package cn.wenzhou.renovation.eligibility;

/** Policy parameter from the decision table: whether a post-cut-off community needs strong resident willingness. */
public record WillingnessRequirement(boolean required) {}
