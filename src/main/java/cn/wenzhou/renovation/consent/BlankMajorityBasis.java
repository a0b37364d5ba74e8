package cn.wenzhou.renovation.consent;

/** Policy parameter from the decision table: what the majority a blank ballot follows is counted over. */
public record BlankMajorityBasis(MajorityBasis basis) {}
