package cn.wenzhou.renovation.calendar;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * How long the holiday calendar lasts: the {@code calendar} health component and the
 * {@code renovation_calendar_days_left} gauge. From {@code warn-days-before-end} days before the last
 * covered day (and after it) the component is {@code WARN}, naming the State Council notice to load;
 * WARN ranks below UP (management.endpoint.health.status.order), so the instance stays in service:
 * only working-day counts need the missing year.
 */
@Component("calendar")
class CalendarHorizon implements HealthIndicator, MeterBinder {

    static final String WARN = "WARN";

    private final CalendarVersions calendars;
    private final CalendarProperties properties;
    private final Clock clock;

    CalendarHorizon(CalendarVersions calendars, CalendarProperties properties, Clock clock) {
        this.calendars = calendars;
        this.properties = properties;
        this.clock = clock;
    }

    /** The last day the calendar covers: 31 December of its last notice year. */
    LocalDate lastCoveredDay() {
        return calendars.current().lastCoveredDay();
    }

    /** Days from today to the last covered day; negative once it has passed. */
    long daysLeft() {
        return ChronoUnit.DAYS.between(LocalDate.now(clock), lastCoveredDay());
    }

    /** What staff should do, from {@code warn-days-before-end} days before the last covered day; empty before that. */
    Optional<String> warning() {
        long daysLeft = daysLeft();
        if (daysLeft > properties.warnDaysBeforeEnd()) {
            return Optional.empty();
        }
        return Optional.of("节假日日历只覆盖到 " + lastCoveredDay()
                + (daysLeft >= 0 ? "（还剩 " + daysLeft + " 天）" : "（已用完）") + "：请载入《国务院办公厅关于"
                + (lastCoveredDay().getYear() + 1) + "年部分节假日安排的通知》");
    }

    @Override
    public Health health() {
        // The description shows even where details are hidden: whoever looks at health reads what to do.
        Health.Builder health = warning()
                .map(message -> Health.status(new Status(WARN, message)))
                .orElseGet(Health::up);
        return health.withDetail("lastCoveredDay", lastCoveredDay().toString())
                .withDetail("daysLeft", daysLeft())
                .build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("renovation.calendar.days.left", this, CalendarHorizon::daysLeft)
                .description("Days until the last day the holiday calendar covers (negative once passed)")
                .register(registry);
    }
}
