package cn.wenzhou.renovation.testing;

import cn.wenzhou.renovation.calendar.CalendarDay;
import cn.wenzhou.renovation.calendar.CalendarFile;
import cn.wenzhou.renovation.calendar.OfficialCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packaged holiday calendar cut at a year, so that tests about a year the calendar lacks keep
 * meaning the same when a later release packages that year's notice.
 */
public final class Calendars {

    public static final Path PACKAGED = Path.of("calendar/cn-public-holidays.csv");

    private Calendars() {}

    public static OfficialCalendar packaged() {
        try (InputStream in = Files.newInputStream(PACKAGED)) {
            return CalendarFile.read(in, PACKAGED.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged notices up to and including {@code lastYear}'s. */
    public static OfficialCalendar packagedThrough(int lastYear) {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        packaged().listedDays().stream()
                .filter(day -> day.noticeYear() <= lastYear)
                .forEach(day -> days.put(day.date(), day));
        return new OfficialCalendar(days);
    }

    /** The packaged calendar cut at {@code lastYear}, as a file the service can be pointed at. */
    public static Path packagedThroughAsFile(int lastYear, Path folder) {
        Path file = folder.resolve("holidays-through-" + lastYear + ".csv");
        try {
            Files.writeString(file, CalendarFile.write(packagedThrough(lastYear)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
