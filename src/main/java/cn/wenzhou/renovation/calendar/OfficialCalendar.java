package cn.wenzhou.renovation.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * China's working days as the State Council publishes them: Monday to Friday work and weekends rest,
 * except the listed holidays (放假) and make-up workdays (调休上班). Only years whose notice the
 * calendar holds are answered; any other date is refused, never guessed from weekdays.
 * Immutable, shared by every request, and handed to the rules as a fact.
 */
public final class OfficialCalendar {

    private final Map<LocalDate, CalendarDay> listedDays;
    private final SortedSet<Integer> coveredYears;

    public OfficialCalendar(Map<LocalDate, CalendarDay> listedDays) {
        if (listedDays.isEmpty()) {
            throw new IllegalArgumentException("the holiday calendar lists no day at all");
        }
        this.listedDays = Map.copyOf(listedDays);
        TreeSet<Integer> years = new TreeSet<>();
        listedDays.values().forEach(day -> years.add(day.noticeYear()));
        this.coveredYears = Collections.unmodifiableSortedSet(years);
    }

    public SortedSet<Integer> coveredYears() {
        return coveredYears;
    }

    /** 31 December of the last notice year: the last day a working-day count can reach. */
    public LocalDate lastCoveredDay() {
        return LocalDate.of(coveredYears.last(), 12, 31);
    }

    public boolean covers(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    /** Whether every year from {@code first} to {@code last} is covered, so the days between can be counted. */
    public boolean covers(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!coveredYears.contains(year)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first year at or after {@code start}'s that the calendar lacks: the notice a count starting on
     * {@code start} would need next, once it runs past the covered years.
     */
    public int firstMissingYearFrom(LocalDate start) {
        int year = start.getYear();
        while (coveredYears.contains(year)) {
            year++;
        }
        return year;
    }

    /**
     * The day a period of {@code workingDays} from {@code start} is complete, when counting it stays in
     * covered years; empty when it would reach a year whose notice the calendar lacks.
     */
    public Optional<LocalDate> periodEndIfCovered(LocalDate start, int workingDays, boolean startDayCounted) {
        if (!covers(start)) {
            return Optional.empty();
        }
        try {
            return Optional.of(periodEnd(start, workingDays, startDayCounted));
        } catch (DateNotCoveredException beyond) {
            return Optional.empty();
        }
    }

    /** Refuses a date outside the covered years, naming the request field that carried it. */
    public LocalDate requireCovered(String field, LocalDate date) {
        if (!covers(date)) {
            throw new DateNotCoveredException(field, date, coveredYears);
        }
        return date;
    }

    public boolean isWorkingDay(LocalDate date) {
        requireCovered("date", date);
        CalendarDay listed = listedDays.get(date);
        if (listed != null) {
            return listed.kind() == CalendarDay.Kind.MAKEUP_WORKDAY;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** Every listed holiday and make-up workday, by date: what a version of the calendar keeps. */
    public java.util.List<CalendarDay> listedDays() {
        return listedDays.values().stream()
                .sorted(java.util.Comparator.comparing(CalendarDay::date))
                .toList();
    }

    /** The days one notice year lists, as a notice. */
    public HolidayNotice notice(int year) {
        return new HolidayNotice(
                year,
                listedDays().stream().filter(day -> day.noticeYear() == year).toList());
    }

    /** The holiday or make-up workday listed for a date, if any. */
    public Optional<CalendarDay> listed(LocalDate date) {
        return Optional.ofNullable(listedDays.get(date));
    }

    /** Working days from {@code first} to {@code last}, both included; zero when {@code last} is before {@code first}. */
    public int countWorkingDays(LocalDate first, LocalDate last) {
        int count = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Working days of a period that starts on {@code start} and ends on {@code last}. Whether the
     * start day itself counts is the ruleset's choice, not the calendar's.
     */
    public int countPeriod(LocalDate start, LocalDate last, boolean startDayCounted) {
        return countWorkingDays(startDayCounted ? start : start.plusDays(1), last);
    }

    /** The day on which a period of {@code workingDays} working days from {@code start} is complete. */
    public LocalDate periodEnd(LocalDate start, int workingDays, boolean startDayCounted) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("a period has at least one working day, not " + workingDays);
        }
        if (startDayCounted && isWorkingDay(start)) {
            return workingDays == 1 ? start : workingDayAfter(start, workingDays - 1);
        }
        return workingDayAfter(start, workingDays);
    }

    /** The {@code n}-th working day after {@code start} ({@code start} itself is not counted). */
    public LocalDate workingDayAfter(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        LocalDate day = start;
        int found = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (!covers(day)) {
                throw new DateNotCoveredException("date", day, coveredYears, start);
            }
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }
}
