package io.meetingbridge.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's worth of changes, sorted into lanes by series. Lanes run concurrently, the changes of
 * a lane one after the other in offset order. The batch stops starting changes once one lane failed or
 * its deadline passed; it is over only when every lane has stopped. What finished is then committed per
 * partition up to its first unfinished change, and the rest is read again.
 */
public final class ChangeBatch {

    /** A batch with nothing to run: every record was left out, or the bridge is shutting down. */
    static final ChangeBatch EMPTY = new ChangeBatch(null, List.of(), change -> "", 0);

    private final Consumer<?, ?> consumer;
    private final List<ReceivedChange> changes;
    private final List<Lane> lanes;
    private final long deadlineNanos;
    private final long startedNanos = System.nanoTime();
    private final Set<ReceivedChange> finished = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ChangeBatch(Consumer<?, ?> consumer, List<ReceivedChange> changes, Function<ReceivedChange, String> laneOf,
                long deadlineNanos) {
        this.consumer = consumer;
        this.changes = changes;
        this.deadlineNanos = deadlineNanos;
        Map<String, List<ReceivedChange>> bySeries = new LinkedHashMap<>();
        for (ReceivedChange change : changes) {
            bySeries.computeIfAbsent(laneOf.apply(change), k -> new ArrayList<>()).add(change);
        }
        this.lanes = bySeries.values().stream().map(laneChanges -> new Lane(this, laneChanges)).toList();
    }

    public List<Lane> getLanes() {
        return lanes;
    }

    public int size() {
        return changes.size();
    }

    Consumer<?, ?> consumer() {
        return consumer;
    }

    long startedNanos() {
        return startedNanos;
    }

    boolean hasFailed() {
        return failure.get() != null;
    }

    boolean isPastDeadline() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    void finished(ReceivedChange change) {
        finished.add(change);
    }

    /** The first failure stops every lane at its next change boundary. */
    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * What its changes wrote to the series ledger was not all acknowledged: none of them counts as finished, so
     * nothing of the batch is committed and all of it is read again.
     */
    void unfinishAll(Throwable cause) {
        finished.clear();
        fail(cause);
    }

    int finishedCount() {
        return finished.size();
    }

    /** Per partition, in the order of the poll: where the finished prefix ends. */
    List<PartitionProgress> progress() {
        Map<TopicPartition, PartitionProgress> byPartition = new LinkedHashMap<>();
        for (ReceivedChange change : changes) {
            SourceRecord source = change.source();
            PartitionProgress progress = byPartition.computeIfAbsent(
                    new TopicPartition(source.topic(), source.partition()), p -> new PartitionProgress(p, source.offset()));
            progress.lastOffset = source.offset();
            boolean done = finished.contains(change);
            if (progress.complete && done) {
                progress.resumeAt = source.offset() + 1;
            } else if (progress.complete) {
                progress.resumeAt = source.offset();
                progress.complete = false;
            } else if (done) {
                progress.finishedAhead.add(source.offset());
            }
        }
        return List.copyOf(byPartition.values());
    }

    /** One partition's share of the batch: the offset to commit, and whether all of it finished. */
    static final class PartitionProgress {
        final TopicPartition partition;
        long resumeAt;
        long lastOffset;
        /** True while every change so far finished: the prefix still grows. */
        boolean complete = true;
        /** Changes beyond the prefix that finished all the same (lanes of other series). */
        final Set<Long> finishedAhead = new HashSet<>();

        PartitionProgress(TopicPartition partition, long firstOffset) {
            this.partition = partition;
            this.resumeAt = firstOffset;
            this.lastOffset = firstOffset;
        }
    }
}
