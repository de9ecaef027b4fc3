package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingErrors;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes of one series that share a lane in one batch: each has its own retries and its own count of
 * attempts, whatever the change before it used.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LaneRetriesTest {

    private static final String CONFERENCE = "555000111";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void aChangeAfterOneThatUsedEveryRetryStillHasItsOwn() {
        world.api.faults().failNext(MeetingOperation.UPDATE_SERIES, 3, MeetingErrors.typicalFor(503));
        world.api.faults().failNext(MeetingOperation.CANCEL_SERIES, 1, MeetingErrors.typicalFor(503));
        modifyThenCancelInOneLane();

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isEqualTo(4);
        assertThat(world.api.traffic().calls(MeetingOperation.CANCEL_SERIES)).isEqualTo(2);
        assertThat(world.occurrences()).extracting(r -> header(r, "meeting-change-id"))
                .containsExactly("m1", "m1", "m1", "m1", "m1", "m1", "m1", "m1",
                        "c2", "c2", "c2", "c2", "c2", "c2", "c2", "c2");
    }

    @Test
    void aDeadLetterCountsTheAttemptsOfItsOwnChangeOnly() {
        world.api.faults().failNext(MeetingOperation.CANCEL_SERIES, 1, MeetingErrors.typicalFor(400));
        modifyThenCancelInOneLane();

        // the cancel read the series (confDetail), then its DELETE was refused: two requests of its own
        assertThat(world.deadLetters()).singleElement().satisfies(r -> {
            assertThat(header(r, "dlq-change-id")).isEqualTo("c2");
            assertThat(header(r, "dlq-reason")).isEqualTo("rejected");
            assertThat(header(r, "dlq-attempts")).isEqualTo("2");
        });
    }

    /**
     * A modify (m1) and a cancel (c2) of the series, published before the bridge starts: one poll, one lane, the
     * cancel right after the modify; then waits until both are committed.
     */
    private void modifyThenCancelInOneLane() {
        world.publish(List.of(
                SampleChanges.keyed(world.topics.changes(), CONFERENCE, SampleChanges.weekly("m1", CONFERENCE)),
                SampleChanges.keyed(world.topics.changes(), CONFERENCE,
                        "{\"changeId\":\"c2\",\"action\":\"cancel\",\"conferenceID\":\"" + CONFERENCE + "\"}")));
        world.startBridge();
        world.awaitAllCommitted();
    }
}
