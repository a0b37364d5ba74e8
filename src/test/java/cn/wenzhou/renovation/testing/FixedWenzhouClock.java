package cn.wenzhou.renovation.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** "Today" is 2026-03-01 in Wenzhou (still 2026-02-28 in UTC), for tests of default and future dates. */
@TestConfiguration
public class FixedWenzhouClock {

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(Instant.parse("2026-02-28T16:30:00Z"), ZoneId.of("Asia/Shanghai"));
    }
}
