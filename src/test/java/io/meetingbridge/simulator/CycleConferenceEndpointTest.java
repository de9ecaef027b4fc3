package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CycleConferenceEndpointTest extends SimulatorTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertInvalid(HttpResponse<String> response, String errorMsg) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.INVALID_PARAMETER);
        assertThat(json(response).get("error_msg").asText()).isEqualTo(errorMsg);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void answersOneRecurringConferenceInfoWithTheComputedOccurrences() {
        HttpResponse<String> response = client.putSeries(token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.isArray()).isTrue();
        assertThat(answer).hasSize(1);
        JsonNode info = answer.get(0);
        assertThat(info.get("conferenceID").asText()).isEqualTo(CONFERENCE_ID);
        assertThat(info.get("subject").asText()).isEqualTo("Weekly sync");
        assertThat(info.get("mediaTypes").asText()).isEqualTo("HDVideo");
        assertThat(info.get("timeZoneID").asText()).isEqualTo("56");
        assertThat(info.get("conferenceState").asText()).isEqualTo("Schedule");
        assertThat(info.get("conferenceType").asInt()).isEqualTo(2);
        assertThat(info.get("confType").asText()).isEqualTo("CYCLE");
        assertThat(info.get("size").asInt()).isEqualTo(1);
        assertThat(info.get("startTime").asText()).isEqualTo("2026-03-02 01:00");
        assertThat(info.get("endTime").asText()).isEqualTo("2026-03-30 02:00");
        assertThat(info.get("cycleParams").get("point").toString()).isEqualTo("[1,3]");

        JsonNode subConfs = info.get("subConfs");
        assertThat(subConfs).hasSize(9);
        assertThat(info.get("cycleSubConfID")).isEqualTo(subConfs.get(0).get("cycleSubConfID"));
        JsonNode second = subConfs.get(1);
        assertThat(second.get("cycleSubConfID").asText()).matches("[0-9a-f]{32}");
        assertThat(second.get("conferenceID").asText()).isEqualTo(CONFERENCE_ID);
        assertThat(second.get("mediaType").asText()).isEqualTo("HDVideo");
        assertThat(second.get("startTime").asText()).isEqualTo("2026-03-04 01:00");
        assertThat(second.get("endTime").asText()).isEqualTo("2026-03-04 02:00");
        assertThat(second.get("isAutoRecord").asInt()).isZero();
        assertThat(second.get("recordAuthType").asInt()).isZero();
        assertThat(second.get("confConfigInfo").toString())
                .isEqualTo("{\"callInRestriction\":0,\"allowGuestStartConf\":true,\"enableWaitingRoom\":false}");
    }

    @Test
    void occurrenceIdsAndRequestIdsAreNeverReused() {
        List<String> occurrenceIds = new ArrayList<>();
        List<String> requestIds = new ArrayList<>();
        for (int put = 0; put < 3; put++) {
            HttpResponse<String> response = client.putSeries(token);
            json(response).get(0).get("subConfs").forEach(sub -> occurrenceIds.add(sub.get("cycleSubConfID").asText()));
            requestIds.add(response.headers().firstValue("X-Request-Id").orElseThrow());
        }

        assertThat(occurrenceIds).hasSize(27).doesNotHaveDuplicates();
        assertThat(requestIds).doesNotHaveDuplicates().allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(simulator.series(CONFERENCE_ID)).hasValueSatisfying(series -> {
            assertThat(series.version()).isEqualTo(3);
            assertThat(series.body().get("subject").asText()).isEqualTo("Weekly sync");
        });
    }

    @Test
    void withoutStartTimeAndLengthOccurrencesRunFromMidnightForThirtyMinutes() {
        String body = "{\"mediaTypes\":\"Voice\",\"cycleParams\":{\"startDate\":\"2026-12-31\",\"endDate\":\"2027-01-01\","
                + "\"cycle\":\"Day\",\"preRemindDays\":0}}";

        JsonNode subConfs = json(client.put("conferenceID=1", token, body)).get(0).get("subConfs");

        assertThat(subConfs).hasSize(2);
        assertThat(subConfs.get(1).get("startTime").asText()).isEqualTo("2027-01-01 00:00");
        assertThat(subConfs.get(1).get("endTime").asText()).isEqualTo("2027-01-01 00:30");
        assertThat(subConfs.get(1).get("mediaType").asText()).isEqualTo("Voice");
    }

    @Test
    void pastFiftyOccurrencesTheEndDateIsPulledBack() {
        String body = "{\"mediaTypes\":\"Voice\",\"cycleParams\":{\"startDate\":\"2026-12-01\",\"endDate\":\"2027-06-30\","
                + "\"cycle\":\"Day\",\"interval\":1,\"preRemindDays\":1}}";

        JsonNode info = json(client.put("conferenceID=1", token, body)).get(0);

        assertThat(info.get("subConfs")).hasSize(50);
        assertThat(info.get("cycleParams").get("endDate").asText()).isEqualTo("2027-01-19");
    }

    @Test
    void recordsEachPutAsReceived() {
        client.putSeries(token);

        RecordedPut put = simulator.traffic().recordedPuts().get(0);
        assertThat(put.conferenceID()).isEqualTo(CONFERENCE_ID);
        assertThat(put.rawQuery()).isEqualTo("conferenceID=" + CONFERENCE_ID);
        assertThat(put.header("x-access-token")).isEqualTo(token);
        assertThat(put.header("Content-Type")).isEqualTo("application/json");
        assertThat(put.body()).isEqualTo(WEEKLY_SERIES.getBytes(StandardCharsets.UTF_8));
        assertThat(put.toString()).doesNotContain(token);
        assertThat(simulator.traffic().putCalls(CONFERENCE_ID)).isEqualTo(1);
    }

    @Test
    void queryWithAParameterBesideConferenceIdIsRejected() {
        assertInvalid(client.put("conferenceID=1&userUUID=x", token, WEEKLY_SERIES),
                "the query must be exactly one conferenceID parameter");
        assertInvalid(client.put("conferenceID=1&conferenceID=2", token, WEEKLY_SERIES),
                "the query must be exactly one conferenceID parameter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"conferenceID=", "conferenceID=12a", "conferenceID=-1", "conferenceID=%EF%BC%91"})
    void conferenceIdThatIsNotAsciiDigitsIsRejected(String query) {
        assertInvalid(client.put(query, token, WEEKLY_SERIES), "conferenceID must be digits 0-9");
    }

    @Test
    void putWithoutALiveTokenIsUnauthorized() {
        HttpResponse<String> response = client.put("conferenceID=1", "not-a-token", WEEKLY_SERIES);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.TOKEN_INVALID);
        assertThat(client.put("conferenceID=1", null, WEEKLY_SERIES).statusCode()).isEqualTo(401);
    }

    static Stream<Arguments> fieldsOutsideTheDocumentedLimits() {
        return Stream.of(
                arguments("mediaTypes", null, "mediaTypes is required"),
                arguments("mediaTypes", "\"Video\"", "mediaTypes must be one of Voice, HDVideo"),
                arguments("length", "14", "length must be 15..1440"),
                arguments("length", "60.0", "length must be an integer"),
                arguments("subject", '"' + "s".repeat(129) + '"', "subject must be at most 128 characters"),
                arguments("startTime", "\"2026-02-30 01:00\"", "startTime must be a real time written yyyy-MM-dd HH:mm"),
                arguments("language", "\"fr-FR\"", "language must be one of zh-CN, en-US"),
                arguments("recordType", "4", "recordType must be 0..3"),
                arguments("cycleParams", null, "cycleParams is required"),
                arguments("cycleParams.startDate", "\"2026/03/02\"",
                        "cycleParams.startDate must be a real date written yyyy-MM-dd"),
                arguments("cycleParams.endDate", "\"2026-03-01\"", "cycleParams.endDate is before cycleParams.startDate"),
                arguments("cycleParams.endDate", "\"2027-03-03\"", "cycleParams spans more than one year"),
                arguments("cycleParams.cycle", "\"Year\"", "cycleParams.cycle must be Day, Week or Month"),
                arguments("cycleParams.interval", "6", "cycleParams.interval must be 1..5 for Week"),
                arguments("cycleParams.point", "[1,7]", "cycleParams.point 7 is out of range for Week"),
                arguments("cycleParams.point", "\"1\"", "cycleParams.point must be an array of integers"),
                arguments("cycleParams.preRemindDays", "31", "cycleParams.preRemindDays must be 0..30"),
                arguments("cycleParams", "{\"startDate\":\"2026-03-02\",\"endDate\":\"2026-03-07\",\"cycle\":\"Week\","
                        + "\"point\":[0]}", "cycleParams has no occurrence between startDate and endDate"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("fieldsOutsideTheDocumentedLimits")
    void bodyOutsideTheDocumentedLimitsIsRejectedNamingTheField(String field, String json, String errorMsg)
            throws IOException {
        assertInvalid(client.put("conferenceID=1", token, weeklySeriesWith(field, json)), errorMsg);
        assertThat(simulator.series("1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"mediaTypes\":\"Voice\",\"mediaTypes\":\"HDVideo\"}",
            "{\"mediaTypes\":\"Voice\"} {}"})
    void bodyThatIsNotOneJsonObjectIsRejected(String body) {
        assertInvalid(client.put("conferenceID=1", token, body), "body must be a JSON object");
    }

    /** The weekly series with one field, possibly inside cycleParams, set to a JSON value or removed (null). */
    private static String weeklySeriesWith(String field, String json) throws IOException {
        ObjectNode series = (ObjectNode) JSON.readTree(WEEKLY_SERIES);
        ObjectNode parent = field.startsWith("cycleParams.") ? (ObjectNode) series.get("cycleParams") : series;
        String name = field.substring(field.indexOf('.') + 1);
        if (json == null) {
            parent.remove(name);
        } else {
            parent.set(name, JSON.readTree(json));
        }
        return series.toString();
    }
}
