package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.CONFERENCE_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SimulatorAdminEndpointTest extends SimulatorTestBase {

    @Test
    void conferenceFaultWithRetryAfterCanBeArmedOverHttp() {
        assertThat(client.admin("POST", "/simulator/faults?conferenceID=" + CONFERENCE_ID
                + "&status=429&times=1&retryAfter=2").statusCode()).isEqualTo(204);

        HttpResponse<String> throttled = client.putSeries(token);

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(client.putSeries(token).statusCode()).isEqualTo(200);
    }

    @Test
    void faultWithoutConferenceIdFailsTheNextPutsAndDeleteClearsFaults() {
        client.admin("POST", "/simulator/faults?status=503&times=5");
        assertThat(client.putSeries(token).statusCode()).isEqualTo(503);

        assertThat(client.admin("DELETE", "/simulator/faults").statusCode()).isEqualTo(204);
        assertThat(client.putSeries(token).statusCode()).isEqualTo(200);
    }

    @Test
    void latencyTokensAndAuthAreControlledOverHttp() {
        client.admin("POST", "/simulator/latency?millis=250");
        assertThat(simulator.faults().putLatency()).isEqualTo(Duration.ofMillis(250));

        client.admin("POST", "/simulator/tokens/expire");
        assertThat(client.putSeries(token).statusCode()).isEqualTo(401);

        client.admin("POST", "/simulator/auth?status=503");
        assertThat(client.authenticate().statusCode()).isEqualTo(503);
        client.admin("POST", "/simulator/auth?status=ok");
        assertThat(client.authenticate().statusCode()).isEqualTo(200);
    }

    @Test
    void statsReportCallCounts() {
        client.putSeries(token);
        client.put("conferenceID=42", token, SimulatorTestClient.WEEKLY_SERIES);

        HttpResponse<String> response = client.admin("GET", "/simulator/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stats = json(response);
        assertThat(stats.get("authCalls").asLong()).isEqualTo(1);
        assertThat(stats.get("putCalls").asLong()).isEqualTo(2);
        assertThat(stats.get("liveTokens").asInt()).isEqualTo(1);
        assertThat(stats.get("putCallsByConference").toString()).isEqualTo("{\"42\":1,\"914087436\":1}");
    }

    @Test
    void createsAreHeldAndReleasedOverHttpAndStatsShowThem() {
        assertThat(client.admin("POST", "/simulator/creates/hold").statusCode()).isEqualTo(204);
        CompletableFuture<HttpResponse<String>> create = CompletableFuture.supplyAsync(() -> client.call("POST",
                MeetingOperation.CREATE_SERIES.path(), token, SimulatorTestClient.WEEKLY_SERIES));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> json(client.admin("GET", "/simulator/stats")).get("heldCreates").asInt() == 1);
        assertThat(client.admin("POST", "/simulator/creates/release").statusCode()).isEqualTo(204);

        assertThat(create.join().statusCode()).isEqualTo(200);
        JsonNode stats = json(client.admin("GET", "/simulator/stats"));
        assertThat(stats.get("heldCreates").asInt()).isZero();
        assertThat(stats.get("maxConcurrentPuts").asInt()).isEqualTo(1);
        assertThat(stats.get("maxCallsPerSecond").asInt()).isBetween(1, 2);
        assertThat(stats.get("callsByOperation").get("POST " + MeetingOperation.CREATE_SERIES.path()).asLong())
                .isEqualTo(1);
        assertThat(stats.get("overlappedConferences").toString()).isEqualTo("[]");
    }

    @Test
    void startedMarksAndDroppedConnectionsAreControlledOverHttp() {
        assertThat(client.putSeries(token).statusCode()).isEqualTo(200);

        assertThat(client.admin("POST", "/simulator/started?conferenceID=" + CONFERENCE_ID).statusCode())
                .isEqualTo(204);
        HttpResponse<String> refused = client.putSeries(token);
        assertThat(json(refused).get("error_code").asText()).isEqualTo(MeetingErrors.MEETING_ALREADY_STARTED);

        client.admin("DELETE", "/simulator/faults");
        client.admin("POST", "/simulator/faults?status=drop&calls=any");
        assertThatThrownBy(() -> client.putSeries(token)).isInstanceOf(UncheckedIOException.class);
        assertThat(client.putSeries(token).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownControlsAndBadParametersAreRefused() {
        assertThat(client.admin("POST", "/simulator/started").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/simulator/nothing").statusCode()).isEqualTo(404);
        assertThat(client.admin("GET", "/simulator/faults").statusCode()).isEqualTo(404);
        assertThat(client.admin("POST", "/simulator/latency?millis=soon").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/simulator/latency?millis=-1").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/simulator/faults?status=503&times=0").statusCode()).isEqualTo(400);
        assertThat(client.admin("POST", "/simulator/auth?status=200").statusCode()).isEqualTo(400);
    }
}
