package io.meetingbridge.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The live phase's upstream producer: publishes changes at a fixed rate, as a calendar system would,
 * and remembers each one's record timestamp, the start of its end-to-end latency, by its sequence number.
 */
final class LivePublisher {

    private final KafkaProducer<byte[], byte[]> producer;

    LivePublisher(KafkaProducer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    /** Publishes {@code ratePerSecond} changes a second for {@code duration}; returns sequence -> timestamp. */
    Map<Integer, Long> publish(Workload workload, String topic, int firstSequence, int ratePerSecond, Duration duration)
            throws InterruptedException, ExecutionException {
        long count = duration.toSeconds() * ratePerSecond;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long start = System.nanoTime();
        Map<Integer, Long> timestampBySequence = new HashMap<>();
        for (int i = 0; i < count; i++) {
            // a fixed schedule, not a fixed pause, so a slow send does not lower the rate
            long wait = start + i * periodNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int sequence = firstSequence + i;
            RecordMetadata written = producer.send(workload.change(topic, sequence)).get();
            timestampBySequence.put(sequence, written.timestamp());
        }
        return timestampBySequence;
    }
}
