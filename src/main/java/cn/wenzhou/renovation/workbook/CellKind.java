package cn.wenzhou.renovation.workbook;

/** What a cell holds as stored in the file (for a formula: its cached result). */
public enum CellKind {
    TEXT,
    NUMBER,
    BOOLEAN,
    ERROR
}
