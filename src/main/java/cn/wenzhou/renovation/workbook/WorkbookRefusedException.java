package cn.wenzhou.renovation.workbook;

/**
 * A workbook the reader will not read: not an .xlsx package, over a limit, or malformed. The reason
 * is Chinese for the person who sent it; {@code sheet} and {@code cell} say where when known.
 */
public final class WorkbookRefusedException extends Exception {

    private final String reason;
    private final String sheet;
    private final String cell;

    public WorkbookRefusedException(String reason, String sheet, String cell) {
        super(reason);
        this.reason = reason;
        this.sheet = sheet;
        this.cell = cell;
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
}
