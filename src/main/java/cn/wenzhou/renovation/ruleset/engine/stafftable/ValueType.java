package cn.wenzhou.renovation.ruleset.engine.stafftable;

import java.util.Locale;
import java.util.Optional;

/** What a column of a staff table holds, as its form declares it ({@code type: integer}). */
public enum ValueType {
    INTEGER("整数"),
    DECIMAL("数值"),
    SHARE("比例"),
    YES_NO("是/否"),
    DATE("日期"),
    CODE("选项"),
    /** Several choices in one cell, separated by “；” (written back as codes joined by “；”). */
    CODES("多选"),
    TEXT("文字");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    /** How staff call it: 整数, 比例, 是/否… */
    public String label() {
        return label;
    }

    /** Spliced into a template only inside quotes: free text, and the forms a rule parses itself. */
    public boolean quotedInTemplates() {
        return this == TEXT || this == DATE || this == SHARE || this == CODES;
    }

    /** {@code integer}, {@code yes-no}… as a form writes it. */
    public static Optional<ValueType> named(String name) {
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
