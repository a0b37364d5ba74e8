package cn.wenzhou.renovation.approval;

/** Inserted once: whether the project falls within the optimized approval scope of §4(一). */
public record OptimizedScope(String ruleId, boolean applies, String message) {}
