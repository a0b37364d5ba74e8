package cn.wenzhou.renovation.workbook;

/**
 * How much of a workbook the reader accepts before it refuses it. Every limit is checked while
 * reading, before the part, row or string that would exceed it is kept.
 *
 * @param maxSheets          worksheets in the workbook (read or not)
 * @param maxRowsPerSheet    rows of one read sheet (its last row number, 1-based)
 * @param maxColumns         columns of one read sheet (its last column number, 1-based)
 * @param maxCells           non-empty cells over all read sheets (merged ranges count as cells too)
 * @param maxPartBytes       uncompressed bytes of any one part that is read (a sheet, the shared strings…)
 * @param maxTotalBytes      uncompressed bytes of all parts read together
 * @param maxSharedStrings   entries of the shared-string table
 * @param maxCellChars       characters of one cell's text
 */
public record WorkbookLimits(
        int maxSheets,
        int maxRowsPerSheet,
        int maxColumns,
        long maxCells,
        long maxPartBytes,
        long maxTotalBytes,
        int maxSharedStrings,
        int maxCellChars) {}
