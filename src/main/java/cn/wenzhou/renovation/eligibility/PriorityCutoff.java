package cn.wenzhou.renovation.eligibility;

/** Policy parameter from the decision table: the last completion year counted as "built before 2000". */
public record PriorityCutoff(int lastCompletionYear) {
}
