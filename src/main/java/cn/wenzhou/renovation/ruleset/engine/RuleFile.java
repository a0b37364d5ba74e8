package cn.wenzhou.renovation.ruleset.engine;

import java.util.Locale;

/**
 * One source file of a ruleset: its path relative to the ruleset root (for example
 * {@code decision-tables/eligibility/scope-parameters.xlsx}) and its bytes.
 */
public record RuleFile(String path, byte[] content) {

    public boolean isDrl() {
        return lowerCasePath().endsWith(".drl");
    }

    /** A workbook: a staff table when its form is beside the rules. */
    public boolean isSpreadsheet() {
        String lower = lowerCasePath();
        return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    /** A Drools spreadsheet ({@code *.drl.xlsx}), the table format before staff tables: no longer read. */
    public boolean isDroolsSpreadsheet() {
        String lower = lowerCasePath();
        return lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
    }

    private String lowerCasePath() {
        return path.toLowerCase(Locale.ROOT);
    }
}
