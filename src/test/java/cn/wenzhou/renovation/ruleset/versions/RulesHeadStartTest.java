package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.wenzhou.renovation.ruleset.engine.CompiledRuleset;
import cn.wenzhou.renovation.ruleset.engine.ContentCaches;
import cn.wenzhou.renovation.ruleset.engine.RulesetCompiler;
import cn.wenzhou.renovation.ruleset.engine.RulesetFiles;
import cn.wenzhou.renovation.ruleset.engine.RulesetSources;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The deployed rules compile while the context is built, and the registry's compile joins that one. */
@CompilesEditedRules
class RulesHeadStartTest {

    @TempDir
    Path rules;

    @Test
    void theHeadStartCompilesEveryDeployedJurisdictionIntoTheCacheTheRegistryReads() throws IOException {
        List<RulesetSources> deployed = uniqueCopy();
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "renovation.rules-dir", rules.resolve("rules").toString(),
                                "renovation.decision-tables-dir",
                                        rules.resolve("decision-tables").toString())));

        new RulesHeadStart()
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));

        for (RulesetSources sources : deployed) {
            String key = sources.jurisdiction().code() + "|" + RulesetFiles.contentHash(sources.files());
            await("the head start's compile of " + key)
                    .atMost(Duration.ofMinutes(2))
                    .until(() -> ContentCaches.COMPILED_RULESETS.getIfPresent(key) != null);
            assertThat(new RulesetCompiler().compile(sources.jurisdiction().code(), sources.files()))
                    .as("the registry's compile finds it")
                    .isSameAs(ContentCaches.COMPILED_RULESETS.getIfPresent(key));
        }
    }

    @Test
    void aCompileOfTheSameFilesUnderWayIsJoinedNotRepeated() throws IOException {
        RulesetSources base = uniqueCopy().get(0);
        CompletableFuture<CompiledRuleset> first = CompletableFuture.supplyAsync(
                () -> new RulesetCompiler().compile(base.jurisdiction().code(), base.files()));
        CompiledRuleset second =
                new RulesetCompiler().compile(base.jurisdiction().code(), base.files());

        assertThat(first.join()).as("one compile, one ruleset for both callers").isSameAs(second);
    }

    /** The repository's rules with a comment no other test's copy has, so no compile of them is cached yet. */
    private List<RulesetSources> uniqueCopy() throws IOException {
        RuleFolderCopy.copyRepositoryRules(rules);
        Files.writeString(
                rules.resolve("rules/eligibility/scope.drl"),
                "\n// " + UUID.randomUUID() + "\n",
                StandardOpenOption.APPEND);
        return RulesetSources.load(
                rules.resolve("rules").toString(),
                rules.resolve("decision-tables").toString());
    }
}
