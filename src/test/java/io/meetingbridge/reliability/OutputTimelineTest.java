package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.OutputRecords;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link OutputTimeline} finds the pause a hand-over made in the output, and none where there was none. */
class OutputTimelineTest {

    private final OutputRecords outputs = new OutputRecords();

    @Test
    void aGapInTheOutputIsTheLongestPauseOfItsWindow() {
        long from = outputs.now();
        outputs.applied("c-1", "700000000", 8).later(5_000).applied("c-2", "700000000", 8);
        long to = outputs.now();
        OutputTimeline timeline = OutputTimeline.of(Ledger.of(outputs.occurrences(), List.of()));

        HandOver handOver = new HandOver("SIGTERM", "bridge-0", from, to);
        assertThat(timeline.longestPause(handOver)).isEqualTo(5_000 + 1);
        assertThat(timeline.partitionsPausedLongerThan(1_000, handOver)).isEqualTo(1);
        assertThat(timeline.partitionsPausedLongerThan(10_000, handOver)).isZero();
    }

    @Test
    void steadyOutputHasNoPauseLongerThanItsSpacing() {
        long from = outputs.now();
        outputs.applied("c-1", "700000000", 8).applied("c-2", "700000000", 8);
        OutputTimeline timeline = OutputTimeline.of(Ledger.of(outputs.occurrences(), List.of()));

        assertThat(timeline.longestPause(new HandOver("SIGTERM", "bridge-0", from, outputs.now()))).isEqualTo(1);
    }

    @Test
    void aWindowWithoutOutputIsOnePause() {
        outputs.applied("c-1", "700000000", 8).later(10_000);
        long from = outputs.now();
        OutputTimeline timeline = OutputTimeline.of(Ledger.of(outputs.occurrences(), List.of()));

        assertThat(timeline.longestPause(new HandOver("kill -9", "bridge-0", from, from + 3_000))).isEqualTo(3_000);
    }
}
