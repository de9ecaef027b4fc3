package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;

/**
 * The one documented limit of a series that a JSON Schema cannot state, because it compares two values:
 * endDate is not before startDate and at most a year after it. Runs on a schema-valid series only, whose
 * dates the schema has found real.
 *
 * <p>Rules that depend on the clock ("startDate not before today") are left to the API.
 */
final class SeriesRules {

    private static final FieldPath END_DATE = FieldPath.VALUE.field("series").field("cycleParams").field("endDate");

    List<Problem> check(JsonNode series) {
        JsonNode cycleParams = series.get("cycleParams");
        LocalDate start = LocalDate.parse(cycleParams.get("startDate").textValue());
        LocalDate end = LocalDate.parse(cycleParams.get("endDate").textValue());
        String dates = END_DATE + " " + end;
        if (end.isBefore(start)) {
            return List.of(new Problem(END_DATE, dates + " is before startDate " + start));
        }
        if (end.isAfter(start.plusYears(1))) {
            return List.of(new Problem(END_DATE, dates + " is more than a year after startDate " + start));
        }
        return List.of();
    }
}
