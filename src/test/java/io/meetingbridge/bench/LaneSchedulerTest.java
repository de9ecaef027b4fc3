package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ReceivedChange;
import io.meetingbridge.change.SourceRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LaneSchedulerTest {

    private final Map<String, List<Long>> appliedByConference = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();

    @Test
    void runsConferencesConcurrentlyUpToTheLimitEachInOffsetOrder() throws Exception {
        List<ReceivedChange> poll = interleaved(6, 3);

        try (LaneScheduler lanes = new LaneScheduler(this::record, 2)) {
            lanes.applyAll(poll);
        }

        assertThat(mostOpen.get()).isEqualTo(2);
        assertThat(appliedByConference).hasSize(6);
        appliedByConference.values().forEach(offsets -> assertThat(offsets).hasSize(3).isSorted());
    }

    @Test
    void aFailedLaneFailsThePollOnceEveryOtherLaneHasEnded() {
        List<ReceivedChange> poll = interleaved(4, 2);
        String failing = LaneScheduler.laneOf(poll.get(0));

        try (LaneScheduler lanes = new LaneScheduler(change -> {
            if (LaneScheduler.laneOf(change).equals(failing)) {
                throw new ExecutionException("write failed", new IllegalStateException());
            }
            record(change);
        }, 2)) {
            assertThatThrownBy(() -> lanes.applyAll(poll)).isInstanceOf(ExecutionException.class);
        }

        assertThat(appliedByConference).hasSize(3).doesNotContainKey(failing);
        appliedByConference.values().forEach(offsets -> assertThat(offsets).hasSize(2));
    }

    private void record(ReceivedChange change) throws InterruptedException {
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        try {
            Thread.sleep(20); // long enough for the other lanes to overlap
            appliedByConference.computeIfAbsent(LaneScheduler.laneOf(change), key -> new ArrayList<>())
                    .add(change.source().offset());
        } finally {
            open.decrementAndGet();
        }
    }

    /** {@code perConference} changes of each of {@code conferences} conferences, round robin as the benchmark publishes them. */
    private static List<ReceivedChange> interleaved(int conferences, int perConference) {
        List<ReceivedChange> poll = new ArrayList<>();
        for (int offset = 0; offset < conferences * perConference; offset++) {
            String conferenceId = Long.toString(900_000_000L + offset % conferences);
            byte[] value = WeeklySeries.change("bench-" + offset, conferenceId, 8).getBytes(StandardCharsets.UTF_8);
            SourceRecord source = new SourceRecord("changes", 0, offset, 0L,
                    conferenceId.getBytes(StandardCharsets.UTF_8), value, List.of());
            poll.add(ReceivedChange.parse(source, new ChangeParser()));
        }
        return poll;
    }
}
