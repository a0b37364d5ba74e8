package cn.wenzhou.renovation.eligibility;

/** Policy parameter from the decision table: the last completion year counted as built before the cut-off (§1 "2000年前建成"). */
public record PriorityCutoff(int lastCompletionYear) {}
