package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DELETE /v1/mmc/management/conferences/cyclesubconf?conferenceID=...[&amp;type=...] with
 * {@code {"cycleSubConfIDs":[...]}}, cancels occurrences. 200 without a body. All or nothing: when one
 * id is unknown (or already cancelled) the answer is not found and no occurrence is cancelled; when one
 * has started, the cancel is refused unless type=1.
 */
record CancelOccurrencesEndpoint(SeriesStore store, StartedMeetings started) implements ApiEndpoint {

    private static final String IDS = "cycleSubConfIDs";

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of(CancelType.PARAMETER));
        boolean endsRunning = CancelType.endsRunning(request.query());
        List<String> ids = occurrenceIds(request.requiredJsonObject());
        if (ids.isEmpty()) {
            return ApiResponse.error(400, MeetingErrors.OCCURRENCE_IDS_EMPTY, IDS + " must not be empty");
        }
        return store.change(MeetingOperation.CANCEL_OCCURRENCES, conferenceID, current -> cancel(current, ids, endsRunning));
    }

    private SeriesStore.Decision cancel(StoredSeries current, List<String> ids, boolean endsRunning) {
        boolean allKnown = current != null && !current.cancelled()
                && ids.stream().allMatch(id -> current.occurrence(id).isPresent());
        if (!allKnown) {
            return SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound());
        }
        if (!endsRunning && ids.stream().anyMatch(id -> started.isStarted(current.conferenceID(), id))) {
            return SeriesStore.Decision.refuse(MeetingErrors.alreadyStarted());
        }
        List<StoredOccurrence> left = current.occurrences().stream()
                .filter(occurrence -> !ids.contains(occurrence.cycleSubConfID()))
                .toList();
        return SeriesStore.Decision.write(current.withOccurrences(left), ApiResponse.okWithoutBody());
    }

    /** The ids sent; empty when the field is missing, null or an empty array. */
    private static List<String> occurrenceIds(JsonNode body) throws InvalidFieldException {
        JsonNode sent = body.path(IDS);
        if (sent.isMissingNode() || sent.isNull()) {
            return List.of();
        }
        if (!sent.isArray()) {
            throw new InvalidFieldException(IDS + " must be an array of strings");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : sent) {
            if (!id.isTextual()) {
                throw new InvalidFieldException(IDS + " must be an array of strings");
            }
            ids.add(id.asText());
        }
        return ids;
    }
}
