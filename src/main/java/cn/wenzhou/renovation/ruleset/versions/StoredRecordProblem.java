package cn.wenzhou.renovation.ruleset.versions;

/**
 * A kept record the store could not read and skipped (a torn audit line, a garbled version.json):
 * where it is (file and line) and what is wrong, for the log and the versions listing.
 */
public record StoredRecordProblem(String where, String problem) {}
