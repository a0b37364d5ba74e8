package cn.wenzhou.renovation.decision;

import java.util.List;

/**
 * One input column of the districts' Excel inventory: the JSON path it fills in its part of an assessment
 * item (e.g. {@code completionYear}, {@code counts.agreeingArea}), its Chinese heading, and how its cells
 * are read.
 */
public record InventoryColumn(String path, String heading, Kind kind, List<String> choices) {

    public enum Kind {
        TEXT,
        INTEGER,
        DECIMAL,
        YES_NO,
        DATE,
        CHOICE
    }

    public InventoryColumn {
        choices = List.copyOf(choices);
    }

    public static InventoryColumn of(String path, String heading, Kind kind) {
        return new InventoryColumn(path, heading, kind, kind == Kind.YES_NO ? List.of("是", "否") : List.of());
    }

    public static InventoryColumn choice(String path, String heading, List<String> choices) {
        return new InventoryColumn(path, heading, Kind.CHOICE, choices);
    }

    /** The same column under {@code part}: its path as a whole assessment item names it. */
    public InventoryColumn under(String part) {
        return new InventoryColumn(part + "." + path, heading, kind, choices);
    }
}
