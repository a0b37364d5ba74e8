package cn.wenzhou.renovation.ruleset.versions;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;

/**
 * A jurisdiction's ruleset as served at one moment, with its number among the jurisdiction's kept
 * versions (null when this instance serves rules that were never kept, as in a test context).
 */
public record ServedRuleset(CompiledRuleset ruleset, Integer versionNumber) {}
