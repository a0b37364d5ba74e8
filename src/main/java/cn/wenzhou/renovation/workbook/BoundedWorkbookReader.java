package cn.wenzhou.renovation.workbook;

import java.util.function.Predicate;

/**
 * Reads an .xlsx package with bounded memory: the ZIP is opened in place (no part inflated until it
 * is read), every part read is parsed by a streaming, XXE-safe XML reader, and each limit of
 * {@link WorkbookLimits} is checked before what would exceed it is kept. Sheets not selected are
 * never inflated.
 */
public final class BoundedWorkbookReader {

    private BoundedWorkbookReader() {
    }

    /** Reads the selected sheets (by name) of the workbook. */
    public static WorkbookContent read(byte[] xlsx, WorkbookLimits limits, Predicate<String> sheetSelected)
            throws WorkbookRefusedException {
        throw new UnsupportedOperationException("being implemented on branch issue17-inventory");
    }
}
