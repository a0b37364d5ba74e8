package cn.wenzhou.renovation.workbook;

import java.util.List;
import java.util.Optional;

/**
 * What was read of a workbook.
 *
 * @param sheetNames    every worksheet's name in tab order, read or not
 * @param sheets        the worksheets that were read, in tab order
 * @param activeContent parts that run code or fetch data when the workbook is opened (macros, external
 *                      links, DDE links, ActiveX, embedded objects, data connections), by part name, and the
 *                      DDE formulas of the sheets read as {@code <sheet part>#<cell>} (e.g.
 *                      {@code xl/worksheets/sheet1.xml#C7}); callers refuse a workbook that has any
 */
public record WorkbookContent(List<String> sheetNames, List<SheetContent> sheets, List<String> activeContent) {

    public WorkbookContent {
        sheetNames = List.copyOf(sheetNames);
        sheets = List.copyOf(sheets);
        activeContent = List.copyOf(activeContent);
    }

    public Optional<SheetContent> sheet(String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
