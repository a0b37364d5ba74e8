package cn.wenzhou.renovation.administration;

import cn.wenzhou.renovation.api.model.TablePreview;
import cn.wenzhou.renovation.api.model.TablePreviewCell;
import cn.wenzhou.renovation.api.model.TablePreviewRow;
import cn.wenzhou.renovation.api.model.TablePreviewSheet;
import cn.wenzhou.renovation.ruleset.engine.RuleWorkbook;
import cn.wenzhou.renovation.workbook.SheetCell;
import cn.wenzhou.renovation.workbook.SheetContent;
import cn.wenzhou.renovation.workbook.WorkbookContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.util.CellReference;

/**
 * A table as the console shows it: each sheet's filled cells by row, as people read them, so that a finding
 * can be highlighted at its cell. Read (by {@link RuleUploads}) with the rule tables' limits; nothing of the
 * workbook runs or is kept.
 */
final class TablePreviews {

    private TablePreviews() {}

    static TablePreview of(String fileName, WorkbookContent content) {
        List<TablePreviewSheet> sheets = new ArrayList<>();
        for (SheetContent sheet : content.sheets()) {
            Map<Integer, List<TablePreviewCell>> byRow = new TreeMap<>();
            for (SheetCell cell : sheet.cells()) {
                String text = RuleWorkbook.text(cell);
                if (!text.isBlank()) {
                    byRow.computeIfAbsent(cell.row(), r -> new ArrayList<>())
                            .add(new TablePreviewCell(
                                    new CellReference(cell.row(), cell.column()).formatAsString(false),
                                    cell.column() + 1,
                                    text));
                }
            }
            List<TablePreviewRow> rows = new ArrayList<>();
            byRow.forEach((row, cells) -> rows.add(new TablePreviewRow(row + 1, cells)));
            sheets.add(new TablePreviewSheet(sheet.name(), rows));
        }
        return new TablePreview(fileName, sheets);
    }
}
