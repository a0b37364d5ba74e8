package cn.wenzhou.renovation.eligibility;

/**
 * Policy parameter from a county's decision table: a subdistrict (街道) or town (镇) where the county
 * renovates. The Wenzhou base lists none, so it limits nothing; a county that lists some limits
 * renovation to them.
 */
public record RenovationArea(String ruleId, String name) {}
