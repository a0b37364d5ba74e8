package cn.wenzhou.renovation.consent;

/** Whether the consent is sufficient under every rule in force on the vote date; one decision rule inserts it. */
public record ConsentDecision(String ruleId, boolean sufficient, String message) {}
