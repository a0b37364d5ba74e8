package cn.wenzhou.renovation.procedure;

/** A step's own outcome is reached (a vote passed, a permit granted); its documents are checked separately. */
public record MilestoneReached(String ruleId, int step, String message) {}
