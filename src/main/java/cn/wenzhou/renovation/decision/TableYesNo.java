package cn.wenzhou.renovation.decision;

/** A 是/否 cell of a decision table; anything else is refused, never read as "no". */
public final class TableYesNo {

    private TableYesNo() {}

    public static boolean parse(String cell) {
        return switch (cell == null ? "" : cell.strip()) {
            case "是" -> true;
            case "否" -> false;
            default -> throw new IllegalArgumentException("单元格应填“是”或“否”，不能是 '" + cell + "'");
        };
    }
}
