package cn.wenzhou.renovation.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the official holiday calendar is read from (the packaged copy unless staff point elsewhere), and
 * how many days before its last covered day the service warns that next year's notice is due.
 */
@ConfigurationProperties("renovation.calendar")
record CalendarProperties(
        @DefaultValue("classpath:calendar/cn-public-holidays.csv")
        String file,

        @DefaultValue("45") int warnDaysBeforeEnd) {}
