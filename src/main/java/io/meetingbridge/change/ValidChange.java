package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.RestScheduleConf;

/**
 * A meeting change that passed validation.
 *
 * @param changeId     the producer's id of the change, null when the record has none
 * @param conferenceID the series to modify, ASCII digits only
 * @param series       the PUT body exactly as it came: send this, never a re-serialized model
 * @param model        the same series bound to the typed model, for reading
 */
public record ValidChange(String changeId, String conferenceID, ObjectNode series, RestScheduleConf model) {
}
