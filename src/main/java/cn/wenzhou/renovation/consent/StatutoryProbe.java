package cn.wenzhou.renovation.consent;

/**
 * Marks an evaluation as the statutory guard's probe rather than a residents' vote: only then do
 * the statute rules state their floors and compare them with the requirements in force.
 */
public record StatutoryProbe() {}
