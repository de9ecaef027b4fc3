package io.meetingbridge.change;

import static io.meetingbridge.change.CalendarText.DATE;
import static io.meetingbridge.change.CalendarText.TIME;
import static io.meetingbridge.change.CalendarText.existing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API's documented limits that a JSON Schema cannot state: dates that exist, the span of the
 * cycle, and interval and point ranges that depend on the cycle. Runs on a schema-valid series only.
 *
 * <p>Rules that depend on the clock ("startDate not before today") are left to the API.
 * A Day cycle takes no point (the API documents point for Week and Month only), so a non-empty
 * point with Day is refused rather than silently ignored.
 */
final class SeriesRules {

    private static final FieldPath SERIES = FieldPath.VALUE.field("series");
    private static final FieldPath CYCLE_PARAMS = SERIES.field("cycleParams");

    List<Problem> check(JsonNode series) {
        List<Problem> problems = new ArrayList<>();
        JsonNode startTime = series.path("startTime");
        // an empty startTime means "start now"
        if (startTime.isTextual() && !startTime.textValue().isEmpty()) {
            existing(startTime, SERIES.field("startTime"), TIME, problems);
        }
        JsonNode cycleParams = series.get("cycleParams");
        checkSpan(cycleParams, problems);
        RecurrenceCycle cycle = RecurrenceCycle.named(cycleParams.get("cycle").textValue());
        checkInterval(cycleParams.path("interval"), cycle, problems);
        checkPoint(cycleParams.path("point"), cycle, problems);
        return problems;
    }

    private static void checkSpan(JsonNode cycleParams, List<Problem> problems) {
        FieldPath endDate = CYCLE_PARAMS.field("endDate");
        Optional<LocalDate> start = existing(cycleParams.get("startDate"), CYCLE_PARAMS.field("startDate"), DATE, problems);
        Optional<LocalDate> end = existing(cycleParams.get("endDate"), endDate, DATE, problems);
        if (start.isEmpty() || end.isEmpty()) {
            return;
        }
        String dates = endDate + " " + end.get();
        if (end.get().isBefore(start.get())) {
            problems.add(new Problem(endDate, dates + " is before startDate " + start.get()));
        } else if (end.get().isAfter(start.get().plusYears(1))) {
            problems.add(new Problem(endDate, dates + " is more than a year after startDate " + start.get()));
        }
    }

    private static void checkInterval(JsonNode interval, RecurrenceCycle cycle, List<Problem> problems) {
        if (interval.isNumber() && !cycle.interval().contains(interval.intValue())) {
            problems.add(outOfRange(CYCLE_PARAMS.field("interval"), cycle.interval(), cycle, interval));
        }
    }

    private static void checkPoint(JsonNode point, RecurrenceCycle cycle, List<Problem> problems) {
        if (point.isEmpty()) {
            return;
        }
        FieldPath path = CYCLE_PARAMS.field("point");
        Optional<IntRange> allowed = cycle.point();
        if (allowed.isEmpty()) {
            problems.add(new Problem(path, path + " must be absent or empty when cycle is " + cycle + ", got " + Echo.of(point)));
            return;
        }
        for (int i = 0; i < point.size(); i++) {
            if (!allowed.get().contains(point.get(i).intValue())) {
                problems.add(outOfRange(path.index(i), allowed.get(), cycle, point.get(i)));
            }
        }
    }

    private static Problem outOfRange(FieldPath path, IntRange allowed, RecurrenceCycle cycle, JsonNode got) {
        return new Problem(path, path + " must be " + allowed + " when cycle is " + cycle + ", got " + Echo.of(got));
    }
}
