package cn.wenzhou.renovation.ruleset.versions;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.eligibility.Community;
import cn.wenzhou.renovation.eligibility.Eligibility;
import cn.wenzhou.renovation.eligibility.EligibilityService;
import cn.wenzhou.renovation.testing.Communities;
import cn.wenzhou.renovation.testing.CompilesEditedRules;
import cn.wenzhou.renovation.testing.Registries;
import cn.wenzhou.renovation.testing.RuleFolderCopy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The optional folder watch: a settled valid edit becomes the next version; a broken one is not served. */
class RulesFolderWatcherTest {

    @TempDir
    Path root;

    @CompilesEditedRules
    @Test
    void aValidEditIsActivatedOnceItReadsTheSameOnTwoPollsAndABrokenOneIsNot() throws IOException {
        RuleFolderCopy.copyRepositoryRules(root);
        RulesetRegistry registry = Registries.over(new RulesetProperties(
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString(),
                "wenzhou",
                null));
        RulesFolderWatcher watcher = new RulesFolderWatcher(
                registry,
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString());
        watcher.poll();
        assertThat(registry.versions("wenzhou")).hasSize(1);

        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue(2005));
        watcher.poll();
        assertThat(decide(registry, 2003)).as("not yet settled").isEqualTo(Eligibility.NOT_ELIGIBLE);
        watcher.poll();
        assertThat(decide(registry, 2003)).isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(registry.versions("wenzhou"))
                .extracting(RulesetVersion::number, RulesetVersion::activatedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RulesetRegistry.DEPLOYMENT),
                        org.assertj.core.groups.Tuple.tuple(2, RulesFolderWatcher.WATCHER));

        RuleFolderCopy.editCutoffCell(root, cell -> cell.setCellValue("二千"));
        watcher.poll();
        watcher.poll();
        watcher.poll();
        assertThat(decide(registry, 2003)).as("still the last valid edit").isEqualTo(Eligibility.PRIORITY_RENOVATION);
        assertThat(registry.versions("wenzhou")).hasSize(2);
    }

    @Test
    void theRunningServicesSettingSchedulesThePollNotTheBuild() {
        RulesetRegistry registry = null; // only scheduled here, never polled
        RulesetProperties folders = new RulesetProperties(
                root.resolve("rules").toString(),
                root.resolve("decision-tables").toString(),
                "wenzhou",
                null);

        ScheduledTaskRegistrar off = new ScheduledTaskRegistrar();
        new RulesFolderWatcher(registry, folders, false, Duration.ofSeconds(2)).configureTasks(off);
        assertThat(off.getFixedDelayTaskList()).isEmpty();

        ScheduledTaskRegistrar on = new ScheduledTaskRegistrar();
        new RulesFolderWatcher(registry, folders, true, Duration.ofSeconds(7)).configureTasks(on);
        assertThat(on.getFixedDelayTaskList()).singleElement().satisfies(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(7));
            assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    private static Eligibility decide(RulesetRegistry registry, int completionYear) {
        Community community = Communities.ordinary(completionYear, false, LocalDate.of(2025, 11, 3));
        return EligibilityService.decide(registry.active("wenzhou"), community)
                .decision()
                .eligibility();
    }
}
