package cn.wenzhou.renovation.eligibility;

/** Policy parameter from the decision table: a planned expropriation this many years ahead or sooner excludes. */
public record ExpropriationWindow(int years) {}
