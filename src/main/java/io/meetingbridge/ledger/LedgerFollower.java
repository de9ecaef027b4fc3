package io.meetingbridge.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the ledger topic from its start and then follows it, on a thread of its own, so that an instance
 * knows what the other instances of its group applied. Writes of this instance are skipped: it has them
 * already. A caller can wait until everything written before it asked has been read ({@link #catchUp}).
 */
final class LedgerFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int FETCH_MIN_BYTES = 64 * 1024;
    private static final int FETCH_WAIT_MS = 100;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** Receives each value read: the key and the value, null for a tombstone. */
    interface Sink {
        void read(String key, byte[] value);
    }

    private record CatchUp(CompletableFuture<Void> done, Map<TopicPartition, Long> target) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final byte[] writer;
    private final Sink sink;
    private final Runnable prepareTopic;
    private final Thread thread;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private final List<CatchUp> waiting = new ArrayList<>();
    private volatile boolean running = true;

    /** @param prepareTopic runs once on the follower's thread, before the topic is read */
    LedgerFollower(Properties connection, String topic, String writer, Sink sink, Runnable prepareTopic) {
        Properties settings = new Properties();
        settings.putAll(connection);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the ledger is mostly this instance's own writes, read back only to be skipped: fetch them in bulk
        // (a catch-up may wait up to FETCH_WAIT_MS more for its last records)
        settings.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, FETCH_MIN_BYTES);
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "series-ledger-" + writer.substring(0, 8));
        this.consumer = new KafkaConsumer<>(settings);
        this.topic = topic;
        this.writer = writer.getBytes(StandardCharsets.UTF_8);
        this.sink = sink;
        this.prepareTopic = prepareTopic;
        this.thread = new Thread(this::follow, "series-ledger-follower");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Completes once every ledger value written before this call has been read. */
    CompletableFuture<Void> requestCatchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        requests.add(done);
        consumer.wakeup();
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
        boolean assigned = false;
        prepareTopic.run();
        try {
            while (running) {
                try {
                    if (!assigned) {
                        assignAllPartitions();
                        assigned = true;
                    }
                    takeRequests();
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (!writtenHere(record)) {
                            sink.read(new String(record.key(), StandardCharsets.UTF_8), record.value());
                        }
                    }
                    answerRequests();
                } catch (WakeupException wakeup) {
                    // a catch-up request (taken at the top of the loop) or close
                } catch (KafkaException e) {
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

    private void assignAllPartitions() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofMinutes(5)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Gives the requests made so far the end offsets as of now. A request is taken off the queue only once the
     * end offsets are known: a wake-up can interrupt that call, and a request lost there would wait in vain.
     */
    private void takeRequests() {
        int asked = requests.size();
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
            boolean reached = w.target().entrySet().stream()
                    .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
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
        consumer.wakeup();
        thread.join(10_000);
    }
}
