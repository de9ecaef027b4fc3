package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a JSON Schema cannot state about the occurrence actions: that every time they give exists.
 * Runs on a schema-valid change only.
 */
final class OccurrenceRules {

    private static final FieldPath OCCURRENCE = FieldPath.VALUE.field("occurrence");
    private static final FieldPath OCCURRENCE_STARTS = FieldPath.VALUE.field("occurrenceStarts");

    /** modify-occurrence: {@code occurrence.startTime} and, when given, {@code occurrence.occurrenceStart}. */
    List<Problem> checkOccurrence(JsonNode occurrence) {
        List<Problem> problems = new ArrayList<>();
        CalendarText.existing(occurrence.get("startTime"), OCCURRENCE.field("startTime"), CalendarText.TIME, problems);
        JsonNode start = occurrence.get("occurrenceStart");
        if (start != null) {
            CalendarText.existing(start, OCCURRENCE.field("occurrenceStart"), CalendarText.TIME, problems);
        }
        return problems;
    }

    /** cancel-occurrences: every element of {@code occurrenceStarts}. */
    List<Problem> checkStarts(JsonNode occurrenceStarts) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < occurrenceStarts.size(); i++) {
            CalendarText.existing(occurrenceStarts.get(i), OCCURRENCE_STARTS.index(i), CalendarText.TIME, problems);
        }
        return problems;
    }
}
