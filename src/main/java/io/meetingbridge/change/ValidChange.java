package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A meeting change that passed validation: everything the schema and the series rules can check without
 * the series ledger.
 *
 * @param changeId         the producer's id of the change, null when the record has none
 * @param seriesKey        the upstream system's id of the series, null when absent
 * @param conferenceID     the series' id at the API, ASCII digits; null when absent (always for a create)
 * @param body             create and modify: the series exactly as it came; modify-occurrence: the occurrence
 *                         as it came less {@code occurrenceStart}; null for the cancels
 * @param occurrenceStart  modify-occurrence naming its occurrence by its current start, else null
 * @param cycleSubConfIDs  cancel-occurrences by id, else empty
 * @param occurrenceStarts cancel-occurrences by current start, else empty
 */
public record ValidChange(String changeId, ChangeAction action, String seriesKey, String conferenceID, ObjectNode body,
                          String occurrenceStart, List<String> cycleSubConfIDs, List<String> occurrenceStarts) {
}
