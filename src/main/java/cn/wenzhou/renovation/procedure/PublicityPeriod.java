package cn.wenzhou.renovation.procedure;

import java.time.LocalDate;

/** The vote result's publicity (§3.4): posted on one day, taken down after its last day. */
public record PublicityPeriod(LocalDate postedOn, LocalDate lastDay) {}
