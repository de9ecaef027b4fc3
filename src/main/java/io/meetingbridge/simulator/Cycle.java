package io.meetingbridge.simulator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** How a recurring series repeats: the {@code cycle} of the API's cycleParams. */
public enum Cycle {
    /** Every {@code interval} days; points do not apply. */
    DAY("Day", 15),
    /** Every {@code interval} weeks, on the weekdays in {@code point} (0 = Sunday .. 6 = Saturday). */
    WEEK("Week", 5),
    /** Every {@code interval} months, on the days of the month in {@code point} (1..31). */
    MONTH("Month", 3);

    private final String apiName;
    private final int maxInterval;

    Cycle(String apiName, int maxInterval) {
        this.apiName = apiName;
        this.maxInterval = maxInterval;
    }

    public static Optional<Cycle> fromApiName(String apiName) {
        return Arrays.stream(values()).filter(cycle -> cycle.apiName.equals(apiName)).findFirst();
    }

    public String apiName() {
        return apiName;
    }

    public int maxInterval() {
        return maxInterval;
    }

    boolean isValidPoint(int point) {
        return switch (this) {
            case DAY -> false;
            case WEEK -> point >= 0 && point <= 6;
            case MONTH -> point >= 1 && point <= 31;
        };
    }

    /** The point a date falls on: its weekday (Sunday = 0) for Week, its day of the month for Month. */
    int pointOf(LocalDate date) {
        return switch (this) {
            case DAY -> throw new IllegalStateException("a daily cycle has no points");
            case WEEK -> date.getDayOfWeek().getValue() % 7;
            case MONTH -> date.getDayOfMonth();
        };
    }
}
