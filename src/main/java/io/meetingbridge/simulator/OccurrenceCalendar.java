package io.meetingbridge.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Stream;

/** The dates on which a recurring series meets. Pure date arithmetic, no state. */
public final class OccurrenceCalendar {

    /** The API schedules at most this many occurrences and silently drops the rest. */
    public static final int MAX_OCCURRENCES = 50;

    private OccurrenceCalendar() {
    }

    /** The occurrence dates from startDate to endDate inclusive, in order, at most {@link #MAX_OCCURRENCES}. */
    public static List<LocalDate> dates(CycleRule rule) {
        return candidates(rule)
                .dropWhile(date -> date.isBefore(rule.startDate()))
                .takeWhile(date -> !date.isAfter(rule.endDate()))
                .distinct()
                .limit(MAX_OCCURRENCES)
                .toList();
    }

    /**
     * An endless, non-decreasing stream of dates the rule could meet on, starting in the period
     * that holds the start date. Weeks start on Sunday, matching point 0 = Sunday, so an interval
     * of 2 counts every other Sunday-to-Saturday week from the start date's week.
     */
    private static Stream<LocalDate> candidates(CycleRule rule) {
        return switch (rule.cycle()) {
            case DAY -> Stream.iterate(rule.startDate(), day -> day.plusDays(rule.interval()));
            case WEEK -> Stream.iterate(
                            rule.startDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)),
                            sunday -> sunday.plusWeeks(rule.interval()))
                    .flatMap(sunday -> rule.points().stream().map(sunday::plusDays));
            case MONTH -> Stream.iterate(YearMonth.from(rule.startDate()), month -> month.plusMonths(rule.interval()))
                    .flatMap(month -> rule.points().stream().map(day -> dayOrLastDay(month, day)));
        };
    }

    private static LocalDate dayOrLastDay(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }
}
