package io.meetingbridge.simulator;

/**
 * POST /v1/mmc/management/cycleconferences, "Creating a Recurring Meeting": the body as for the
 * PUT; the series gets a new 9-digit conferenceID and is answered like the PUT answers. A test may
 * hold the answer after the series is stored ({@link FaultPlan#holdCreates()}).
 */
final class CreateSeriesEndpoint implements ApiEndpoint {

    private final SeriesStore store;
    private final FaultPlan faults;

    CreateSeriesEndpoint(SeriesStore store, FaultPlan faults) {
        this.store = store;
        this.faults = faults;
    }

    @Override
    public ApiResponse answer(ApiRequest request) {
        if (!request.query().names().isEmpty()) {
            return MeetingErrors.invalidParameter("a create takes no query parameters");
        }
        try {
            SeriesSchedule schedule = SeriesSchedule.of(request.requiredJsonObject());
            StoredSeries created = store.create(conferenceID -> schedule.asSeries(conferenceID, 1));
            faults.holdCreateIfAsked();
            return ApiResponse.json(200, ConferenceInfoRenderer.seriesAnswer(created));
        } catch (InvalidFieldException e) {
            return MeetingErrors.invalidParameter(e.getMessage());
        }
    }
}
