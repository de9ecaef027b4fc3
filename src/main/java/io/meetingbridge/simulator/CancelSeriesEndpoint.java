package io.meetingbridge.simulator;

import java.util.Set;

/**
 * DELETE /v1/mmc/management/cycleconferences?conferenceID=...[&amp;type=...], cancels a whole series.
 * 200 without a body; an unknown or already cancelled series is not found, a started one refused
 * unless type=1.
 */
record CancelSeriesEndpoint(SeriesStore store, StartedMeetings started) implements ApiEndpoint {

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of(CancelType.PARAMETER));
        boolean endsRunning = CancelType.endsRunning(request.query());
        return store.change(MeetingOperation.CANCEL_SERIES, conferenceID, current -> {
            if (current == null || current.cancelled()) {
                return SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound());
            }
            if (!endsRunning && started.isStarted(current)) {
                return SeriesStore.Decision.refuse(MeetingErrors.alreadyStarted());
            }
            return SeriesStore.Decision.write(current.asCancelled(), ApiResponse.okWithoutBody());
        });
    }
}
