package io.meetingbridge.change;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Per partition, which polled records are new work. camel-kafka keeps polled records across polls, so
 * after the bridge rewinds a partition (a failed or cut-short batch) two kinds of records reach it that
 * must not run: records fetched before the rewind that lie beyond the rewound batch (stale: running them
 * would apply a series' later change before its earlier one), and records the bridge has already handed
 * out or finished (duplicates). Used only on the consumer's polling thread.
 */
final class PartitionCursors {

    /** What to do with one polled record. */
    enum Verdict { RUN, DUPLICATE, STALE }

    private final Map<TopicPartition, Cursor> cursors = new HashMap<>();
    private int generation = -1;

    /**
     * A rebalance since the last sort may have taken partitions away and given them back, their next owner
     * having repeated or moved past what this instance handed out: the duplicate guard starts afresh, trusting
     * the committed offsets. Rewind marks stay, since the stale records they guard against are still polled.
     */
    void generation(int current) {
        if (current != generation) {
            generation = current;
            cursors.values().removeIf(cursor -> cursor.rewoundBatchEnd == null);
            cursors.values().forEach(cursor -> cursor.finishedAhead.clear());
        }
    }

    Verdict admit(TopicPartition partition, long offset) {
        Cursor cursor = cursors.computeIfAbsent(partition, p -> new Cursor(offset));
        if (cursor.rewoundBatchEnd != null && offset > cursor.rewoundBatchEnd) {
            return Verdict.STALE;
        }
        if (offset < cursor.next || cursor.finishedAhead.contains(offset)) {
            return Verdict.DUPLICATE;
        }
        cursor.next = offset + 1;
        return Verdict.RUN;
    }

    /** Where a partition must be read again from after stale records were dropped. */
    long next(TopicPartition partition) {
        return cursors.get(partition).next;
    }

    /**
     * A rewind marks only the first batch sorted after it: that batch holds the stale records, if any.
     * Should the partition's records there lie beyond the batch for another reason (retention, a new
     * owner's progress), dropping them once and reading again from the rewind point is safe.
     */
    void endOfSort() {
        cursors.values().forEach(c -> c.rewoundBatchEnd = null);
    }

    /**
     * The partition is read again from {@code offset}; {@code batchEnd} was the last offset of the rewound
     * batch, and {@code finishedAhead} the changes beyond {@code offset} that did finish (other series' lanes):
     * they are not run again when read again. Those an earlier rewind named stay finished: the rewound batch
     * never held them (they were skipped as duplicates), so it cannot name them again.
     */
    void rewound(TopicPartition partition, long offset, long batchEnd, Set<Long> finishedAhead) {
        Cursor cursor = cursors.computeIfAbsent(partition, p -> new Cursor(offset));
        cursor.next = offset;
        cursor.rewoundBatchEnd = batchEnd;
        cursor.finishedAhead.removeIf(finished -> finished < offset);
        cursor.finishedAhead.addAll(finishedAhead);
    }

    /**
     * Where a partition's commit may go, given that its batch finished everything before {@code resumeAt}: past
     * the changes right after it that an earlier batch finished. This batch left them out as duplicates, so
     * without this a finished change at the end of a partition would stay uncommitted.
     */
    long finishedThrough(TopicPartition partition, long resumeAt) {
        Cursor cursor = cursors.get(partition);
        if (cursor == null) {
            return resumeAt;
        }
        long through = resumeAt;
        while (cursor.finishedAhead.contains(through)) {
            through++;
        }
        long committed = through;
        cursor.finishedAhead.removeIf(finished -> finished < committed);
        return through;
    }

    /** The partition is no longer this instance's: its next owner starts from the last commit. */
    void forget(TopicPartition partition) {
        cursors.remove(partition);
    }

    private static final class Cursor {
        long next;
        Long rewoundBatchEnd;
        final Set<Long> finishedAhead = new HashSet<>();

        Cursor(long next) {
            this.next = next;
        }
    }
}
