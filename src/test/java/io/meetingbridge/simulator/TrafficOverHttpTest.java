package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Overlap and rate as the bridge's ordering and rate-limit tests read them, over real HTTP. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrafficOverHttpTest extends SimulatorTestBase {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private CompletableFuture<HttpResponse<String>> sendAsync(MeetingOperation operation, String query) {
        URI uri = URI.create(simulator.baseUri() + operation.path() + (query == null ? "" : "?" + query));
        return http.sendAsync(HttpRequest.newBuilder(uri).header("X-Access-Token", token)
                        .method(operation.method(), HttpRequest.BodyPublishers.ofString(WEEKLY_SERIES)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void heldCreatesAreModifyingCallsOpenAtOnce() {
        AnswerHold hold = simulator.faults().holdCreates();

        List<CompletableFuture<HttpResponse<String>>> creates = IntStream.range(0, 4)
                .mapToObj(call -> sendAsync(MeetingOperation.CREATE_SERIES, null))
                .toList();
        await().atMost(Duration.ofSeconds(20)).until(() -> hold.heldCount() == 4);
        hold.release();

        assertThat(creates).allSatisfy(create -> assertThat(create.join().statusCode()).isEqualTo(200));
        assertThat(simulator.traffic().maxConcurrentPuts()).isEqualTo(4);
        assertThat(simulator.traffic().overlappedConferences()).isEmpty();
    }

    @Test
    void callsOfOneConferenceAnsweredOneAfterAnotherNeverOverlap() {
        // the next call leaves the client the moment it reads the previous answer: the closest two calls can be
        for (int call = 0; call < 50; call++) {
            assertThat(client.putSeries(token).statusCode()).isEqualTo(200);
        }

        assertThat(simulator.traffic().maxConcurrentCalls(SimulatorTestClient.CONFERENCE_ID)).isEqualTo(1);
        assertThat(simulator.traffic().overlappedConferences()).isEmpty();
        assertThat(simulator.traffic().maxConcurrentPuts()).isEqualTo(1);
    }

    @Test
    void twoCallsOfOneConferenceInFlightTogetherAreReportedAsOverlapping() {
        simulator.faults().setCallLatency(Duration.ofSeconds(2));

        CompletableFuture<HttpResponse<String>> put = sendAsync(MeetingOperation.UPDATE_SERIES, "conferenceID=5");
        CompletableFuture<HttpResponse<String>> read = sendAsync(MeetingOperation.SHOW_DETAIL, "conferenceID=5");
        put.join();
        read.join();

        assertThat(simulator.traffic().maxConcurrentCalls("5")).isEqualTo(2);
        assertThat(simulator.traffic().overlappedConferences()).containsExactly("5");
        assertThat(simulator.traffic().maxConcurrentPuts()).isEqualTo(1); // a read is not a modifying call
    }

    @Test
    void busiestWindowCountsEveryCallAuthenticationIncluded() {
        for (int call = 0; call < 5; call++) {
            client.putSeries(token);
        }

        // 1 authentication + 5 PUTs, all well within one minute
        assertThat(simulator.traffic().maxCallsInAnyWindow(Duration.ofMinutes(1))).isEqualTo(6);
        assertThat(simulator.traffic().maxCallsInAnyWindow(Duration.ofNanos(1))).isEqualTo(1);
    }
}
