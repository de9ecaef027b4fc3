package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrafficRecorderTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private static RecordedPut put(int number) {
        return new RecordedPut(String.valueOf(number % 2), "conferenceID=" + number,
                Map.of("X-Access-Token", List.of("token")), new byte[] {1}, Instant.now(), "");
    }

    @Test
    void keepsOnlyTheLatestTenThousandPutsButCountsThemAll() {
        TrafficRecorder recorder = new TrafficRecorder();

        for (int number = 1; number <= TrafficRecorder.MAX_RECORDED_PUTS + 5; number++) {
            recorder.recordPut(put(number));
        }

        List<RecordedPut> kept = recorder.recordedPuts();
        assertThat(kept).hasSize(TrafficRecorder.MAX_RECORDED_PUTS);
        assertThat(kept.get(0).rawQuery()).isEqualTo("conferenceID=6");
        assertThat(kept.get(kept.size() - 1).rawQuery()).isEqualTo("conferenceID=10005");
        assertThat(recorder.putCalls()).isEqualTo(10_005);
        assertThat(recorder.putCallsByConference()).containsExactly(Map.entry("0", 5002L), Map.entry("1", 5003L));
    }

    @Test
    void clearForgetsCountsPutsOverlapsAndReceiveTimes() {
        TrafficRecorder recorder = new TrafficRecorder();
        recorder.recordPut(put(1));
        recorder.recordAuthCall(null, null);
        OpenCall first = recorder.callReceived("PUT /x", "7", true);
        OpenCall second = recorder.callReceived("PUT /x", "7", true);

        recorder.clear();
        first.close();
        second.close();

        assertThat(recorder.recordedPuts()).isEmpty();
        assertThat(recorder.putCalls()).isZero();
        assertThat(recorder.putCalls("1")).isZero();
        assertThat(recorder.authCalls()).isZero();
        assertThat(recorder.callsByOperation()).isEmpty();
        assertThat(recorder.maxConcurrentPuts()).isZero();
        assertThat(recorder.overlappedConferences()).isEmpty();
        assertThat(recorder.maxCallsInAnyWindow(Duration.ofHours(1))).isZero();
        try (OpenCall afterClear = recorder.callReceived("PUT /x", "7", true)) {
            assertThat(recorder.maxConcurrentPuts()).isEqualTo(1);
        }
    }

    @Test
    void countsModifyingCallsOpenAtOnceAndConferencesThatOverlapped() {
        TrafficRecorder recorder = new TrafficRecorder();

        OpenCall put = recorder.callReceived("PUT /x", "1", true);
        OpenCall read = recorder.callReceived("GET /y", "1", false);
        OpenCall otherPut = recorder.callReceived("PUT /x", "2", true);
        put.close();
        put.close(); // closing twice counts once
        otherPut.close();
        read.close();
        recorder.callReceived("DELETE /x", "2", true).close();

        assertThat(recorder.maxConcurrentPuts()).isEqualTo(2);
        assertThat(recorder.maxConcurrentCalls("1")).isEqualTo(2);
        assertThat(recorder.maxConcurrentCalls("2")).isEqualTo(1);
        assertThat(recorder.maxConcurrentCalls("3")).isZero();
        assertThat(recorder.overlappedConferences()).containsExactly("1");
        assertThat(recorder.callsByOperation())
                .containsExactly(Map.entry("DELETE /x", 1L), Map.entry("GET /y", 1L), Map.entry("PUT /x", 2L));
    }

    @Test
    void busiestWindowCountsReceiveTimesInAnyWindowOfThatLength() {
        CallTimeline timeline = new CallTimeline(100);
        // 3 calls in the first second, 4 between 1.5 s and 2.4 s, recorded out of order
        for (long at : new long[] {0, SECOND / 2, SECOND - 1, 2_400_000_000L, 1_500_000_000L, 2_000_000_000L,
                1_900_000_000L}) {
            timeline.record(at);
        }

        assertThat(timeline.maxInAnyWindow(Duration.ofSeconds(1))).isEqualTo(4);
        assertThat(timeline.maxInAnyWindow(Duration.ofNanos(1))).isEqualTo(1);
        assertThat(timeline.maxInAnyWindow(Duration.ofSeconds(10))).isEqualTo(7);
    }

    @Test
    void timelineForgetsTheOldestCallsBeyondItsCapacity() {
        CallTimeline timeline = new CallTimeline(3_000);
        for (int call = 0; call < 2_000; call++) {
            timeline.record(0); // a burst that will be forgotten
        }
        for (int call = 0; call < 3_000; call++) {
            timeline.record(10 * SECOND + call * SECOND / 100); // 100 calls a second
        }

        assertThat(timeline.maxInAnyWindow(Duration.ofSeconds(1))).isEqualTo(100);
    }
}
