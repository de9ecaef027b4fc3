package io.meetingbridge.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a parsed record is a valid meeting change: first the published JSON Schema, which
 * states every rule it can (the fields of every action, each cycle's ranges, dates and times that exist),
 * then the one it cannot ({@link SeriesRules}). Nothing here needs the series ledger. Thread-safe.
 */
public final class ChangeValidator {

    private final EnvelopeSchema schema = new EnvelopeSchema();
    private final SeriesRules seriesRules = new SeriesRules();

    public ChangeValidator() {
    }

    public ValidChange validate(JsonNode envelope) throws InvalidChangeException {
        Problem.rejectIfAny(schema.check(envelope));
        // the schema admits no other action
        ChangeAction action = ChangeAction.of(envelope.path("action").textValue());
        String changeId = envelope.path("changeId").textValue();
        String seriesKey = envelope.path("seriesKey").textValue();
        String conferenceID = envelope.path("conferenceID").textValue();
        return switch (action) {
            case CREATE, MODIFY -> {
                ObjectNode series = (ObjectNode) envelope.get("series");
                Problem.rejectIfAny(seriesRules.check(series));
                yield new ValidChange(changeId, action, seriesKey, conferenceID, series, null, List.of(), List.of());
            }
            case CANCEL -> new ValidChange(changeId, action, seriesKey, conferenceID, null, null, List.of(), List.of());
            case MODIFY_OCCURRENCE -> {
                ObjectNode occurrence = (ObjectNode) envelope.get("occurrence");
                String occurrenceStart = occurrence.path("occurrenceStart").textValue();
                yield new ValidChange(changeId, action, seriesKey, conferenceID, withoutStart(occurrence),
                        occurrenceStart, List.of(), List.of());
            }
            case CANCEL_OCCURRENCES -> {
                yield new ValidChange(changeId, action, seriesKey, conferenceID, null, null,
                        texts(envelope.path("cycleSubConfIDs")), texts(envelope.path("occurrenceStarts")));
            }
        };
    }

    /** The PUT body: the occurrence as it came, less the start the bridge resolves and the API does not take. */
    private static ObjectNode withoutStart(ObjectNode occurrence) {
        if (!occurrence.has("occurrenceStart")) {
            return occurrence;
        }
        ObjectNode body = occurrence.deepCopy();
        body.remove("occurrenceStart");
        return body;
    }

    /** The strings of an array the schema has checked; empty for a field that is absent. */
    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>(array.size());
        array.forEach(item -> texts.add(item.textValue()));
        return texts;
    }
}
