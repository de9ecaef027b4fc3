package io.meetingbridge.change;

import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a batch, as the consuming route drives it: open (sort a poll into lanes), close (commit what
 * finished, read the rest again, back off after a failure). In between, each lane runs change by change
 * ({@link LaneSteps}); commits are {@link FinishedCommits}'.
 *
 * <p>The bridge, not camel-kafka, decides what a failed batch does: the consumer never sees an error,
 * so it never leaves and rejoins its group. Open and close run while the polling thread waits for the
 * batch, so the consumer is used by one thread at a time.
 */
public final class ChangeBatches {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeBatches.class);

    private final ChangeParser parser;
    private final SeriesDirectory series;
    private final BooleanSupplier shuttingDown;
    private final Duration deadline;
    private final FinishedCommits commits;
    private final IntervalFunction backoff;
    private final Timer batchDuration;
    private final Counter failedBatches;
    private final PartitionCursors cursors = new PartitionCursors();
    /**
     * Whether partitions came to this instance since the ledger last caught up (from the start: yes). Partitions
     * kept through a cooperative rebalance were never anyone else's, so they need no catch-up.
     */
    private boolean partitionsGained = true;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    public ChangeBatches(ChangeParser parser, SeriesDirectory series, Duration deadline, FinishedCommits commits,
                         IntervalFunction backoff, MeterRegistry meters, BooleanSupplier shuttingDown) {
        this.parser = parser;
        this.series = series;
        this.shuttingDown = shuttingDown;
        this.deadline = deadline;
        this.commits = commits;
        this.backoff = backoff;
        this.batchDuration = Timer.builder("meeting.bridge.batch.duration")
                .description("Time from opening a batch to committing it, back-off after a failure included")
                .register(meters);
        this.failedBatches = Counter.builder("meeting.bridge.batch.failures")
                .description("Batches stopped by a failure and read again after a back-off").register(meters);
    }

    /** Sorts a poll into lanes, leaving out records that are not new work (see {@link PartitionCursors}). */
    public ChangeBatch open(List<Exchange> records) throws InterruptedException {
        if (records.isEmpty()) {
            return ChangeBatch.EMPTY;
        }
        if (shuttingDown.getAsBoolean()) {
            // camel-kafka may hand over one more poll while the routes stop: running it would wait on routes
            // already stopped and keep the consumer from leaving its group; the records stay uncommitted
            LOG.info("Shutting down: {} polled records are left to be read again", records.size());
            return ChangeBatch.EMPTY;
        }
        Consumer<?, ?> consumer = manualCommit(records.get(0)).getConsumer();
        Set<TopicPartition> assignment = consumer.assignment();
        int generation = consumer.groupMetadata().generationId();
        cursors.generation(generation);
        Throwable behind = catchUpAfterRebalance();
        List<ReceivedChange> changes = new ArrayList<>(records.size());
        Map<TopicPartition, Long> readAgain = new HashMap<>();
        int revoked = 0;
        int duplicates = 0;
        for (Exchange record : records) {
            DefaultKafkaManualCommit position = manualCommit(record);
            TopicPartition partition = position.getPartition();
            long offset = position.getRecordOffset();
            // camel-kafka does not drop records of partitions revoked since they were polled: their new
            // owner reads them again, and running them here too would race it
            if (!assignment.contains(partition)) {
                revoked++;
                continue;
            }
            switch (cursors.admit(partition, offset)) {
                case RUN -> changes.add(ReceivedChange.parse(SourceRecord.of(record), parser));
                case DUPLICATE -> duplicates++;
                case STALE -> readAgain.put(partition, cursors.next(partition));
            }
        }
        cursors.endOfSort();
        readAgain.forEach(consumer::seek);
        if (revoked + duplicates + readAgain.size() > 0) {
            LOG.info("Left out {} records of revoked partitions and {} already handed out; read {} partitions again",
                    revoked, duplicates, readAgain.size());
        }
        ChangeBatch batch = new ChangeBatch(consumer, changes, change -> series.laneOf(change.treeOrNull()),
                System.nanoTime() + deadline.toNanos());
        if (behind != null) {
            batch.fail(behind); // no lane starts: the whole poll is read again after a back-off
        }
        return batch;
    }

    /**
     * Partitions may have come from another instance: the series ledger first learns what it applied.
     * Null when done, else why not.
     */
    private Throwable catchUpAfterRebalance() throws InterruptedException {
        try {
            series.rewriteUnconfirmed();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return new IllegalStateException("the series ledger could not be written: " + e, e);
        }
        if (!partitionsGained) {
            return null;
        }
        try {
            series.catchUp();
            partitionsGained = false;
            return null;
        } catch (TimeoutException | RuntimeException e) {
            return new IllegalStateException("the series ledger could not be read to its end: " + e, e);
        }
    }

    /**
     * Every lane has stopped. Commits each partition up to its first unfinished change, reads the rest
     * again from there, and after a failure waits a growing, capped back-off before the next poll.
     */
    public void close(ChangeBatch batch) throws InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        Consumer<?, ?> consumer = batch.consumer();
        // the series ledger has every applied change of the batch before any of it is committed
        Throwable unwritten = series.awaitWrites();
        if (unwritten != null) {
            batch.unfinishAll(new IllegalStateException("the series ledger did not acknowledge a write: " + unwritten,
                    unwritten));
        }
        List<ChangeBatch.PartitionProgress> progress = batch.progress();
        progress.forEach(p -> p.resumeAt = cursors.finishedThrough(p.partition, p.resumeAt));
        commits.commitBatch(consumer, progress);
        // unfinished changes are read again whether or not the commit went through: skipping them here and
        // committing a later batch would lose them
        Set<TopicPartition> owned = consumer.assignment();
        int rewound = 0;
        for (ChangeBatch.PartitionProgress p : progress) {
            if (!owned.contains(p.partition)) {
                cursors.forget(p.partition); // its next owner starts from the last commit
            } else if (!p.complete) {
                consumer.seek(p.partition, p.resumeAt);
                cursors.rewound(p.partition, p.resumeAt, p.lastOffset, p.finishedAhead);
                rewound++;
            }
        }
        if (batch.failure().isPresent()) {
            failedBatches.increment();
            long wait = backoff.apply(failuresInARow.incrementAndGet());
            LOG.warn("Batch stopped after {} of {} changes: {}. Committed what finished; the other {} partition(s) "
                    + "are read again in {} ms", batch.finishedCount(), batch.size(), describe(batch.failure().get()),
                    rewound, wait);
            Thread.sleep(wait);
        } else {
            failuresInARow.set(0);
            if (rewound > 0) {
                LOG.info("Batch reached its deadline after {} of {} changes; the rest is read again",
                        batch.finishedCount(), batch.size());
            }
        }
        batchDuration.record(System.nanoTime() - batch.startedNanos(), TimeUnit.NANOSECONDS);
    }

    /** Kafka assigned these partitions (on the polling thread, like {@link #open}): new ones may bring history. */
    void partitionsAssigned(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            partitionsGained = true;
            series.partitionsGained(numbers(partitions));
        }
    }

    /** Kafka took these partitions away (revoked or lost): the series ledger forgets their series. */
    void partitionsGone(Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            series.partitionsGone(numbers(partitions));
        }
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).toList();
    }

    /** Batches stopped by a failure since the start. */
    public long failures() {
        return (long) failedBatches.count();
    }

    private static String describe(Throwable failure) {
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static DefaultKafkaManualCommit manualCommit(Exchange record) {
        return record.getMessage().getHeader(KafkaConstants.MANUAL_COMMIT, DefaultKafkaManualCommit.class);
    }
}
