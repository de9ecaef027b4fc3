package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficRecorderTest {

    private static RecordedPut put(int number) {
        return new RecordedPut(String.valueOf(number % 2), "conferenceID=" + number,
                Map.of("X-Access-Token", List.of("token")), new byte[] {1}, Instant.now());
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
    void clearForgetsCountsAndPuts() {
        TrafficRecorder recorder = new TrafficRecorder();
        recorder.recordPut(put(1));
        recorder.recordAuthCall();

        recorder.clear();

        assertThat(recorder.recordedPuts()).isEmpty();
        assertThat(recorder.putCalls()).isZero();
        assertThat(recorder.putCalls("1")).isZero();
        assertThat(recorder.authCalls()).isZero();
    }
}
