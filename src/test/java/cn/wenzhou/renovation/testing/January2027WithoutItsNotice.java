package cn.wenzhou.renovation.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The turn of a year before its holiday notice is loaded: "today" is 2027-01-15 in Wenzhou, and
 * {@link #register} points the service at the packaged notices through 2026.
 */
@TestConfiguration
public class January2027WithoutItsNotice {

    @Bean
    @Primary
    Clock midJanuary2027() {
        return Clock.fixed(Instant.parse("2027-01-15T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }

    /** The service's calendar file: the packaged notices through 2026, written into {@code folder}. */
    public static void register(DynamicPropertyRegistry properties, Path folder) {
        properties.add(
                "renovation.calendar.file",
                () -> Calendars.packagedThroughAsFile(2026, folder).toString());
    }
}
