package cn.wenzhou.renovation.ruleset.authoring.diff;

import java.util.List;

/** A rule row of a decision table added, removed or changed by a county, keyed by its rule id. */
public record RowChange(ChangeKind change, String ruleId, int row, List<CellChange> cells) {}
