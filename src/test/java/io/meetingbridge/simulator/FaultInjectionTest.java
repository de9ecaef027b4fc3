package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultInjectionTest extends SimulatorTestBase {

    private static final String OTHER_CONFERENCE = "960083733";

    private int putStatus(String conferenceID) {
        return client.put("conferenceID=" + conferenceID, token, WEEKLY_SERIES).statusCode();
    }

    @Test
    void conferenceFaultAnswersItsStatusAndBodyForTheNextCallsOnly() {
        simulator.faults().failConference(CONFERENCE_ID,
                ApiResponse.error(400, MeetingErrors.MEETING_NOT_FOUND, "meeting does not exist"), 2);

        HttpResponse<String> first = client.putSeries(token);

        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(json(first).get("error_code").asText()).isEqualTo(MeetingErrors.MEETING_NOT_FOUND);
        assertThat(json(first).get("error_msg").asText()).isEqualTo("meeting does not exist");
        assertThat(first.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(putStatus(OTHER_CONFERENCE)).isEqualTo(200);
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(400);
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
        assertThat(simulator.traffic().putCalls(CONFERENCE_ID)).isEqualTo(3);
    }

    @Test
    void permanentConferenceFaultLastsUntilCleared() {
        simulator.faults().failConferenceAlways(CONFERENCE_ID, MeetingErrors.typicalFor(500));

        assertThat(IntStream.range(0, 5).map(call -> putStatus(CONFERENCE_ID))).containsOnly(500);

        simulator.faults().clearConference(CONFERENCE_ID);
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
    }

    @Test
    void throttlingFaultCarriesRetryAfter() {
        simulator.faults().failConference(CONFERENCE_ID,
                MeetingErrors.typicalFor(429).withHeader("Retry-After", "3"), 1);

        HttpResponse<String> response = client.putSeries(token);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.FLOW_CONTROL);
    }

    @Test
    void globalFaultFailsTheNextPutsOfAnyConference() {
        simulator.faults().failNextPuts(2, MeetingErrors.typicalFor(503));

        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(503);
        assertThat(putStatus(OTHER_CONFERENCE)).isEqualTo(503);
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryPut() {
        simulator.faults().setPutLatency(Duration.ofMillis(300));

        long started = System.nanoTime();
        int status = putStatus(CONFERENCE_ID);

        assertThat(status).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void expiredTokensGetUsg000000004UntilTheClientAuthenticatesAgain() {
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);

        simulator.tokens().expireAll();
        HttpResponse<String> response = client.putSeries(token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.TOKEN_INVALID);
        assertThat(client.putSeries(client.accessToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void shortTokenValidityIsReportedAndHonoured() throws IOException {
        try (MeetingApiSimulator shortLived = MeetingApiSimulator.builder()
                .credential(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY)
                .tokenValidity(Duration.ofMinutes(5))
                .start()) {
            HttpResponse<String> response = new SimulatorTestClient(shortLived).authenticate();

            assertThat(json(response).get("validPeriod").asLong()).isEqualTo(300);
        }
    }

    @Test
    void authOutageAnswersUntilCleared() {
        simulator.faults().failAuth(503);
        HttpResponse<String> down = client.authenticate();
        simulator.faults().failAuth(401);
        HttpResponse<String> rejected = client.authenticate();
        simulator.faults().clearAuthFailure();

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("error_code").asText()).isEqualTo(MeetingErrors.AUTH_UNAVAILABLE);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(json(rejected).get("error_code").asText()).isEqualTo(MeetingErrors.AUTH_FAILED);
        assertThat(client.authenticate().statusCode()).isEqualTo(200);
        assertThat(simulator.traffic().authCalls()).isEqualTo(4);
    }

    private int callStatus(MeetingOperation operation, String conferenceID) {
        return client.call(operation.method(), operation.path() + "?conferenceID=" + conferenceID, token,
                operation.method().equals("GET") ? null : "{}").statusCode();
    }

    @Test
    void droppedConnectionGivesTheClientAnIoExceptionAndNoAnswer() {
        simulator.faults().failNextPuts(1, ApiResponse.dropConnection());

        assertThatThrownBy(() -> client.putSeries(token))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(simulator.traffic().putCalls()).isEqualTo(1);
        assertThat(client.putSeries(token).statusCode()).isEqualTo(200);
    }

    @Test
    void faultForAnyCallHitsEveryOperationButNotAuthentication() {
        simulator.faults().failNextCalls(3, MeetingErrors.typicalFor(503));

        assertThat(client.accessToken()).isNotEmpty();
        assertThat(callStatus(MeetingOperation.CANCEL_SERIES, CONFERENCE_ID)).isEqualTo(503);
        assertThat(callStatus(MeetingOperation.SHOW_DETAIL, CONFERENCE_ID)).isEqualTo(503);
        assertThat(callStatus(MeetingOperation.CREATE_SERIES, CONFERENCE_ID)).isEqualTo(503);
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
    }

    @Test
    void faultForOneOperationLeavesTheOthersAlone() {
        simulator.faults().failNext(MeetingOperation.CANCEL_OCCURRENCES, 1,
                MeetingErrors.typicalFor(429).withRetryAfter(7));

        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
        HttpResponse<String> throttled = client.call("DELETE", MeetingOperation.CANCEL_OCCURRENCES.path()
                + "?conferenceID=" + CONFERENCE_ID, token, "{\"cycleSubConfIDs\":[\"x\"]}");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(callStatus(MeetingOperation.CANCEL_OCCURRENCES, CONFERENCE_ID)).isNotEqualTo(429);
    }

    @Test
    void conferenceFaultHitsEveryCallNamingThatConference() {
        assertThat(putStatus(CONFERENCE_ID)).isEqualTo(200);
        simulator.faults().failConference(CONFERENCE_ID, MeetingErrors.typicalFor(500), 2);

        assertThat(callStatus(MeetingOperation.CANCEL_SERIES, CONFERENCE_ID)).isEqualTo(500);
        assertThat(callStatus(MeetingOperation.SHOW_DETAIL, OTHER_CONFERENCE)).isEqualTo(400);
        assertThat(callStatus(MeetingOperation.SHOW_DETAIL, CONFERENCE_ID)).isEqualTo(500);
        assertThat(callStatus(MeetingOperation.CANCEL_SERIES, CONFERENCE_ID)).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryMeetingCall() {
        simulator.faults().setCallLatency(Duration.ofMillis(300));

        long started = System.nanoTime();
        int status = callStatus(MeetingOperation.SEARCH_MEETINGS, CONFERENCE_ID);

        assertThat(status).isEqualTo(400); // a search names no conferenceID
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(simulator.faults().putLatency()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void faultArmedForNCallsFiresExactlyNTimesUnderConcurrency() {
        simulator.faults().failNextPuts(20, MeetingErrors.typicalFor(502));

        long failures = IntStream.range(0, 100).parallel()
                .map(call -> putStatus(CONFERENCE_ID))
                .filter(status -> status == 502)
                .count();

        assertThat(failures).isEqualTo(20);
        assertThat(simulator.traffic().putCalls()).isEqualTo(100);
    }
}
