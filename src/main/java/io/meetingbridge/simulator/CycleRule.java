package io.meetingbridge.simulator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A valid recurrence, as the API accepts it in cycleParams. Problems are reported with the API's
 * field names, because the simulator answers them to the caller as they are.
 *
 * @param points sorted and distinct; for Week and Month without points, the start date's weekday or
 *               day of the month; empty for Day
 */
public record CycleRule(LocalDate startDate, LocalDate endDate, Cycle cycle, int interval, List<Integer> points) {

    public CycleRule {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(cycle, "cycle");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("cycleParams.endDate is before cycleParams.startDate");
        }
        if (endDate.isAfter(startDate.plusYears(1))) {
            throw new IllegalArgumentException("cycleParams spans more than one year");
        }
        if (interval < 1 || interval > cycle.maxInterval()) {
            throw new IllegalArgumentException(
                    "cycleParams.interval must be 1.." + cycle.maxInterval() + " for " + cycle.apiName());
        }
        points = normalised(cycle, startDate, points);
    }

    private static List<Integer> normalised(Cycle cycle, LocalDate startDate, List<Integer> points) {
        if (cycle == Cycle.DAY) {
            return List.of(); // the API reads point for Week and Month only
        }
        if (points.isEmpty()) {
            return List.of(cycle.pointOf(startDate));
        }
        for (int point : points) {
            if (!cycle.isValidPoint(point)) {
                throw new IllegalArgumentException(
                        "cycleParams.point " + point + " is out of range for " + cycle.apiName());
            }
        }
        // OccurrenceCalendar relies on ascending points to produce dates in order
        return List.copyOf(new TreeSet<>(points));
    }
}
