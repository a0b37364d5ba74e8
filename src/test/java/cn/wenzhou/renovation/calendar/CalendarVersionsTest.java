package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.wenzhou.renovation.ruleset.versions.RulesetActivation;
import cn.wenzhou.renovation.ruleset.versions.RulesetStore;
import cn.wenzhou.renovation.testing.Calendars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The calendar's versions in a store shared by two instances, as replicas share a folder or database:
 * what one activates the other serves after its next poll, and a restart serves the active version.
 */
class CalendarVersionsTest {

    private static final Path MADE_UP_2027 = Path.of("src/test/resources/calendar/made-up-2027-notice.csv");

    @TempDir
    Path data;

    @TempDir
    Path files;

    private CalendarVersions instance(Path packaged) {
        return new CalendarVersions(
                RulesetStore.inFolder(data),
                new CalendarProperties(packaged.toString(), 45),
                new DefaultResourceLoader());
    }

    @Test
    void aSecondInstanceFollowsWhatTheFirstActivatedAndARestartKeepsIt() throws Exception {
        Path through2026 = Calendars.packagedThroughAsFile(2026, files);
        CalendarVersions first = instance(through2026);
        CalendarVersions second = instance(through2026);
        assertThat(second.served().version()).isEqualTo(1);

        CalendarVersions.NoticeOutcome outcome =
                first.activate("2027.csv", Files.readAllBytes(MADE_UP_2027), "chen.jing", "载入2027年通知");

        assertThat(outcome.version())
                .hasValueSatisfying(v -> assertThat(v.number()).isEqualTo(2));
        assertThat(first.current().covers(LocalDate.of(2027, 3, 1))).isTrue();
        assertThat(second.current().covers(LocalDate.of(2027, 3, 1))).isFalse();
        second.followStore();
        assertThat(second.served().version()).isEqualTo(2);
        assertThat(second.current().isWorkingDay(LocalDate.of(2027, 2, 20)))
                .as("a made-up make-up workday")
                .isTrue();

        CalendarVersions restarted = instance(through2026);
        assertThat(restarted.served().version()).isEqualTo(2);
        assertThat(restarted.activations())
                .extracting(RulesetActivation::kind)
                .containsExactly(RulesetActivation.Kind.DEPLOYMENT, RulesetActivation.Kind.ACTIVATION);
    }

    @Test
    void aMalformedUploadKeepsNothingAndTheOldCalendarServes() throws Exception {
        CalendarVersions calendars = instance(Calendars.packagedThroughAsFile(2026, files));
        String text = Files.readString(MADE_UP_2027)
                .replace("2027-10-01,holiday,国庆节,2027,https://", "2027-10-01,holiday,国庆节,2027,");

        CalendarVersions.NoticeOutcome outcome = calendars.activate(
                "2027.csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "chen.jing", "载入");

        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.reading().findings()).isNotEmpty();
        assertThat(calendars.versions()).hasSize(1);
        assertThat(calendars.current().coveredYears().last()).isEqualTo(2026);
    }

    @Test
    void aReleasePackagingAYearTheCalendarLacksAddsItAndKeepsTheYearsStaffLoaded() throws Exception {
        CalendarVersions before = instance(Calendars.packagedThroughAsFile(2025, files));
        assertThat(before.current().coveredYears().last()).isEqualTo(2025);

        CalendarVersions afterRelease = instance(Calendars.packagedThroughAsFile(2026, files));

        assertThat(afterRelease.served().version()).isEqualTo(2);
        assertThat(afterRelease.current().coveredYears().last()).isEqualTo(2026);
        assertThat(afterRelease.current().listedDays())
                .isEqualTo(Calendars.packagedThrough(2026).listedDays());
        assertThat(instance(Calendars.packagedThroughAsFile(2026, files))
                        .served()
                        .version())
                .as("the same release again adds nothing")
                .isEqualTo(2);
    }

    @Test
    void anUnreadableActivePointerFallsBackToThePackagedCalendarAsANewVersionInsteadOfStoppingTheService()
            throws Exception {
        Path through2026 = Calendars.packagedThroughAsFile(2026, files);
        instance(through2026).activate("2027.csv", Files.readAllBytes(MADE_UP_2027), "chen.jing", "载入2027年通知");
        Files.writeString(data.resolve(CalendarVersions.STORE_KEY).resolve("active"), "{torn");

        CalendarVersions restarted = instance(through2026);

        assertThat(restarted.served().version()).isEqualTo(3);
        assertThat(restarted.current().coveredYears().last()).isEqualTo(2026);
    }
}
