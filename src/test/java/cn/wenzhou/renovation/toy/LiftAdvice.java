package cn.wenzhou.renovation.toy;

/** What the toy capability's rules conclude, citing the rule that concluded it. */
public record LiftAdvice(String ruleId, boolean offerALift) {}
