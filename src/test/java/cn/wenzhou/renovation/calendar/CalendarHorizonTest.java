package cn.wenzhou.renovation.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The calendar's horizon on the packaged calendar, whatever year it ends with: UP, then WARN naming the notice. */
class CalendarHorizonTest {

    private static final ZoneId WENZHOU = ZoneId.of("Asia/Shanghai");
    private static final int WARN_DAYS = 45;

    private static OfficialCalendar calendar;
    private static LocalDate lastCovered;

    @BeforeAll
    static void packagedCalendar() throws IOException {
        try (InputStream in = CalendarHorizonTest.class.getResourceAsStream("/calendar/cn-public-holidays.csv")) {
            calendar = CalendarFile.read(in, "cn-public-holidays.csv");
        }
        lastCovered = LocalDate.of(calendar.coveredYears().last(), 12, 31);
    }

    @Test
    void isUpFortySixDaysBeforeTheLastCoveredDay() {
        CalendarHorizon horizon = horizonOn(lastCovered.minusDays(WARN_DAYS + 1));

        Health health = horizon.health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("daysLeft", (long) WARN_DAYS + 1)
                .containsEntry("lastCoveredDay", lastCovered.toString());
    }

    @Test
    void warnsFortyFourDaysBeforeNamingNextYearsNotice() {
        CalendarHorizon horizon = horizonOn(lastCovered.minusDays(WARN_DAYS - 1));

        Health health = horizon.health();

        assertThat(health.getStatus().getCode()).isEqualTo("WARN");
        assertThat(health.getStatus().getDescription())
                .contains(
                        lastCovered.toString(),
                        "还剩 " + (WARN_DAYS - 1) + " 天",
                        "国务院办公厅关于" + (lastCovered.getYear() + 1) + "年部分节假日安排的通知");
    }

    @Test
    void warnsAfterTheLastCoveredDayToo() {
        assertThat(horizonOn(lastCovered.plusDays(15)).health().getStatus().getDescription())
                .contains("已用完");
    }

    @Test
    void theGaugeCountsTheDaysLeft() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        horizonOn(lastCovered.minusDays(WARN_DAYS - 1)).bindTo(registry);

        assertThat(registry.get("renovation.calendar.days.left").gauge().value())
                .isEqualTo(WARN_DAYS - 1);
    }

    private static CalendarHorizon horizonOn(LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(WENZHOU).toInstant(), WENZHOU);
        CalendarProperties properties = new CalendarProperties("classpath:calendar/cn-public-holidays.csv", WARN_DAYS);
        CalendarVersions packaged = new CalendarVersions(
                cn.wenzhou.renovation.ruleset.versions.RulesetStore.inMemory(),
                properties,
                new org.springframework.core.io.DefaultResourceLoader());
        return new CalendarHorizon(packaged, properties, clock);
    }
}
