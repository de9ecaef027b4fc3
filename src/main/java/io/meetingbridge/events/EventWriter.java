package io.meetingbridge.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;

/**
 * Writes each genuine event to the events topic once: an event the topic already holds is a duplicate, and two
 * pushes of one event in this instance at once share one write. The future completes once the broker
 * acknowledged (acks=all); it fails when the check does not finish within the timeout or the producer gives up.
 */
final class EventWriter {

    enum Outcome { WRITTEN, DUPLICATE }

    private final Producer<byte[], byte[]> producer;
    private final EventRecords records;
    private final WrittenEvents written;
    private final Duration timeout;
    private final Executor blocking;
    private final Map<EventIdentity, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    EventWriter(Producer<byte[], byte[]> producer, EventRecords records, WrittenEvents written, Duration timeout,
                Executor blocking) {
        this.producer = producer;
        this.records = records;
        this.written = written;
        this.timeout = timeout;
        this.blocking = blocking;
    }

    CompletableFuture<Outcome> write(EventPush push) {
        EventIdentity identity = push.identity();
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> earlier = inFlight.putIfAbsent(identity, mine);
        if (earlier != null) {
            return earlier.thenApply(outcome -> Outcome.DUPLICATE);
        }
        // only the check is cut short: once sent, the producer's own delivery timeout decides, so that a 503 is
        // never answered for a record that is still on its way (the retry would write it a second time)
        CompletableFuture<Outcome> attempt = written.partitions()
                .thenCompose(partitions -> written.contains(identity, records.record(push, partitions).partition())
                        .thenApply(known -> known ? 0 : partitions))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenComposeAsync(partitions -> partitions == 0 ? CompletableFuture.completedFuture(Outcome.DUPLICATE)
                        : send(push, partitions), blocking);
        attempt.whenComplete((outcome, failure) -> {
            inFlight.remove(identity, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(outcome);
            }
        });
        return mine;
    }

    private CompletableFuture<Outcome> send(EventPush push, int partitions) {
        CompletableFuture<Outcome> acked = new CompletableFuture<>();
        producer.send(records.record(push, partitions), (metadata, failure) -> {
            if (failure != null) {
                acked.completeExceptionally(failure);
            } else {
                written.remember(push.identity());
                acked.complete(Outcome.WRITTEN);
            }
        });
        return acked;
    }
}
