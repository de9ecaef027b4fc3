package io.meetingbridge.simulator;

/**
 * POST /v1/mmc/management/cycleconferences, "Creating a Recurring Meeting": the body as for the
 * PUT; the series gets a new 9-digit conferenceID and is answered like the PUT answers. A test may
 * hold the answer after the series is stored ({@link FaultPlan#holdCreates()}).
 */
record CreateSeriesEndpoint(SeriesStore store, FaultPlan faults) implements ApiEndpoint {

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        if (!request.query().names().isEmpty()) {
            throw new InvalidFieldException("a create takes no query parameters");
        }
        SeriesSchedule schedule = SeriesSchedule.of(request.requiredJsonObject());
        StoredSeries created = store.create(conferenceID -> schedule.asSeries(conferenceID, 1));
        faults.holdCreateIfAsked();
        return ApiResponse.json(200, ConferenceInfoRenderer.seriesAnswer(created));
    }
}
