package cn.wenzhou.renovation.workbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * One worksheet's non-empty cells, row by row, and its merged ranges.
 *
 * @param name   the sheet's name as shown on its tab
 * @param cells  non-empty cells in row-major order
 * @param merged merged ranges
 */
public record SheetContent(String name, List<SheetCell> cells, List<CellRangeAddress> merged) {

    public SheetContent {
        cells = List.copyOf(cells);
        merged = List.copyOf(merged);
    }

    public Optional<SheetCell> cell(int row, int column) {
        return Optional.ofNullable(byPosition().get(key(row, column)));
    }

    /** 0-based index of the last row holding a cell, or -1 for an empty sheet. */
    public int lastRow() {
        return cells.isEmpty() ? -1 : cells.get(cells.size() - 1).row();
    }

    private Map<Long, SheetCell> byPosition() {
        Map<Long, SheetCell> index = new java.util.HashMap<>(cells.size() * 2);
        cells.forEach(c -> index.put(key(c.row(), c.column()), c));
        return index;
    }

    private static long key(int row, int column) {
        return ((long) row << 20) | column;
    }
}
