package io.meetingbridge.simulator;

import java.util.Set;

/**
 * DELETE /v1/mmc/management/cycleconferences?conferenceID=...[&amp;type=...], cancels a whole series.
 * 200 without a body; an unknown or already cancelled series is not found, a started one refused
 * unless type=1.
 */
final class CancelSeriesEndpoint implements ApiEndpoint {

    private final SeriesStore store;
    private final StartedMeetings started;

    CancelSeriesEndpoint(SeriesStore store, StartedMeetings started) {
        this.store = store;
        this.started = started;
    }

    @Override
    public ApiResponse answer(ApiRequest request) {
        try {
            String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of(CancelType.PARAMETER));
            boolean endsRunning = CancelType.endsRunning(request.query());
            return store.change(conferenceID, current -> {
                if (current == null || current.cancelled()) {
                    return SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound());
                }
                if (!endsRunning && started.isStarted(current)) {
                    return SeriesStore.Decision.refuse(MeetingErrors.alreadyStarted());
                }
                return SeriesStore.Decision.write(current.asCancelled(), ApiResponse.okWithoutBody());
            });
        } catch (InvalidFieldException e) {
            return MeetingErrors.invalidParameter(e.getMessage());
        }
    }
}
