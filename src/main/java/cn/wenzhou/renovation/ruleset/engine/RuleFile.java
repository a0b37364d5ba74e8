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

    /** A spreadsheet Drools compiles: {@code *.drl.xlsx} or {@code *.drl.xls}. */
    public boolean isDecisionTable() {
        String lower = lowerCasePath();
        return lower.endsWith(".drl.xlsx") || lower.endsWith(".drl.xls");
    }

    /** A spreadsheet without the {@code .drl.} infix: Drools would silently skip it. */
    public boolean isMisnamedSpreadsheet() {
        String lower = lowerCasePath();
        return (lower.endsWith(".xlsx") || lower.endsWith(".xls")) && !isDecisionTable();
    }

    private String lowerCasePath() {
        return path.toLowerCase(Locale.ROOT);
    }
}
