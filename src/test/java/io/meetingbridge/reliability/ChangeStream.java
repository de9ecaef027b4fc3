package io.meetingbridge.reliability;

import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An upstream producer publishing changes (a {@link ChangeMix}, say) at a steady rate from a thread of
 * its own, keyed by conferenceID, and remembering every record the broker acknowledged.
 */
final class ChangeStream {

    private final String topic;
    private final Supplier<PlannedChange> changes;
    private final double perSecond;
    private final int limit;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<PublishedChange> published = new ArrayList<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopRequested;

    private ChangeStream(String bootstrapServers, String topic, Supplier<PlannedChange> changes, double perSecond,
                         int limit) {
        this.topic = topic;
        this.changes = changes;
        this.perSecond = perSecond;
        this.limit = limit;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // rides out a broker restart: sends wait in the buffer and are retried
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::publish, "change-stream-" + topic);
    }

    /** Publishes the next {@code limit} changes, {@code perSecond} of them a second. */
    static ChangeStream start(String bootstrapServers, String topic, Supplier<PlannedChange> changes,
                              double perSecond, int limit) {
        ChangeStream stream = new ChangeStream(bootstrapServers, topic, changes, perSecond, limit);
        stream.thread.start();
        return stream;
    }

    /** Publishes until {@link #stop()}. */
    static ChangeStream startUnbounded(String bootstrapServers, String topic, Supplier<PlannedChange> changes,
                                       double perSecond) {
        return start(bootstrapServers, topic, changes, perSecond, Integer.MAX_VALUE);
    }

    /** How many records the broker has acknowledged so far. */
    int acknowledged() {
        synchronized (published) {
            return published.size();
        }
    }

    void stop() {
        stopRequested = true;
    }

    /** Waits for the last send to be acknowledged and returns every published change, by partition and offset. */
    List<PublishedChange> awaitPublished(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("publishing did not finish within " + timeout);
        }
        if (sendFailure.get() != null) {
            throw new IllegalStateException("the broker refused a published change", sendFailure.get());
        }
        synchronized (published) {
            return published.stream()
                    .sorted(Comparator.comparingInt(PublishedChange::partition)
                            .thenComparingLong(PublishedChange::offset))
                    .toList();
        }
    }

    private void publish() {
        long start = System.nanoTime();
        long nanosPerChange = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        try (producer) {
            for (int i = 0; i < limit && !stopRequested && sendFailure.get() == null; i++) {
                LockSupport.parkNanos(start + i * nanosPerChange - System.nanoTime()); // keeps the rate steady
                send(changes.get());
            }
            producer.flush();
        }
    }

    private void send(PlannedChange change) {
        ProducerRecord<byte[], byte[]> record = SampleChanges.record(topic, change.conferenceId(), change.value());
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                sendFailure.compareAndSet(null, failure);
                return;
            }
            synchronized (published) {
                published.add(PublishedChange.of(change, topic, metadata.partition(), metadata.offset()));
            }
        });
    }
}
