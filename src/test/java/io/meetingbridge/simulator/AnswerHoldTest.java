package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.WEEKLY_SERIES;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The gap a crash-safe bridge must survive: the write is stored, but its writer has not heard so. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AnswerHoldTest extends SimulatorTestBase {

    private CompletableFuture<HttpResponse<String>> createInBackground() {
        return CompletableFuture.supplyAsync(
                () -> client.call("POST", MeetingOperation.CREATE_SERIES.path(), token, WEEKLY_SERIES));
    }

    @Test
    void heldCreateHasStoredItsSeriesAndAnswersOnRelease() {
        AnswerHold hold = simulator.faults().holdCreates();

        CompletableFuture<HttpResponse<String>> create = createInBackground();

        assertThat(hold.awaitHeld(Duration.ofSeconds(20))).isTrue();
        assertThat(create).isNotDone();
        assertThat(simulator.scheduledSeries()).hasSize(1);
        String stored = simulator.scheduledSeries().get(0).conferenceID();
        HttpResponse<String> listed = client.call("GET", MeetingOperation.SEARCH_MEETINGS.path(), token, null);
        assertThat(SimulatorTestClient.json(listed).get("data").get(0).get("conferenceID").asText())
                .isEqualTo(stored);
        hold.release();
        HttpResponse<String> answer = create.join();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(SimulatorTestClient.json(answer).get(0).get("conferenceID").asText()).isEqualTo(stored);
        assertThat(hold.heldCount()).isZero();
    }

    @Test
    void heldSeriesPutHasStoredItsSeriesAndAnswersOnRelease() {
        AnswerHold hold = simulator.faults().holdSeriesUpdates();

        CompletableFuture<HttpResponse<String>> put = CompletableFuture.supplyAsync(() -> client.call("PUT",
                MeetingOperation.UPDATE_SERIES.path() + "?conferenceID=42", token,
                WEEKLY_SERIES.replace("Weekly sync", "Board meeting")));

        assertThat(hold.awaitHeld(Duration.ofSeconds(20))).isTrue();
        assertThat(put).isNotDone();
        assertThat(simulator.series("42").orElseThrow().body().get("subject").asText()).isEqualTo("Board meeting");
        assertThat(simulator.traffic().openCalls()).as("the held PUT, received and not answered").isEqualTo(1);
        hold.release();
        assertThat(put.join().statusCode()).isEqualTo(200);
        assertThat(hold.heldCount()).isZero();
        assertThat(simulator.traffic().openCalls()).isZero();
    }

    @Test
    void afterReleaseCreatesAnswerAtOnceAndClearAllReleasesToo() {
        AnswerHold first = simulator.faults().holdCreates();
        first.release();
        assertThat(createInBackground().join().statusCode()).isEqualTo(200);
        assertThat(first.awaitHeld(Duration.ofMillis(1))).isFalse();

        AnswerHold second = simulator.faults().holdCreates();
        CompletableFuture<HttpResponse<String>> held = createInBackground();
        assertThat(second.awaitHeld(Duration.ofSeconds(20))).isTrue();
        assertThat(simulator.faults().heldCreates()).isEqualTo(1);
        simulator.faults().clearAll();

        assertThat(held.join().statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatGivesUpWhileHeldLeavesTheSeriesCreated() throws Exception {
        AnswerHold hold = simulator.faults().holdCreates();
        HttpClient impatient = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        simulator.baseUri().resolve(MeetingOperation.CREATE_SERIES.path()))
                .header("X-Access-Token", token)
                .timeout(Duration.ofMillis(500))
                .POST(HttpRequest.BodyPublishers.ofString(WEEKLY_SERIES))
                .build();

        CompletableFuture<HttpResponse<String>> create =
                impatient.sendAsync(request, HttpResponse.BodyHandlers.ofString());

        assertThat(hold.awaitHeld(Duration.ofSeconds(20))).isTrue();
        assertThat(create).failsWithin(Duration.ofSeconds(20));
        hold.release();
        assertThat(simulator.scheduledSeries()).hasSize(1);
    }
}
