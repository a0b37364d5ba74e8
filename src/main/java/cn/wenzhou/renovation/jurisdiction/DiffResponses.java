package cn.wenzhou.renovation.jurisdiction;

import cn.wenzhou.renovation.api.model.CellDiff;
import cn.wenzhou.renovation.api.model.ChangeKind;
import cn.wenzhou.renovation.api.model.ColumnDiff;
import cn.wenzhou.renovation.api.model.DrlRuleDiff;
import cn.wenzhou.renovation.api.model.RowDiff;
import cn.wenzhou.renovation.api.model.RulesetChanges;
import cn.wenzhou.renovation.api.model.RulesetFinding;
import cn.wenzhou.renovation.api.model.TableDiff;
import cn.wenzhou.renovation.ruleset.authoring.diff.RulesetDiff;
import cn.wenzhou.renovation.ruleset.authoring.diff.TableChange;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import java.util.List;

/** A diff and rule findings as the API shows them: the county diff and an activation's changes alike. */
public final class DiffResponses {

    private DiffResponses() {}

    public static RulesetChanges changes(RulesetDiff diff) {
        return new RulesetChanges(diff.summary(), tables(diff), rules(diff));
    }

    static List<TableDiff> tables(RulesetDiff diff) {
        return diff.tables().stream().map(DiffResponses::table).toList();
    }

    static List<DrlRuleDiff> rules(RulesetDiff diff) {
        return diff.rules().stream()
                .map(r -> new DrlRuleDiff(kind(r.change()), r.file(), r.countyFile(), r.ruleId())
                        .before(r.before())
                        .after(r.after()))
                .toList();
    }

    public static List<RulesetFinding> findings(List<RuleProblem> problems) {
        return problems.stream()
                .map(p -> new RulesetFinding(p.file(), p.location(), p.message())
                        .sheet(p.sheet())
                        .cell(p.cell())
                        .line(p.line())
                        .technicalDetail(p.technicalDetail()))
                .toList();
    }

    private static TableDiff table(TableChange table) {
        return new TableDiff(
                table.file(),
                table.countyFile(),
                table.sheet(),
                table.table(),
                table.columns().stream()
                        .map(c -> new ColumnDiff(kind(c.change()), c.column())
                                .before(c.before())
                                .after(c.after()))
                        .toList(),
                table.rows().stream()
                        .map(r -> new RowDiff(
                                kind(r.change()),
                                r.ruleId(),
                                r.row(),
                                r.cells().stream()
                                        .map(c -> new CellDiff(c.column(), c.cell())
                                                .before(c.before())
                                                .after(c.after()))
                                        .toList()))
                        .toList());
    }

    private static ChangeKind kind(cn.wenzhou.renovation.ruleset.authoring.diff.ChangeKind change) {
        return ChangeKind.valueOf(change.name());
    }
}
