package io.meetingbridge.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a batch commits: its finished prefix, or nothing when the series ledger did not acknowledge its writes. */
@Timeout(5)
class ChangeBatchTest {

    private final List<ReceivedChange> changes = List.of(change(10, "1"), change(11, "2"), change(12, "1"));

    @Test
    void theFinishedPrefixOfEachPartitionIsCommitted() {
        ChangeBatch batch = new ChangeBatch(null, changes, ChangeBatchTest::conference, Long.MAX_VALUE);
        batch.finished(changes.get(0));
        batch.finished(changes.get(2));

        ChangeBatch.PartitionProgress progress = batch.progress().get(0);
        assertThat(progress.partition).isEqualTo(new TopicPartition("changes", 0));
        assertThat(progress.resumeAt).isEqualTo(11);
        assertThat(progress.complete).isFalse();
        assertThat(progress.finishedAhead).containsExactly(12L);
    }

    @Test
    void unacknowledgedLedgerWritesLeaveNothingOfTheBatchFinished() {
        ChangeBatch batch = new ChangeBatch(null, changes, ChangeBatchTest::conference, Long.MAX_VALUE);
        changes.forEach(batch::finished);

        batch.unfinishAll(new IllegalStateException("the series ledger did not acknowledge a write"));

        ChangeBatch.PartitionProgress progress = batch.progress().get(0);
        assertThat(progress.resumeAt).as("read again from the batch's first change").isEqualTo(10);
        assertThat(progress.complete).isFalse();
        assertThat(progress.finishedAhead).isEmpty();
        assertThat(batch.finishedCount()).isZero();
        assertThat(batch.failure()).isPresent();
    }

    private static ReceivedChange change(long offset, String conferenceID) {
        byte[] value = ("{\"conferenceID\":\"" + conferenceID + "\"}").getBytes(StandardCharsets.UTF_8);
        return ReceivedChange.parse(new SourceRecord("changes", 0, offset, 0L, null, value, List.of()), new ChangeParser());
    }

    private static String conference(ReceivedChange change) {
        return change.treeOrNull().path("conferenceID").asText();
    }
}
