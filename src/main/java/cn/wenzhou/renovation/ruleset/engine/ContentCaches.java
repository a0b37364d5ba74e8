package cn.wenzhou.renovation.ruleset.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Map;

/**
 * What is derived from rule files, one cache per kind, each keyed by the content hash of what it was
 * derived from. The same bytes give the same compiled ruleset, translated table or check findings in
 * any application context, so the caches are per process rather than per bean: a rollback, a replay, an
 * activation another instance made, and the test suite's many application contexts reuse them. Their
 * statistics are published as the {@code cache.*} metrics, tagged with the names below.
 */
public final class ContentCaches {

    /** Compiled rulesets by jurisdiction and content hash: a compile takes seconds. */
    public static final Cache<String, CompiledRuleset> COMPILED_RULESETS = bounded(8);

    /**
     * One capability's KieBase by the content hash of its module (kmodule and DRL): an edit rebuilds its own
     * capability, and a county shares the base's KieBases of the capabilities it does not change.
     */
    static final Cache<String, RulesetCompiler.CapabilityModule> CAPABILITY_MODULES = bounded(64);

    /** Staff tables translated to DRL, by path and the content hash of the workbook, its form and template. */
    static final Cache<String, RulesetCompiler.TranslatedTable> TRANSLATED_TABLES = bounded(64);

    /** The cells today's checks refuse in a kept version's files, by jurisdiction and content hash. */
    public static final Cache<String, List<RuleProblem>> REFUSED_CELLS_OF_KEPT_VERSIONS = bounded(256);

    private ContentCaches() {}

    /** Every cache by the name its metrics carry. */
    public static Map<String, Cache<?, ?>> byName() {
        return Map.of(
                "compiled-rulesets", COMPILED_RULESETS,
                "capability-modules", CAPABILITY_MODULES,
                "translated-tables", TRANSLATED_TABLES,
                "refused-cells-of-kept-versions", REFUSED_CELLS_OF_KEPT_VERSIONS);
    }

    private static <V> Cache<String, V> bounded(int entries) {
        return Caffeine.newBuilder().maximumSize(entries).recordStats().build();
    }
}
