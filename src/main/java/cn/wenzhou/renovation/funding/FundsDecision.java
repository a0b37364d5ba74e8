package cn.wenzhou.renovation.funding;

/** The funds gate's answer, inserted by exactly one decision rule. */
public record FundsDecision(String ruleId, boolean ready, String message) {}
