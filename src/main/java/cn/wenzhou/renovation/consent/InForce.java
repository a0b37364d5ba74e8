package cn.wenzhou.renovation.consent;

/** A legal basis in force on the vote date, established by the legal-basis table. */
public record InForce(LegalBasis basis, String ruleId) {}
