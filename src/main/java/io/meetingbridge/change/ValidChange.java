package io.meetingbridge.change;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A meeting change that passed validation: everything the schema and the Java rules can check
 * without the series ledger. Whether a seriesKey given alone names a series, and whether a seriesKey
 * and a conferenceID given together agree, is for the ledger to say.
 *
 * @param changeId         the producer's id of the change, null when the record has none
 * @param action           what the change asks for; {@link ChangeAction#MODIFY} when the record has no action
 * @param seriesKey        the upstream system's id of the series, null when absent
 * @param conferenceID     the series, ASCII digits only; null when absent (always null for create)
 * @param body             the request body to send, never re-serialized from a model.
 *                         create and modify: the {@code series} node exactly as it came.
 *                         modify-occurrence: the {@code occurrence} node as it came when it names
 *                         {@code cycleSubConfID}; when it names {@code occurrenceStart}, a copy of it
 *                         without that field (the bridge resolves it; the API does not take it).
 *                         patch: the {@code patch} node as it came; once applied, the patched series
 *                         cancel and cancel-occurrences: null
 * @param occurrenceStart  modify-occurrence naming the occurrence by its current start; else null
 * @param cycleSubConfIDs  cancel-occurrences by id, in the record's order; else empty
 * @param occurrenceStarts cancel-occurrences by current start, in the record's order; else empty
 * @param corpId           SP mode: the enterprise the change belongs to; null in enterprise mode
 */
public record ValidChange(String changeId,
                          ChangeAction action,
                          String seriesKey,
                          String conferenceID,
                          ObjectNode body,
                          String occurrenceStart,
                          List<String> cycleSubConfIDs,
                          List<String> occurrenceStarts,
                          String corpId) {

    public ValidChange {
        Objects.requireNonNull(action, "action");
        cycleSubConfIDs = cycleSubConfIDs == null ? List.of() : List.copyOf(cycleSubConfIDs);
        occurrenceStarts = occurrenceStarts == null ? List.of() : List.copyOf(occurrenceStarts);
    }
}
