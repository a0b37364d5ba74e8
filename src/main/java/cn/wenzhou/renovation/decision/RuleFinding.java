package cn.wenzhou.renovation.decision;

/**
 * One rule's conclusion, inserted by the rule that reached it. Each capability has its own finding
 * type, so findings of different capabilities never mix in one session; the clause a finding
 * applies is its rule's metadata, looked up by {@link #ruleId()}.
 */
public interface RuleFinding {

    String ruleId();

    FindingEffect effect();

    String message();

    /**
     * The interpretation with the parameter values in force, rendered by the rule from the parameter
     * facts it matched; null when the rule's {@code @interpretation} as written says all there is.
     */
    default String interpretation() {
        return null;
    }
}
