package cn.wenzhou.renovation.ruleset.diff;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** The rules of a DRL file by name, each as its source text from {@code rule} to {@code end}. */
final class DrlRuleTexts {

    private DrlRuleTexts() {
    }

    /** Rule name to text; empty when the file does not parse (the compiler reports that, with its line). */
    static Map<String, String> of(String drl) {
        Map<String, String> rules = new LinkedHashMap<>();
        PackageDescr parsed;
        try {
            parsed = new DrlParser().parse(false, new StringReader(drl));
        } catch (DroolsParserException e) {
            return rules;
        }
        if (parsed == null) {
            return rules;
        }
        List<String> lines = drl.lines().toList();
        for (RuleDescr rule : parsed.getRules()) {
            int first = Math.max(1, rule.getLine());
            int last = rule.getEndLine() >= first ? Math.min(rule.getEndLine(), lines.size()) : lines.size();
            rules.put(rule.getName(), String.join("\n", lines.subList(first - 1, last)).strip());
        }
        return rules;
    }

    /** Equal apart from spacing and line breaks: re-indenting a rule is not a change of policy. */
    static boolean sameRule(String before, String after) {
        return normalise(before).equals(normalise(after));
    }

    private static String normalise(String rule) {
        return rule.replaceAll("\\s+", " ").strip();
    }
}
