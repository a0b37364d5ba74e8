package cn.wenzhou.renovation.ruleset.engine.stafftable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One value a staff table holds: a column of a rule table, or one parameter (one row) of a parameter table.
 *
 * @param header   the Chinese column header, or the parameter's name in its row
 * @param key      the rule template's name for the value ({@code @{cutoff}})
 * @param type     how its cells are read
 * @param required a rule without it is refused
 * @param min      smallest allowed number or share, inclusive (2000, 1/2), or null
 * @param max      largest allowed, inclusive, or null
 * @param unit     a unit staff may type after a number (年, 户, 元), or null
 * @param codes    for a {@link ValueType#CODE}: each code and the Chinese label its drop-down shows, in order
 * @param none     the word staff write for "no value" (不限), read as an empty value that a required column accepts;
 *                 or null
 */
public record FormColumn(
        String header,
        String key,
        ValueType type,
        boolean required,
        String min,
        String max,
        String unit,
        Map<String, String> codes,
        String none) {

    public FormColumn {
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }
}
