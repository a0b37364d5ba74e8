package cn.wenzhou.renovation.ruleset.engine;

/**
 * The clause a rule applies, read from the rule's metadata ({@code @clause}, {@code @quote},
 * optional {@code @interpretation} and {@code @source}; in decision tables, METADATA columns).
 * Without a source the clause is in the jurisdiction's guide; a statute names itself in source.
 */
public record RuleClause(String section, String quote, String interpretation, String source) {}
