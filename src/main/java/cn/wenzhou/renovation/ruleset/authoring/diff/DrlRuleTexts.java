package cn.wenzhou.renovation.ruleset.authoring.diff;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** The rules of a DRL file by name, each as its source text from {@code rule} to {@code end}. */
final class DrlRuleTexts {

    private DrlRuleTexts() {}

    /**
     * Rule name to text, or empty when the file does not parse: a diff of a broken file would report
     * every rule as removed, so the caller lists the file as unreadable instead (the compiler reports
     * the error with its line).
     */
    static Optional<Map<String, String>> of(String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr parsed;
        try {
            parsed = parser.parse(false, new StringReader(drl));
        } catch (DroolsParserException e) {
            return Optional.empty();
        }
        if (parsed == null || parser.hasErrors()) {
            return Optional.empty();
        }
        Map<String, String> rules = new LinkedHashMap<>();
        List<String> lines = drl.lines().toList();
        for (RuleDescr rule : parsed.getRules()) {
            rules.put(rule.getName(), textOf(rule, drl, lines));
        }
        return Optional.of(rules);
    }

    /** By character offsets, so two rules on one line are told apart; by lines where the parser gives no offsets. */
    private static String textOf(RuleDescr rule, String drl, List<String> lines) {
        int start = rule.getStartCharacter();
        int end = rule.getEndCharacter();
        if (start >= 0 && end > start && end <= drl.length()) {
            return drl.substring(start, end).strip();
        }
        int first = Math.max(1, rule.getLine());
        int last = rule.getEndLine() >= first ? Math.min(rule.getEndLine(), lines.size()) : lines.size();
        return String.join("\n", lines.subList(first - 1, last)).strip();
    }

    /** Equal apart from spacing and line breaks: re-indenting a rule is not a change of policy. */
    static boolean sameRule(String before, String after) {
        return normalise(before).equals(normalise(after));
    }

    private static String normalise(String rule) {
        return rule.replaceAll("\\s+", " ").strip();
    }
}
