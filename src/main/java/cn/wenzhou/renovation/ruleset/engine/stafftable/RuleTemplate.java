package cn.wenzhou.renovation.ruleset.engine.stafftable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.template.ObjectDataCompiler;

/**
 * A staff table's Drools rule template ({@code rules/<capability>/<table>.drt}): the rule text a publisher
 * writes once, with {@code @{key}} where a row's value goes. Drools' {@link ObjectDataCompiler} expands it for
 * every row and leaves out each line that names an empty value, which is how a blank condition matches any
 * value. Rows reach it as literals {@link CellReading} made, never as cells.
 */
public final class RuleTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("@\\{([A-Za-z][A-Za-z0-9]*)}");

    private final String text;
    private final List<String> keys;

    private RuleTemplate(String text, List<String> keys) {
        this.text = text;
        this.keys = keys;
    }

    /** The template's header keys: the names its rows are given values under. */
    public List<String> keys() {
        return keys;
    }

    /**
     * Reads a template and checks it against its form: the same keys, and every value read as text (free text,
     * a date, a share) placed only inside quotes, so that no value, whatever it says, is read as rule code.
     */
    public static RuleTemplate parse(String text, TableForm form) throws TableForm.InvalidFormException {
        List<String> lines = text.lines().toList();
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start >= lines.size() || !lines.get(start).strip().equals("template header")) {
            throw new TableForm.InvalidFormException("规则模板应以 “template header” 开头");
        }
        List<String> keys = new ArrayList<>();
        int line = start + 1;
        while (line < lines.size() && !lines.get(line).isBlank()) {
            keys.add(lines.get(line).strip());
            line++;
        }
        Set<String> declared = new LinkedHashSet<>(form.keys());
        if (!declared.equals(new LinkedHashSet<>(keys))) {
            throw new TableForm.InvalidFormException("规则模板的 template header（" + String.join("、", keys)
                    + "）应与表格定义的取值一一对应（" + String.join("、", declared) + "）");
        }
        for (int i = line; i < lines.size(); i++) {
            checkPlacement(lines.get(i), i + 1, form);
        }
        return new RuleTemplate(text, List.copyOf(keys));
    }

    /** The DRL of these rows: each row gives a value (or null, for an empty one) for every key. */
    public String expand(List<Map<String, String>> rows) {
        return new ObjectDataCompiler().compile(rows, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void checkPlacement(String line, int number, TableForm form) {
        Matcher placeholder = PLACEHOLDER.matcher(line);
        while (placeholder.find()) {
            String key = placeholder.group(1);
            boolean textual = key.equals(TableForm.ID_KEY)
                    || form.citations().stream().anyMatch(c -> c.key().equals(key))
                    || form.valueOf(key).map(c -> c.type().quotedInTemplates()).orElse(false);
            if (textual && !insideQuotes(line, placeholder.start())) {
                throw new TableForm.InvalidFormException(
                        "规则模板第 " + number + " 行把文字取值 @{" + key + "} 直接写进了规则：文字、日期和比例只能放在英文双引号内");
            }
        }
    }

    /** Whether an odd number of unescaped double quotes precede {@code at} on the line. */
    private static boolean insideQuotes(String line, int at) {
        boolean inside = false;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                inside = !inside;
            }
        }
        return inside;
    }
}
