package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * GET /v1/mmc/management/conferences/confDetail?conferenceID=...[&amp;offset=&amp;limit=&amp;searchKey=]:
 * {@code {"conferenceData": ConferenceInfo with subConfs, "data": page of participants}}. The simulator
 * has no participants: the page is always empty. A cancelled series is not found, as past meetings are.
 */
record MeetingDetailEndpoint(SeriesStore store) implements ApiEndpoint {

    @Override
    public ApiResponse answer(ApiRequest request) throws InvalidFieldException {
        String conferenceID = ConferenceQuery.conferenceID(request.query(), Set.of("offset", "limit", "searchKey"));
        Page participants = Page.of(request.query());
        return store.find(conferenceID)
                .filter(series -> !series.cancelled())
                .map(series -> {
                    ObjectNode detail = Json.MAPPER.createObjectNode();
                    detail.set("conferenceData", ConferenceInfoRenderer.info(series, true));
                    detail.set("data", participants.answer(0, Json.MAPPER.createArrayNode()));
                    return ApiResponse.json(200, detail);
                })
                .orElseGet(MeetingErrors::meetingNotFound);
    }
}
