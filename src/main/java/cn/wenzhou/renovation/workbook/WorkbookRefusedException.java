package cn.wenzhou.renovation.workbook;

/**
 * A workbook the reader will not read: not an .xlsx package, over a limit, or malformed. The reason
 * is Chinese for the person who sent it; {@code sheet} and {@code cell} say where when known.
 */
public final class WorkbookRefusedException extends Exception {

    private final String reason;
    private final String sheet;
    private final String cell;
    private final boolean overLimit;

    public WorkbookRefusedException(String reason, String sheet, String cell) {
        this(reason, sheet, cell, false);
    }

    private WorkbookRefusedException(String reason, String sheet, String cell, boolean overLimit) {
        super(reason);
        this.reason = reason;
        this.sheet = sheet;
        this.cell = cell;
        this.overLimit = overLimit;
    }

    /** Refused for its size (a limit of {@link WorkbookLimits}), not for what it holds: a 413 rather than a 400. */
    public static WorkbookRefusedException overLimit(String reason, String sheet, String cell) {
        return new WorkbookRefusedException(reason, sheet, cell, true);
    }

    public WorkbookRefusedException(String reason) {
        this(reason, null, null);
    }

    public String reason() {
        return reason;
    }

    public String sheet() {
        return sheet;
    }

    public String cell() {
        return cell;
    }

    public boolean isOverLimit() {
        return overLimit;
    }
}
