package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The body of PUT .../conferences/cyclesubconf (RestScheduleCycleConfDTO, meeting-api-facts.md
 * section 6), checked with the documented limits. Optional fields that are left out keep the
 * occurrence's current values (the facts file does not say; this is the simulator's choice).
 */
record OccurrenceChange(String cycleSubConfID, String mediaTypes, LocalDateTime startTime, int lengthMinutes,
                        OptionalInt isAutoRecord, OptionalInt recordAuthType, Optional<String> description,
                        Optional<JsonNode> confConfigInfo) {

    static OccurrenceChange parse(JsonNode body) throws InvalidFieldException {
        BodyFields fields = new BodyFields(body);
        return new OccurrenceChange(
                fields.requiredText("cycleSubConfID"),
                fields.requiredOneOf("mediaTypes", SeriesRequest.MEDIA_TYPES),
                fields.requiredDateTime("startTime"),
                fields.requiredInt("length", 15, 1440),
                fields.optionalInt("isAutoRecord", 0, 1),
                fields.optionalInt("recordAuthType", 0, 2),
                fields.optionalText("description", 200),
                fields.optionalObject("confConfigInfo"));
    }

    /** The occurrence as this change leaves it; confConfigInfo fields sent replace those of the same name. */
    StoredOccurrence applyTo(StoredOccurrence occurrence) {
        ObjectNode config = occurrence.confConfigInfo().deepCopy();
        confConfigInfo.ifPresent(sent -> config.setAll((ObjectNode) sent.deepCopy()));
        return new StoredOccurrence(occurrence.cycleSubConfID(), startTime, startTime.plusMinutes(lengthMinutes),
                mediaTypes, isAutoRecord.orElse(occurrence.isAutoRecord()),
                recordAuthType.orElse(occurrence.recordAuthType()),
                description.orElse(occurrence.description()), config);
    }
}
