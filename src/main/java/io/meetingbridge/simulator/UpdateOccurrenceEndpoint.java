package io.meetingbridge.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * PUT /v1/mmc/management/conferences/cyclesubconf?conferenceID=..., edits one occurrence. 200
 * without a body; an unknown series or occurrence is not found, a started one refused. The series'
 * occurrences stay in start order, so a moved occurrence may change places.
 */
record UpdateOccurrenceEndpoint(SeriesStore store, StartedMeetings started) implements ApiEndpoint {

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of());
        OccurrenceChange change = OccurrenceChange.parse(request.requiredJsonObject());
        return store.change(MeetingOperation.UPDATE_OCCURRENCE, conferenceID, current -> apply(current, change));
    }

    private SeriesStore.Decision apply(StoredSeries current, OccurrenceChange change) {
        if (current == null || current.cancelled() || current.occurrence(change.cycleSubConfID()).isEmpty()) {
            return SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound());
        }
        if (started.isStarted(current.conferenceID(), change.cycleSubConfID())) {
            return SeriesStore.Decision.refuse(MeetingErrors.alreadyStarted());
        }
        List<StoredOccurrence> changed = current.occurrences().stream()
                .map(occurrence -> occurrence.cycleSubConfID().equals(change.cycleSubConfID())
                        ? change.applyTo(occurrence)
                        : occurrence)
                .sorted(Comparator.comparing(StoredOccurrence::startTime))
                .toList();
        return SeriesStore.Decision.write(current.withOccurrences(changed), ApiResponse.okWithoutBody());
    }
}
