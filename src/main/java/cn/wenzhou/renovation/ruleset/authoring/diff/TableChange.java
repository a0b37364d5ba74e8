package cn.wenzhou.renovation.ruleset.authoring.diff;

import java.util.List;

/**
 * The changes to one rule table: {@code file} is the base path the county's file stands in for,
 * {@code countyFile} the county's own file.
 */
public record TableChange(
        String file, String countyFile, String sheet, String table, List<ColumnChange> columns, List<RowChange> rows) {}
