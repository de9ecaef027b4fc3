package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;

/**
 * A valid series body with the occurrences the service schedules for it, each with a fresh
 * cycleSubConfID: what a create or a PUT stores.
 */
record SeriesSchedule(JsonNode body, JsonNode cycleParams, List<StoredOccurrence> occurrences) {

    static SeriesSchedule of(JsonNode body) throws InvalidFieldException {
        SeriesRequest series = SeriesRequest.parse(body);
        List<LocalDate> dates = OccurrenceCalendar.dates(series.cycleRule());
        if (dates.isEmpty()) {
            throw new InvalidFieldException("cycleParams has no occurrence between startDate and endDate");
        }
        List<StoredOccurrence> occurrences = dates.stream()
                .map(date -> StoredOccurrence.scheduled(date.atTime(series.startTimeOfDay()), series.lengthMinutes(),
                        series.mediaTypes()))
                .toList();
        return new SeriesSchedule(body, answeredCycleParams(body, dates), occurrences);
    }

    StoredSeries asSeries(String conferenceID, long version) {
        return new StoredSeries(conferenceID, body, version, cycleParams, occurrences, false);
    }

    /** The cycleParams as sent, except that past 50 occurrences the service pulls endDate back to the last one. */
    private static JsonNode answeredCycleParams(JsonNode body, List<LocalDate> dates) {
        ObjectNode cycleParams = body.get("cycleParams").deepCopy();
        if (dates.size() == OccurrenceCalendar.MAX_OCCURRENCES) {
            cycleParams.put("endDate", dates.get(dates.size() - 1).toString());
        }
        return cycleParams;
    }
}
