package cn.wenzhou.renovation.procedure;

/** Inserted by the rules when a step's milestone is reached, its documents are in hand and the step before is complete. */
public record StepComplete(int step) {}
