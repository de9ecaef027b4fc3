package io.meetingbridge.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.RestScheduleConf;

/**
 * Decides whether a parsed record is a valid meeting change: first the published JSON Schema, then
 * the documented limits a schema cannot state ({@link SeriesRules}). Thread-safe.
 */
public final class ChangeValidator {

    private final EnvelopeSchema schema = new EnvelopeSchema();
    private final SeriesRules seriesRules = new SeriesRules();

    public ChangeValidator() {
    }

    public ValidChange validate(JsonNode envelope) throws InvalidChangeException {
        Problem.rejectIfAny(schema.check(envelope));
        ObjectNode series = (ObjectNode) envelope.get("series");
        Problem.rejectIfAny(seriesRules.check(series));
        String changeId = envelope.path("changeId").textValue();
        model(series);
        return new ValidChange(changeId, ChangeAction.MODIFY, null, envelope.get("conferenceID").textValue(), series,
                null, java.util.List.of(), java.util.List.of());
    }

    private static RestScheduleConf model(ObjectNode series) throws InvalidChangeException {
        try {
            return ChangeJson.MAPPER.treeToValue(series, RestScheduleConf.class);
        } catch (JsonProcessingException e) {
            // the schema admits only what the model can hold, so this means the two disagree
            throw new InvalidChangeException(
                    "series does not fit the meeting model: " + Echo.unquoted(e.getOriginalMessage()), e);
        }
    }
}
