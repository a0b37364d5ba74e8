package cn.wenzhou.renovation.ruleset;

/**
 * The clause of the guide a rule applies, read from the rule's metadata ({@code @clause},
 * {@code @quote}, optional {@code @interpretation}; in decision tables, METADATA columns).
 */
public record RuleClause(String section, String quote, String interpretation) {
}
