package io.meetingbridge.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntUnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ledger partitions of the input partitions this instance owns from their start and then follows them, on
 * a thread of its own; a partition that goes is no longer read and its series are dropped ({@link Sink#dropped}).
 * When the ledger topic's partition count differs from the input's, it reads every partition instead (the layout
 * is decided once, see {@link #layout}). Writes of this instance are skipped once a partition is restored: it has
 * them already. A caller can wait until everything written before it asked has been read ({@link #catchUp}).
 */
final class LedgerFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollower.class);
    /** Long: requests and ownership changes wake the poll up, so an idle follower does not spin. */
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final int FETCH_MIN_BYTES = 64 * 1024;
    private static final int FETCH_WAIT_MS = 100;
    private static final int PARTITION_FETCH_BYTES = 8 * 1024 * 1024;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** Receives each value read, and the partitions no longer read. */
    interface Sink {
        /** A value of this ledger partition: the key and the value, null for a tombstone. */
        void read(String key, byte[] value, int partition);

        /** These ledger partitions are no longer read: their series are forgotten. */
        void dropped(Set<Integer> partitions);
    }

    /**
     * How the ledger lines up with the input.
     *
     * @param coPartitioned whether ledger partition p holds the series of input partition p, so an instance reads only
     *                      the partitions it owns; false when the counts differ: every partition is read
     * @param partitions    the ledger topic's partition count
     */
    record Layout(boolean coPartitioned, int partitions) {
    }

    private record CatchUp(CompletableFuture<Void> done, Map<TopicPartition, Long> target) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final String inputTopic;
    private final byte[] writer;
    private final Sink sink;
    private final IntUnaryOperator prepareTopic;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private final List<CatchUp> waiting = new ArrayList<>();
    /** The input partitions this instance owns, as the group last said. */
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    /** Per partition read from its start: the end it had then. Below it this instance's own writes are read too. */
    private final Map<TopicPartition, Long> restoreEnds = new HashMap<>();
    private final CompletableFuture<Layout> layout = new CompletableFuture<>();
    /** The ledger partitions assigned and set up to be read (the follower's thread only). */
    private Set<TopicPartition> reading = Set.of();
    private volatile boolean running = true;
    /** Released when there is work for a follower that has no partition to poll. */
    private final Semaphore work = new Semaphore(0);

    /**
     * @param prepareTopic runs once on the follower's thread, before the topic is read: makes sure the ledger topic
     *                     exists, given the input topic's partition count (0 when it cannot be read)
     */
    LedgerFollower(Properties connection, String topic, String inputTopic, String writer, Sink sink,
                   IntUnaryOperator prepareTopic) {
        Properties settings = LedgerTopic.readerSettings(connection);
        // the ledger is mostly this instance's own writes, read back only to be skipped: fetch them in bulk
        // (a catch-up may wait up to FETCH_WAIT_MS more for its last records)
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
        // a restore of few partitions would otherwise wait a round trip per MiB of each (Kafka's default)
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_BYTES);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "series-ledger-" + writer.substring(0, 8));
        // asking for the input topic's partitions must not create it
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(settings);
        this.topic = topic;
        this.inputTopic = inputTopic;
        this.writer = writer.getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
        this.prepareTopic = prepareTopic;
        this.thread = new Thread(this::follow, "series-ledger-follower");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Input partitions came to this instance: their ledger partitions are read from their start. */
    void own(Collection<Integer> partitions) {
        owned.addAll(partitions);
        wakeUp();
    }

    /** Input partitions went to another instance: their ledger partitions are no longer read. */
    void disown(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        wakeUp();
    }

    /** Ends the follower's wait: in a poll, or (with no partition to read) on its own. */
    private void wakeUp() {
        work.release();
        consumer.wakeup();
    }

    private void awaitWork() {
        try {
            if (work.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                work.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The ledger partitions this instance does not read: none when it reads the whole ledger, or has not looked yet. */
    Set<Integer> notRead() {
        Layout known = layout.getNow(null);
        Set<Integer> others = new HashSet<>();
        for (int p = 0; known != null && known.coPartitioned() && p < known.partitions(); p++) {
            if (!owned.contains(p)) {
                others.add(p);
            }
        }
        return others;
    }

    /** How the ledger lines up with the input, once the follower has looked (before its first read). */
    CompletableFuture<Layout> layout() {
        return layout;
    }

    /** Completes once every ledger value written before this call has been read. */
    CompletableFuture<Void> requestCatchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        requests.add(done);
        wakeUp();
        return done;
    }

    /** Waits until every ledger value written before this call has been read. */
    void catchUp(Duration timeout) throws InterruptedException, TimeoutException {
        CompletableFuture<Void> done = requestCatchUp();
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the series ledger cannot be read", e.getCause());
        }
    }

    private void follow() {
        try {
            while (running) {
                try {
                    if (!layout.isDone()) {
                        layout.complete(lookAtLayout());
                    }
                    takeRequests(layout.join());
                    answerRequests();
                    if (reading.isEmpty()) {
                        awaitWork(); // a consumer with no partitions cannot poll
                        continue;
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (restoring(record) || !writtenHere(record)) {
                            sink.read(new String(record.key(), StandardCharsets.UTF_8), record.value(),
                                    record.partition());
                        }
                    }
                    answerRequests();
                } catch (WakeupException wakeup) {
                    // a catch-up request (taken at the top of the loop) or close
                } catch (KafkaException | IllegalStateException e) {
                    // the broker may come back: whoever waits fails now (its batch is read again), reading goes on
                    LOG.warn("Cannot read the series ledger {}: {}", topic, e.toString());
                    waiting.forEach(w -> w.done().completeExceptionally(e));
                    waiting.clear();
                    pause();
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Prepares the ledger topic and compares its partition count with the input's. */
    private Layout lookAtLayout() {
        int input = consumer.partitionsFor(inputTopic, Duration.ofMinutes(5)).size();
        int ledgerPartitions = prepareTopic.applyAsInt(input);
        int ledger = consumer.partitionsFor(topic, Duration.ofMinutes(5)).size();
        if (ledger == 0) {
            throw new KafkaException("the series ledger topic " + topic + " does not exist (create it with "
                    + ledgerPartitions + " partitions, compacted)");
        }
        if (input != ledger) {
            LOG.warn("The series ledger topic {} has {} partitions, the input topic {} {}: every instance reads the "
                    + "whole ledger (memory and restore time grow with every series of the group). Give the ledger "
                    + "topic the input's partition count (a new topic name in bridge.topics.series, or delete it while "
                    + "no instance runs) so that each instance reads only its own partitions", topic, ledger,
                    inputTopic, input == 0 ? "cannot be read" : "has " + input);
        }
        return new Layout(input == ledger, ledger);
    }

    /**
     * Reads the ledger partitions this instance needs: those of its input partitions, or all of them when the topics
     * are not co-partitioned. A partition that comes is read from its start, one that goes is dropped.
     */
    private void readOwnedPartitions(Layout layout) {
        Set<TopicPartition> wanted = new HashSet<>();
        for (int p = 0; p < layout.partitions(); p++) {
            if (!layout.coPartitioned() || owned.contains(p)) {
                wanted.add(new TopicPartition(topic, p));
            }
        }
        if (wanted.equals(reading)) {
            return;
        }
        List<TopicPartition> added = wanted.stream().filter(p -> !reading.contains(p)).toList();
        Set<Integer> removed = new HashSet<>();
        reading.stream().filter(p -> !wanted.contains(p)).forEach(p -> removed.add(p.partition()));
        consumer.assign(wanted);
        consumer.seekToBeginning(added);
        // a wake-up may end this call: the change is then made again from the top, nothing read in between
        Map<TopicPartition, Long> ends = consumer.endOffsets(added);
        restoreEnds.keySet().removeIf(p -> !wanted.contains(p));
        restoreEnds.putAll(ends);
        reading = wanted;
        if (!removed.isEmpty()) {
            sink.dropped(removed);
        }
    }

    /** A record of a partition being read from its start: this instance's own writes are not in memory yet. */
    private boolean restoring(ConsumerRecord<byte[], byte[]> record) {
        Long end = restoreEnds.get(new TopicPartition(record.topic(), record.partition()));
        return end != null && record.offset() < end;
    }

    /**
     * Gives the requests made so far the end offsets as of now. A request is taken off the queue only once the
     * end offsets are known: a wake-up can interrupt that call, and a request lost there would wait in vain.
     */
    private void takeRequests(Layout layout) {
        // counted first: partitions owned before a request was made are then read (and part of its target)
        int asked = requests.size();
        readOwnedPartitions(layout);
        if (asked == 0) {
            return;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        for (int i = 0; i < asked; i++) {
            waiting.add(new CatchUp(requests.poll(), end));
        }
    }

    private void answerRequests() {
        waiting.removeIf(w -> {
            Set<TopicPartition> assigned = consumer.assignment();
            // a partition no longer read is no longer waited for
            boolean reached = w.target().entrySet().stream().allMatch(end -> !assigned.contains(end.getKey())
                    || consumer.position(end.getKey()) >= end.getValue());
            if (reached) {
                w.done().complete(null);
            }
            return reached;
        });
    }

    private boolean writtenHere(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(SeriesLedger.WRITER_HEADER);
        return header != null && Arrays.equals(header.value(), writer);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        wakeUp();
        thread.join(10_000);
    }
}
