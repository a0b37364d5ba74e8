package cn.wenzhou.renovation.eligibility;

/** The overall answer, inserted by exactly one of the decision rules. */
public record EligibilityDecision(String ruleId, Eligibility eligibility, String message) {}
