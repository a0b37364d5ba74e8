package cn.wenzhou.renovation.ruleset.engine;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request asks the rules to decide: a module of the service whose {@code package-info} carries
 * {@link RuleCapability}. Each is compiled into a KieBase of its own, holding the rule packages named
 * after it ({@code cn.wenzhou.renovation.eligibility} and below): a decision fires its own rules and
 * parameter rows, not every capability's. Capabilities are found from the rule files' packages, never
 * listed.
 */
public record Capability(String name) {

    private static final String MODULE_ROOT = "cn.wenzhou.renovation.";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

    public Capability {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A capability is named by one lower-case package segment: " + name);
        }
    }

    /** The capability whose module holds {@code member}; fails when that module does not declare one. */
    public static Capability of(Class<?> member) {
        String module = member.getPackageName();
        return ofRulePackage(module)
                .filter(c -> c.rulePackage().equals(module))
                .orElseThrow(() -> new IllegalStateException(
                        module + " is not a capability: its package-info carries no @RuleCapability"));
    }

    /** The capability a rule file's {@code package} belongs to, if its module declares one. */
    public static Optional<Capability> ofRulePackage(String rulePackage) {
        if (!rulePackage.startsWith(MODULE_ROOT)) {
            return Optional.empty();
        }
        String name = rulePackage.substring(MODULE_ROOT.length()).split("\\.", -1)[0];
        return NAME.matcher(name).matches() && declared(name) ? Optional.of(new Capability(name)) : Optional.empty();
    }

    /** The capability a KieBase (and a Test Scenario's {@code <dmoSession>}, less {@code -scenarios}) is named after. */
    public static Optional<Capability> ofKieBaseName(String name) {
        return NAME.matcher(name).matches() && declared(name) ? Optional.of(new Capability(name)) : Optional.empty();
    }

    /** The rule package of this capability; its sub-packages belong to it as well. */
    public String rulePackage() {
        return MODULE_ROOT + name;
    }

    /** The KieBase name, as in a Test Scenario's {@code <dmoSession>}: {@code eligibility-scenarios}. */
    public String kieBaseName() {
        return name;
    }

    /** The named queries a decision of this capability reads its answer through. */
    public List<String> answers() {
        return declaration(name).orElseThrow();
    }

    private static boolean declared(String name) {
        return declaration(name).isPresent();
    }

    /** Looked up once per name: a decision checks its queries against the declaration on every request. */
    private static final java.util.Map<String, Optional<List<String>>> DECLARATIONS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The answer queries the module declares, if it declares itself a capability. */
    private static Optional<List<String>> declaration(String name) {
        return DECLARATIONS.computeIfAbsent(name, Capability::lookUpDeclaration);
    }

    private static Optional<List<String>> lookUpDeclaration(String name) {
        try {
            Class<?> packageInfo =
                    Class.forName(MODULE_ROOT + name + ".package-info", false, Capability.class.getClassLoader());
            return Optional.ofNullable(packageInfo.getAnnotation(RuleCapability.class))
                    .map(declared -> List.of(declared.answers()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
