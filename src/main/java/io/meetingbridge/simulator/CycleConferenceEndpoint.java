package io.meetingbridge.simulator;

import java.util.Set;

/**
 * PUT /v1/mmc/management/cycleconferences?conferenceID=..., "Modifying a Recurring Meeting Series":
 * checks the query and the body, then replaces the series, with freshly scheduled occurrences, and
 * answers them. A cancelled series is not found and a started one is refused. An unknown series is
 * created by default (the bridge's tests need no create first); strict mode refuses it as the real
 * API would. A test may hold an accepted PUT's answer after the series is stored
 * ({@link FaultPlan#holdSeriesUpdates()}).
 */
record CycleConferenceEndpoint(SeriesStore store, FaultPlan faults, boolean createsUnknownSeries)
        implements ApiEndpoint {

    static final String PATH = MeetingOperation.UPDATE_SERIES.path();

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of());
        SeriesSchedule schedule = SeriesSchedule.of(request.requiredJsonObject());
        ApiResponse answer = store.change(MeetingOperation.UPDATE_SERIES, conferenceID,
                current -> replace(conferenceID, current, schedule));
        if (answer.status() == 200) {
            faults.holdSeriesUpdateIfAsked();
        }
        return answer;
    }

    private SeriesStore.Decision replace(String conferenceID, StoredSeries current, SeriesSchedule schedule) {
        if (current == null ? !createsUnknownSeries : current.cancelled()) {
            return SeriesStore.Decision.refuse(MeetingErrors.meetingNotFound());
        }
        if (current != null && faults.started().isStarted(current)) {
            return SeriesStore.Decision.refuse(MeetingErrors.alreadyStarted());
        }
        StoredSeries replaced = schedule.asSeries(conferenceID, current == null ? 1 : current.version() + 1);
        ApiResponse answer = ApiResponse.json(200, ConferenceInfoRenderer.seriesAnswer(replaced));
        return SeriesStore.Decision.write(replaced, answer);
    }
}
