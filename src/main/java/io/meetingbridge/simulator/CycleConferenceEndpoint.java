package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PUT /v1/mmc/management/cycleconferences?conferenceID=..., "Modifying a Recurring Meeting Series".
 * In the order a real gateway and service would: injected faults, the access token, the query,
 * the body; then the series is replaced and answered with its computed occurrences.
 */
final class CycleConferenceEndpoint implements ApiEndpoint {

    static final String PATH = "/v1/mmc/management/cycleconferences";

    private static final String CONFERENCE_ID = "conferenceID";
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    private final TokenRegistry tokens;
    private final FaultPlan faults;
    private final TrafficRecorder traffic;
    private final SeriesStore store;

    CycleConferenceEndpoint(TokenRegistry tokens, FaultPlan faults, TrafficRecorder traffic, SeriesStore store) {
        this.tokens = tokens;
        this.faults = faults;
        this.traffic = traffic;
        this.store = store;
    }

    @Override
    public ApiResponse answer(ApiRequest request) {
        QueryString query = request.query();
        String conferenceID = query.first(CONFERENCE_ID).orElse(null);
        traffic.recordPut(new RecordedPut(conferenceID, request.rawQuery(), request.headers(), request.body(),
                request.receivedAt()));
        faults.applyPutLatency();
        Optional<ApiResponse> fault = faults.takePutFault(conferenceID);
        if (fault.isPresent()) {
            return fault.get();
        }
        if (!tokens.isLive(request.header("X-Access-Token"))) {
            return ApiResponse.error(401, MeetingErrors.TOKEN_INVALID, "token invalid or expired");
        }
        if (!query.names().equals(Set.of(CONFERENCE_ID)) || query.all(CONFERENCE_ID).size() != 1) {
            return invalid("the query must be exactly one conferenceID parameter");
        }
        if (!ASCII_DIGITS.matcher(conferenceID).matches()) {
            return invalid("conferenceID must be digits 0-9");
        }
        return request.jsonObject()
                .map(body -> replaceSeries(conferenceID, body))
                .orElseGet(() -> invalid("body must be a JSON object"));
    }

    private ApiResponse replaceSeries(String conferenceID, JsonNode body) {
        try {
            SeriesRequest series = SeriesRequest.parse(body);
            List<LocalDate> dates = OccurrenceCalendar.dates(series.cycleRule());
            if (dates.isEmpty()) {
                return invalid("cycleParams has no occurrence between startDate and endDate");
            }
            store.replace(conferenceID, body);
            return ApiResponse.json(200, ConferenceInfoRenderer.render(conferenceID, series, dates));
        } catch (InvalidFieldException e) {
            return invalid(e.getMessage());
        }
    }

    private static ApiResponse invalid(String reason) {
        return ApiResponse.error(400, MeetingErrors.INVALID_PARAMETER, reason);
    }
}
