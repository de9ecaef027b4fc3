package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.MeetingOperation.CANCEL_OCCURRENCES;
import static io.meetingbridge.simulator.MeetingOperation.CANCEL_SERIES;
import static io.meetingbridge.simulator.MeetingOperation.CREATE_SERIES;
import static io.meetingbridge.simulator.MeetingOperation.SEARCH_MEETINGS;
import static io.meetingbridge.simulator.MeetingOperation.SHOW_DETAIL;
import static io.meetingbridge.simulator.MeetingOperation.UPDATE_OCCURRENCE;
import static io.meetingbridge.simulator.MeetingOperation.UPDATE_SERIES;
import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Create, change, read, list and cancel a series and its occurrences over real HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SeriesLifecycleTest extends SimulatorTestBase {

    private HttpResponse<String> call(MeetingOperation operation, String query, String body) {
        return client.call(operation.method(), operation.path() + (query == null ? "" : "?" + query), token, body);
    }

    /** Creates the weekly series and answers its ConferenceInfo. */
    private JsonNode create() {
        HttpResponse<String> response = call(CREATE_SERIES, null, WEEKLY_SERIES);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get(0);
    }

    private JsonNode detail(String conferenceID) {
        HttpResponse<String> response = call(SHOW_DETAIL, "conferenceID=" + conferenceID, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("conferenceData");
    }

    private static List<String> ids(JsonNode info) {
        return StreamSupport.stream(info.get("subConfs").spliterator(), false)
                .map(subConf -> subConf.get("cycleSubConfID").asText())
                .toList();
    }

    private static void assertError(HttpResponse<String> response, int status, String errorCode) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response).get("error_code").asText()).isEqualTo(errorCode);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static String occurrenceBody(String cycleSubConfID, String startTime) {
        return "{\"cycleSubConfID\":\"" + cycleSubConfID + "\",\"mediaTypes\":\"Voice\",\"startTime\":\"" + startTime
                + "\",\"length\":90,\"description\":\"moved\",\"confConfigInfo\":{\"enableWaitingRoom\":true}}";
    }

    @Test
    void createAssignsANewConferenceIdAndAnswersLikeThePut() {
        JsonNode info = create();

        String conferenceID = info.get("conferenceID").asText();
        assertThat(conferenceID).matches("[1-9][0-9]{8}");
        assertThat(info.get("subConfs")).hasSize(9);
        assertThat(info.get("cycleSubConfID").asText()).isEqualTo(ids(info).get(0));
        assertThat(info.get("subConfs").get(1).get("startTime").asText()).isEqualTo("2026-03-04 01:00");
        assertThat(info.get("subConfs").get(1).get("endTime").asText()).isEqualTo("2026-03-04 02:00");
        assertThat(info.get("subConfs").get(1).get("conferenceID").asText()).isEqualTo(conferenceID);
        assertThat(simulator.series(conferenceID)).hasValueSatisfying(series -> {
            assertThat(series.version()).isEqualTo(1);
            assertThat(series.occurrences()).extracting(StoredOccurrence::cycleSubConfID)
                    .containsExactlyElementsOf(ids(info));
        });
        assertThat(create().get("conferenceID").asText()).isNotEqualTo(conferenceID);
        assertThat(simulator.traffic().calls(CREATE_SERIES)).isEqualTo(2);
        assertThat(simulator.traffic().putCalls()).isZero();
    }

    @Test
    void detailShowsTheSeriesWithTheOccurrencesItWasAnswered() {
        JsonNode created = create();
        String conferenceID = created.get("conferenceID").asText();

        HttpResponse<String> response = call(SHOW_DETAIL, "conferenceID=" + conferenceID + "&offset=0&limit=10", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("conferenceData")).isEqualTo(created);
        assertThat(json(response).get("data").toString())
                .isEqualTo("{\"offset\":0,\"limit\":10,\"count\":0,\"data\":[]}");
    }

    @Test
    void listFindsScheduledSeriesBySubjectWithPaging() {
        String first = create().get("conferenceID").asText();
        String second = create().get("conferenceID").asText();
        call(UPDATE_SERIES, "conferenceID=42", WEEKLY_SERIES.replace("Weekly sync", "Board meeting"));

        JsonNode page = json(call(SEARCH_MEETINGS, "searchKey=weekly&offset=1&limit=1", null));

        assertThat(page.get("count").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("data")).hasSize(1);
        JsonNode entry = page.get("data").get(0);
        assertThat(entry.get("conferenceID").asText()).isIn(first, second);
        assertThat(entry.get("subject").asText()).isEqualTo("Weekly sync");
        assertThat(entry.get("startTime").asText()).isEqualTo("2026-03-02 01:00");
        assertThat(entry.has("subConfs")).isFalse();
        assertThat(json(call(SEARCH_MEETINGS, null, null)).get("count").asInt()).isEqualTo(3);
        assertError(call(SEARCH_MEETINGS, "limit=0", null), 400, MeetingErrors.INVALID_PARAMETER);
        assertError(call(SEARCH_MEETINGS, "userUUID=x", null), 400, MeetingErrors.INVALID_PARAMETER);
    }

    @Test
    void putReplacesACreatedSeriesWithNewOccurrences() {
        JsonNode created = create();
        String conferenceID = created.get("conferenceID").asText();

        HttpResponse<String> response = call(UPDATE_SERIES, "conferenceID=" + conferenceID,
                WEEKLY_SERIES.replace("\"length\":60", "\"length\":30"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode replaced = json(response).get(0);
        assertThat(replaced.get("subConfs").get(0).get("endTime").asText()).isEqualTo("2026-03-02 01:30");
        assertThat(ids(replaced)).doesNotContainAnyElementsOf(ids(created));
        assertThat(detail(conferenceID)).isEqualTo(replaced);
    }

    @Test
    void occurrenceEditMovesOneOccurrenceAndKeepsStartOrder() {
        JsonNode created = create();
        String conferenceID = created.get("conferenceID").asText();
        String second = ids(created).get(1);

        HttpResponse<String> response = call(UPDATE_OCCURRENCE, "conferenceID=" + conferenceID,
                occurrenceBody(second, "2026-03-01 23:00"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        JsonNode moved = detail(conferenceID).get("subConfs").get(0);
        assertThat(moved.get("cycleSubConfID").asText()).isEqualTo(second);
        assertThat(moved.get("startTime").asText()).isEqualTo("2026-03-01 23:00");
        assertThat(moved.get("endTime").asText()).isEqualTo("2026-03-02 00:30");
        assertThat(moved.get("mediaType").asText()).isEqualTo("Voice");
        assertThat(moved.get("description").asText()).isEqualTo("moved");
        assertThat(moved.get("confConfigInfo").toString())
                .isEqualTo("{\"callInRestriction\":0,\"allowGuestStartConf\":true,\"enableWaitingRoom\":true}");
        assertThat(detail(conferenceID).get("startTime").asText()).isEqualTo("2026-03-01 23:00");
    }

    @Test
    void occurrenceEditOfAnUnknownOccurrenceOrSeriesIsNotFoundAndBadBodiesAreInvalid() {
        String conferenceID = create().get("conferenceID").asText();

        assertError(call(UPDATE_OCCURRENCE, "conferenceID=" + conferenceID, occurrenceBody("nope", "2026-03-02 01:00")),
                400, MeetingErrors.MEETING_NOT_FOUND);
        assertError(call(UPDATE_OCCURRENCE, "conferenceID=1", occurrenceBody("nope", "2026-03-02 01:00")),
                400, MeetingErrors.MEETING_NOT_FOUND);
        HttpResponse<String> tooShort = call(UPDATE_OCCURRENCE, "conferenceID=" + conferenceID,
                occurrenceBody("nope", "2026-03-02 01:00").replace("90", "14"));
        assertError(tooShort, 400, MeetingErrors.INVALID_PARAMETER);
        assertThat(json(tooShort).get("error_msg").asText()).isEqualTo("length must be 15..1440");
        assertError(call(UPDATE_OCCURRENCE, "conferenceID=" + conferenceID, "{\"mediaTypes\":\"Voice\"}"),
                400, MeetingErrors.INVALID_PARAMETER);
    }

    @Test
    void occurrenceCancelRemovesThemAndASecondCancelIsNotFound() {
        JsonNode created = create();
        String query = "conferenceID=" + created.get("conferenceID").asText();
        List<String> ids = ids(created);
        String body = "{\"cycleSubConfIDs\":[\"" + ids.get(0) + "\",\"" + ids.get(2) + "\"]}";

        HttpResponse<String> cancelled = call(CANCEL_OCCURRENCES, query, body);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).isEmpty();
        JsonNode after = detail(created.get("conferenceID").asText());
        assertThat(ids(after)).hasSize(7).doesNotContain(ids.get(0), ids.get(2));
        assertThat(after.get("startTime").asText()).isEqualTo("2026-03-04 01:00");
        assertError(call(CANCEL_OCCURRENCES, query, body), 400, MeetingErrors.MEETING_NOT_FOUND);
        assertError(call(CANCEL_OCCURRENCES, query, "{\"cycleSubConfIDs\":[]}"), 400, MeetingErrors.OCCURRENCE_IDS_EMPTY);
        assertError(call(CANCEL_OCCURRENCES, query, "{}"), 400, MeetingErrors.OCCURRENCE_IDS_EMPTY);
    }

    @Test
    void seriesCancelIsAnsweredOnceThenTheSeriesIsGoneEverywhere() {
        String conferenceID = create().get("conferenceID").asText();
        String query = "conferenceID=" + conferenceID;

        HttpResponse<String> cancelled = call(CANCEL_SERIES, query, null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(cancelled.body()).isEmpty();
        assertError(call(CANCEL_SERIES, query, null), 400, MeetingErrors.MEETING_NOT_FOUND);
        assertError(call(SHOW_DETAIL, query, null), 400, MeetingErrors.MEETING_NOT_FOUND);
        assertError(call(UPDATE_SERIES, query, WEEKLY_SERIES), 400, MeetingErrors.MEETING_NOT_FOUND);
        assertThat(json(call(SEARCH_MEETINGS, null, null)).get("count").asInt()).isZero();
        assertThat(simulator.series(conferenceID)).hasValueSatisfying(series -> assertThat(series.cancelled()).isTrue());
        assertError(call(CANCEL_SERIES, "conferenceID=123", null), 400, MeetingErrors.MEETING_NOT_FOUND);
    }

    @Test
    void startedSeriesOrOccurrenceRefusesChangesButTypeOneEndsIt() {
        JsonNode created = create();
        String conferenceID = created.get("conferenceID").asText();
        String query = "conferenceID=" + conferenceID;
        String first = ids(created).get(0);
        simulator.faults().markOccurrenceStarted(first);

        assertError(call(UPDATE_OCCURRENCE, query, occurrenceBody(first, "2026-03-02 02:00")),
                400, MeetingErrors.MEETING_ALREADY_STARTED);
        assertError(call(CANCEL_OCCURRENCES, query, "{\"cycleSubConfIDs\":[\"" + first + "\"]}"),
                400, MeetingErrors.MEETING_ALREADY_STARTED);
        assertError(call(UPDATE_SERIES, query, WEEKLY_SERIES), 400, MeetingErrors.MEETING_ALREADY_STARTED);
        assertError(call(CANCEL_SERIES, query, null), 400, MeetingErrors.MEETING_ALREADY_STARTED);
        assertThat(call(UPDATE_OCCURRENCE, query, occurrenceBody(ids(created).get(1), "2026-03-04 02:00"))
                .statusCode()).isEqualTo(200);

        simulator.faults().markStarted(conferenceID);
        assertError(call(UPDATE_OCCURRENCE, query, occurrenceBody(ids(created).get(1), "2026-03-04 03:00")),
                400, MeetingErrors.MEETING_ALREADY_STARTED);
        assertThat(call(CANCEL_SERIES, query + "&type=1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void strictSimulatorAnswersNotFoundForAPutOfAnUnknownSeries() throws IOException {
        try (MeetingApiSimulator strict = MeetingApiSimulator.builder()
                .credential(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY)
                .strictSeriesLookup()
                .start()) {
            SimulatorTestClient strictClient = new SimulatorTestClient(strict);
            String strictToken = strictClient.accessToken();

            assertError(strictClient.put("conferenceID=914087436", strictToken, WEEKLY_SERIES),
                    400, MeetingErrors.MEETING_NOT_FOUND);
            String created = json(strictClient.call("POST", CREATE_SERIES.path(), strictToken, WEEKLY_SERIES))
                    .get(0).get("conferenceID").asText();
            assertThat(strictClient.put("conferenceID=" + created, strictToken, WEEKLY_SERIES).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void everyOperationChecksTheAccessTokenAndIsCounted() {
        for (MeetingOperation operation : MeetingOperation.values()) {
            HttpResponse<String> response = client.call(operation.method(), operation.path() + "?conferenceID=1",
                    "not-a-token", operation.method().equals("GET") ? null : WEEKLY_SERIES);

            assertError(response, 401, MeetingErrors.TOKEN_INVALID);
            assertThat(simulator.traffic().calls(operation)).as(operation.name()).isEqualTo(1);
        }
        assertThat(simulator.traffic().callsByOperation()).containsEntry("POST " + AuthEndpoint.PATH, 1L);
    }

    @Test
    void queriesWithParametersTheOperationDoesNotTakeAreInvalid() {
        String conferenceID = create().get("conferenceID").asText();

        assertError(call(CREATE_SERIES, "userUUID=x", WEEKLY_SERIES), 400, MeetingErrors.INVALID_PARAMETER);
        assertError(call(CANCEL_SERIES, "conferenceID=" + conferenceID + "&type=2", null),
                400, MeetingErrors.INVALID_PARAMETER);
        assertError(call(SHOW_DETAIL, "conferenceID=" + conferenceID + "&userUUID=x", null),
                400, MeetingErrors.INVALID_PARAMETER);
        assertError(call(SHOW_DETAIL, "conferenceID=abc", null), 400, MeetingErrors.INVALID_PARAMETER);
    }
}
