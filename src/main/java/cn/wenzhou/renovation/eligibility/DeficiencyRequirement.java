package cn.wenzhou.renovation.eligibility;

/** Policy parameter from the decision table: how many of the three deficiencies a post-cut-off community needs. */
public record DeficiencyRequirement(int minimumCount) {}
