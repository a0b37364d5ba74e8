package cn.wenzhou.renovation.ruleset.engine;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a request asks the rules to decide, one per part of the guide. Each is compiled into a KieBase
 * of its own, holding the rule packages named after it ({@code cn.wenzhou.renovation.eligibility} and
 * below): a decision fires its own rules and parameter rows, not every capability's.
 */
public enum Capability {
    /** Guide §1, 改造范围. */
    ELIGIBILITY,
    /** Guide §3.1, §3.4 and annexes 1–2: resident votes, with the statutory floors (rules/statute/). */
    CONSENT,
    /** Guide §3.6: self-raised funds in place. */
    FUNDING,
    /** Guide §2: the item catalogue, classification and plan check. */
    CATALOGUE,
    /** Guide §4: approval simplifications. */
    APPROVAL,
    /** Guide §3: the construction procedure, its materials and publicity periods. */
    PROCEDURE,
    /** Annex 7: the satisfaction survey. */
    SURVEY;

    private static final String RULE_PACKAGE_ROOT = "cn.wenzhou.renovation.";

    /** The rule package of this capability; its sub-packages belong to it as well. */
    public String rulePackage() {
        return RULE_PACKAGE_ROOT + name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The capability a rule file's {@code package} belongs to, if any. */
    public static Optional<Capability> ofRulePackage(String rulePackage) {
        return Arrays.stream(values())
                .filter(c -> rulePackage.equals(c.rulePackage()) || rulePackage.startsWith(c.rulePackage() + "."))
                .findFirst();
    }

    /** The KieBase name, as in a Test Scenario's {@code <dmoSession>}: {@code eligibility-scenarios}. */
    public String kieBaseName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Capability> ofKieBaseName(String name) {
        return Arrays.stream(values()).filter(c -> c.kieBaseName().equals(name)).findFirst();
    }
}
