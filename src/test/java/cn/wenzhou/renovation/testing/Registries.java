package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.ruleset.authoring.RulesetScenarios;
import cn.wenzhou.renovation.ruleset.engine.RulesetCheck;
import cn.wenzhou.renovation.ruleset.versions.RulesetProperties;
import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.RulesetStore;
import java.util.List;

/**
 * A registry outside Spring, built with the one constructor the service uses and started as Spring
 * starts it: no table checks, no scenarios, and each compile on the calling thread.
 */
public final class Registries {

    private Registries() {}

    /** Keeping its versions where the properties say (a folder, or memory). */
    public static RulesetRegistry over(RulesetProperties properties) {
        return over(properties, properties.store());
    }

    public static RulesetRegistry over(RulesetProperties properties, RulesetStore store) {
        return started(
                new RulesetRegistry(properties, List.of(), store, List.of(RulesetScenarios.none()), Runnable::run));
    }

    /** With the given table checks run on every validation. */
    public static RulesetRegistry checkedBy(RulesetProperties properties, List<RulesetCheck> checks) {
        return started(new RulesetRegistry(
                properties, checks, properties.store(), List.of(RulesetScenarios.none()), Runnable::run));
    }

    /** As Spring starts it: building every jurisdiction's ruleset (and throwing what startup would stop on). */
    private static RulesetRegistry started(RulesetRegistry registry) {
        registry.start();
        return registry;
    }
}
