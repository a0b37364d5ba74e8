package cn.wenzhou.renovation.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.versions.RulesetRegistry;
import cn.wenzhou.renovation.ruleset.versions.RulesetStore;
import org.springframework.context.ApplicationContext;

/** What a controller slice must not load: anything that compiles or keeps rules. */
public final class SliceContexts {

    private SliceContexts() {}

    public static void assertNoRulesEngine(ApplicationContext context) {
        assertThat(context.getBeanNamesForType(RulesetRegistry.class))
                .as("RulesetRegistry beans")
                .isEmpty();
        assertThat(context.getBeanNamesForType(RulesetStore.class))
                .as("RulesetStore beans")
                .isEmpty();
    }
}
