package io.meetingbridge.change;

import static io.meetingbridge.change.PartitionCursors.Verdict.DUPLICATE;
import static io.meetingbridge.change.PartitionCursors.Verdict.RUN;
import static io.meetingbridge.change.PartitionCursors.Verdict.STALE;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.change.PartitionCursors.Verdict;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which re-read records are new work, after rewinds and rebalances. */
@Timeout(5)
class PartitionCursorsTest {

    private static final TopicPartition P = new TopicPartition("changes", 0);
    private final PartitionCursors cursors = new PartitionCursors();

    @BeforeEach
    void firstGeneration() {
        cursors.generation(1);
    }

    @Test
    void recordsAlreadyHandedOutAreDuplicates() {
        assertThat(cursors.admit(P, 5)).isEqualTo(RUN);
        assertThat(cursors.admit(P, 6)).isEqualTo(RUN);
        assertThat(cursors.admit(P, 6)).isEqualTo(DUPLICATE);
        assertThat(cursors.admit(P, 9)).as("a gap (compaction, transaction markers) is fine").isEqualTo(RUN);
    }

    @Test
    void afterARewindRecordsBeyondTheRewoundBatchAreStaleOnceAndFinishedOnesAreNotRepeated() {
        batchOfTenToFourteenRewound(12L);
        assertThat(cursors.admit(P, 15)).as("fetched before the rewind").isEqualTo(STALE);
        assertThat(cursors.next(P)).isEqualTo(10);
        cursors.endOfSort();

        assertThat(admit(10, 13)).as("12 finished by another lane").containsExactly(RUN, RUN, DUPLICATE, RUN);
        assertThat(cursors.admit(P, 15)).as("the rewind mark is used up").isEqualTo(RUN);
    }

    @Test
    void aRebalanceRestartsTheDuplicateGuardButKeepsARewindMark() {
        cursors.admit(P, 0);
        cursors.admit(P, 1);
        TopicPartition other = new TopicPartition("changes", 1);
        cursors.admit(other, 20);
        cursors.rewound(other, 20, 25, Set.of(22L));
        cursors.generation(2);

        assertThat(cursors.admit(P, 1)).as("its next owner may have moved it back").isEqualTo(RUN);
        assertThat(cursors.admit(other, 26)).isEqualTo(STALE);
        assertThat(cursors.admit(other, 22)).as("another owner may have repeated older changes since").isEqualTo(RUN);
    }

    @Test
    void aChangeFinishedBeforeOneRewindStaysFinishedThroughTheNext() {
        batchOfTenToFourteenRewound(12L);
        cursors.endOfSort();
        assertThat(admit(10, 14)).containsExactly(RUN, RUN, DUPLICATE, RUN, RUN);

        // the second batch fails too: it finished 13, and never held 12; the next poll still holds the rewound batch
        cursors.rewound(P, 10, 14, Set.of(13L));
        assertThat(admit(10, 14))
                .as("12 finished in the first batch, 13 in the second; 14, the end of the rewound batch, is not beyond it")
                .containsExactly(RUN, RUN, DUPLICATE, DUPLICATE, RUN);
    }

    @Test
    void aCommitGoesPastTheFinishedChangesARewoundBatchLeftOutAsDuplicates() {
        batchOfTenToFourteenRewound(13L, 14L);
        cursors.endOfSort();
        admit(10, 14);

        assertThat(cursors.finishedThrough(P, 11)).as("11 is not finished yet").isEqualTo(11);
        assertThat(cursors.finishedThrough(P, 13)).as("10 to 12 finished now, 13 and 14 before").isEqualTo(15);
        assertThat(cursors.finishedThrough(new TopicPartition("changes", 7), 3)).as("a partition never rewound")
                .isEqualTo(3);
    }

    /** A poll hands out the offsets 10 to 14; then their batch fails and is rewound, these changes finished. */
    private void batchOfTenToFourteenRewound(Long... finished) {
        admit(10, 14);
        cursors.rewound(P, 10, 14, Set.of(finished));
    }

    /** Offers the offsets from..to, in order, as records a poll brought: the verdict on each. */
    private List<Verdict> admit(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(offset -> cursors.admit(P, offset)).toList();
    }
}
