package cn.wenzhou.renovation.eligibility;

/**
 * One rule's conclusion about a community, inserted by the rule that reached it. The clause it
 * applies is the rule's metadata, looked up by {@code ruleId}.
 */
public record Finding(String ruleId, FindingEffect effect, String message) {
}
