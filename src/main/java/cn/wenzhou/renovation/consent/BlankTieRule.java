package cn.wenzhou.renovation.consent;

/** Policy parameter from the decision table: on a tie, whether blank ballots count as agreeing. */
public record BlankTieRule(boolean countsAsAgreeing) {}
