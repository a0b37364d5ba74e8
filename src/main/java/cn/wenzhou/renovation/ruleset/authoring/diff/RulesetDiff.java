package cn.wenzhou.renovation.ruleset.authoring.diff;

import cn.wenzhou.renovation.ruleset.engine.RuleFile;
import cn.wenzhou.renovation.ruleset.engine.RuleProblem;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.ruleset.engine.stafftable.CaseForm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A county variant against the base: per decision table, the rows added, removed and changed with
 * old and new cell values; per DRL file, the rules added, removed and changed by name. Files the
 * county does not have are inherited and do not appear. A county file that cannot be read is listed
 * in {@code unreadable} rather than guessed at.
 */
public record RulesetDiff(
        String jurisdiction,
        String base,
        List<TableChange> tables,
        List<DrlRuleChange> rules,
        List<RuleProblem> unreadable) {

    public static RulesetDiff between(RulesetSources base, RulesetSources county) {
        String code = county.jurisdiction().code();
        Map<String, RuleFile> baseFiles = byPath(base.files());
        List<FileChange> changes = new ArrayList<>();
        for (RuleFile countyFile : county.files()) {
            String basePath = RulesetSources.basePath(code, countyFile.path());
            if (!basePath.equals(countyFile.path())) { // otherwise inherited from the base unchanged
                changes.add(new FileChange(basePath, baseFiles.get(basePath), countyFile));
            }
        }
        return compare(code, base.jurisdiction().code(), changes);
    }

    /**
     * An edit of one jurisdiction's own files against the files it serves now: what an activation
     * would change. Files with the same bytes are not compared. {@code before} may hold the base's files
     * besides a county's own: a county's first copy of a base table is then compared with the base's
     * table it overrides (「取值 2000 → 2005」), not listed as a table of new rules.
     */
    public static RulesetDiff ofEdit(String jurisdiction, List<RuleFile> before, List<RuleFile> after) {
        Map<String, RuleFile> old = new LinkedHashMap<>();
        for (RuleFile file : before) {
            String shownAs = RulesetSources.basePath(jurisdiction, file.path());
            boolean override = !shownAs.equals(file.path());
            old.merge(shownAs, file, (kept, other) -> override ? other : kept);
        }
        List<FileChange> changes = new ArrayList<>();
        for (RuleFile file : after) {
            RuleFile previous = old.get(RulesetSources.basePath(jurisdiction, file.path()));
            if (previous == null || !java.util.Arrays.equals(previous.content(), file.content())) {
                changes.add(new FileChange(RulesetSources.basePath(jurisdiction, file.path()), previous, file));
            }
        }
        return compare(jurisdiction, jurisdiction, changes);
    }

    /** One file compared: the path it is shown under, its old version (or none) and its new one. */
    private record FileChange(String shownAs, RuleFile before, RuleFile after) {}

    private static Map<String, RuleFile> byPath(List<RuleFile> files) {
        return files.stream()
                .collect(Collectors.toMap(RuleFile::path, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private static RulesetDiff compare(String jurisdiction, String base, List<FileChange> changes) {
        List<TableChange> tables = new ArrayList<>();
        List<DrlRuleChange> rules = new ArrayList<>();
        List<RuleProblem> unreadable = new ArrayList<>();
        for (FileChange change : changes) {
            RuleFile file = change.after();
            // A workbook is a staff table (data only); one without its form is refused when compiled.
            if (file.isSpreadsheet()) {
                try {
                    tables.addAll(tableChanges(change.shownAs(), file, change.before()));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(RuleProblem.inFile(file.path(), "无法读取电子表格，不能比较: " + e.getMessage()));
                }
            } else if (file.isDrl()) {
                ruleChanges(change.shownAs(), file, change.before())
                        .ifPresentOrElse(
                                rules::addAll,
                                () -> unreadable.add(RuleProblem.inFile(file.path(), "DRL 无法解析，不能按规则比较（编译时会给出出错的行）")));
            }
        }
        return new RulesetDiff(jurisdiction, base, tables, rules, unreadable);
    }

    /** One line per change, as a policy officer would say it. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (TableChange table : tables) {
            String where = fileName(table.file()) + " 工作表「" + table.sheet() + "」";
            for (ColumnChange column : table.columns()) {
                lines.add(where + " " + column.change().label() + "列「" + column.column() + "」"
                        + (column.change() == ChangeKind.CHANGED
                                ? "：模板 " + column.before() + " → " + column.after()
                                : ""));
            }
            // A workbook of golden cases: its rows are cases, an added or removed one named by its 用例说明.
            boolean cases = CaseForm.isCaseWorkbook(table.file());
            for (RowChange row : table.rows()) {
                String cells = cases && row.change() != ChangeKind.CHANGED
                        ? row.cells().stream()
                                .filter(c -> c.column().equals(CaseForm.NAME_HEADER))
                                .map(c -> value(row.change() == ChangeKind.ADDED ? c.after() : c.before()))
                                .collect(Collectors.joining())
                        : switch (row.change()) {
                            case CHANGED ->
                                row.cells().stream()
                                        .map(c -> c.column() + " " + value(c.before()) + " → " + value(c.after()))
                                        .collect(Collectors.joining("；"));
                            case ADDED ->
                                row.cells().stream()
                                        .filter(CellChange::decides)
                                        .map(c -> c.column() + " " + value(c.after()))
                                        .collect(Collectors.joining("；"));
                            case REMOVED ->
                                row.cells().stream()
                                        .filter(CellChange::decides)
                                        .map(c -> c.column() + " " + value(c.before()))
                                        .collect(Collectors.joining("；"));
                        };
                lines.add(where + " " + row.change().label() + (cases ? "用例 " : "规则 ") + row.ruleId()
                        + (cells.isEmpty() ? "" : "：" + cells));
            }
        }
        for (DrlRuleChange rule : rules) {
            lines.add(fileName(rule.file()) + " " + rule.change().label() + "规则 " + rule.ruleId());
        }
        unreadable.forEach(p -> lines.add(p.toString()));
        return lines;
    }

    public boolean isEmpty() {
        return tables.isEmpty() && rules.isEmpty() && unreadable.isEmpty();
    }

    private static List<TableChange> tableChanges(String basePath, RuleFile countyFile, RuleFile baseFile)
            throws IOException {
        Map<String, RuleTableContent> before =
                byTable(baseFile == null ? List.of() : RuleTableContent.read(baseFile.content()));
        Map<String, RuleTableContent> after = byTable(RuleTableContent.read(countyFile.content()));
        List<TableChange> changes = new ArrayList<>();
        for (Map.Entry<String, RuleTableContent> entry : after.entrySet()) {
            RuleTableContent old = before.get(entry.getKey());
            TableChange change = compare(basePath, countyFile.path(), old, entry.getValue());
            if (!change.columns().isEmpty() || !change.rows().isEmpty()) {
                changes.add(change);
            }
        }
        for (Map.Entry<String, RuleTableContent> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                RuleTableContent old = entry.getValue();
                List<RowChange> removed = old.rows().values().stream()
                        .map(row -> new RowChange(
                                ChangeKind.REMOVED, row.key(), row.excelRow(), cells(row, ChangeKind.REMOVED)))
                        .toList();
                changes.add(new TableChange(basePath, countyFile.path(), old.sheet(), old.name(), List.of(), removed));
            }
        }
        return changes;
    }

    private static Map<String, RuleTableContent> byTable(List<RuleTableContent> tables) {
        Map<String, RuleTableContent> byKey = new LinkedHashMap<>();
        tables.forEach(t -> byKey.putIfAbsent(t.sheet() + "\u0000" + t.name(), t));
        return byKey;
    }

    private static TableChange compare(
            String basePath, String countyPath, RuleTableContent before, RuleTableContent after) {
        List<ColumnChange> columns = new ArrayList<>();
        Map<String, RuleTableContent.Column> oldColumns = new LinkedHashMap<>();
        if (before != null) {
            before.columns().forEach(c -> oldColumns.put(c.heading(), c));
            for (RuleTableContent.Column column : after.columns()) {
                RuleTableContent.Column old = oldColumns.get(column.heading());
                if (old == null) {
                    columns.add(new ColumnChange(ChangeKind.ADDED, column.heading(), null, column.template()));
                } else if (!old.template().equals(column.template())) {
                    columns.add(
                            new ColumnChange(ChangeKind.CHANGED, column.heading(), old.template(), column.template()));
                }
            }
            for (RuleTableContent.Column old : before.columns()) {
                if (after.columns().stream().noneMatch(c -> c.heading().equals(old.heading()))) {
                    columns.add(new ColumnChange(ChangeKind.REMOVED, old.heading(), old.template(), null));
                }
            }
        }
        Map<String, RuleTableContent.TableRow> oldRows = before == null ? Map.of() : before.rows();
        List<RowChange> rows = new ArrayList<>();
        for (RuleTableContent.TableRow row : after.rows().values()) {
            RuleTableContent.TableRow old = oldRows.get(row.key());
            if (old == null) {
                rows.add(new RowChange(ChangeKind.ADDED, row.key(), row.excelRow(), cells(row, ChangeKind.ADDED)));
                continue;
            }
            List<CellChange> cells = changedCells(old, row);
            if (!cells.isEmpty()) {
                rows.add(new RowChange(ChangeKind.CHANGED, row.key(), row.excelRow(), cells));
            }
        }
        for (RuleTableContent.TableRow old : oldRows.values()) {
            if (!after.rows().containsKey(old.key())) {
                rows.add(new RowChange(ChangeKind.REMOVED, old.key(), old.excelRow(), cells(old, ChangeKind.REMOVED)));
            }
        }
        return new TableChange(basePath, countyPath, after.sheet(), after.name(), columns, rows);
    }

    private static List<CellChange> cells(RuleTableContent.TableRow row, ChangeKind change) {
        return row.cells().entrySet().stream()
                .map(e -> change == ChangeKind.ADDED
                        ? new CellChange(
                                e.getKey(),
                                e.getValue().keyword(),
                                e.getValue().reference(),
                                null,
                                e.getValue().text())
                        : new CellChange(
                                e.getKey(),
                                e.getValue().keyword(),
                                e.getValue().reference(),
                                e.getValue().text(),
                                null))
                .toList();
    }

    private static List<CellChange> changedCells(RuleTableContent.TableRow before, RuleTableContent.TableRow after) {
        List<String> headings = new ArrayList<>(after.cells().keySet());
        before.cells().keySet().stream().filter(h -> !headings.contains(h)).forEach(headings::add);
        List<CellChange> changes = new ArrayList<>();
        for (String heading : headings) {
            RuleTableContent.TableRow.Cell old = before.cells().get(heading);
            RuleTableContent.TableRow.Cell now = after.cells().get(heading);
            String oldText = old == null ? null : old.text();
            String newText = now == null ? null : now.text();
            if (!Objects.equals(oldText, newText)) {
                RuleTableContent.TableRow.Cell either = now != null ? now : old;
                changes.add(new CellChange(heading, either.keyword(), either.reference(), oldText, newText));
            }
        }
        return changes;
    }

    private static Optional<List<DrlRuleChange>> ruleChanges(String basePath, RuleFile countyFile, RuleFile baseFile) {
        Map<String, String> before = baseFile == null
                ? Map.of()
                : DrlRuleTexts.of(new String(baseFile.content(), StandardCharsets.UTF_8))
                        .orElse(Map.of());
        Optional<Map<String, String>> parsed =
                DrlRuleTexts.of(new String(countyFile.content(), StandardCharsets.UTF_8));
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> after = parsed.get();
        List<DrlRuleChange> changes = new ArrayList<>();
        after.forEach((name, text) -> {
            String old = before.get(name);
            if (old == null) {
                changes.add(new DrlRuleChange(ChangeKind.ADDED, basePath, countyFile.path(), name, null, text));
            } else if (!DrlRuleTexts.sameRule(old, text)) {
                changes.add(new DrlRuleChange(ChangeKind.CHANGED, basePath, countyFile.path(), name, old, text));
            }
        });
        before.forEach((name, text) -> {
            if (!after.containsKey(name)) {
                changes.add(new DrlRuleChange(ChangeKind.REMOVED, basePath, countyFile.path(), name, text, null));
            }
        });
        return Optional.of(changes);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String value(String text) {
        return text == null ? "（空白）" : text;
    }
}
