package cn.wenzhou.renovation.workbook;

import org.apache.poi.ss.util.CellReference;

/**
 * One non-empty cell as stored in the file.
 *
 * @param row           0-based row
 * @param column        0-based column
 * @param kind          what {@code value} is
 * @param value         the stored value: text as written, a number in Java's plain form (2000, 0.9), TRUE/FALSE,
 *                      or an error code; for a formula the cached result, which callers must not trust
 * @param formula       the formula text when the cell is a formula, else null
 * @param richText      the text is made of several formatted runs
 * @param numberFormat  the cell's number format code (General when none)
 * @param dateFormatted the number format shows a date or time (a 9/10 typed into a General cell becomes one)
 *                      ; the number of such a cell is a serial in the 1900 date system even when the
 *                      workbook uses the 1904 one
 */
public record SheetCell(
        int row,
        int column,
        CellKind kind,
        String value,
        String formula,
        boolean richText,
        String numberFormat,
        boolean dateFormatted) {

    /** A1-style address, e.g. D10. */
    public String reference() {
        return new CellReference(row, column).formatAsString(false);
    }

    public boolean isFormula() {
        return formula != null;
    }
}
