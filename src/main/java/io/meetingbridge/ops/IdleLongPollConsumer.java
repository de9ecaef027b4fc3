package io.meetingbridge.ops;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A consumer whose poll waits {@code bridge.consumer.idle-poll-timeout-ms} while camel-kafka holds none of its
 * records, instead of waking 50 times a second with nothing to do. Records end any poll at once, so the first
 * change after a quiet time is not delayed. While camel-kafka may hold records, each poll waits only what
 * camel-kafka asks: its batching consumer hands a partial batch to the route only when a poll returns, once an
 * empty poll ends at least the poll timeout after the batch began. Two empty polls in a row after the last
 * records, each of the poll timeout, are always that long, so after them nothing is held.
 */
final class IdleLongPollConsumer<K, V> extends KafkaConsumer<K, V> {

    private static final int EMPTY_POLLS_UNTIL_HANDED_OVER = 2;

    /**
     * camel-kafka's readiness check reads the field of this name on the consumer's own class (the client's
     * connection state lies behind it); without it every subclass would count as connected.
     */
    @SuppressWarnings("unused")
    private final Object delegate;
    private final Duration idleTimeout;
    private int emptyPollsSinceRecords = EMPTY_POLLS_UNTIL_HANDED_OVER;

    IdleLongPollConsumer(Properties settings, Duration idleTimeout) {
        super(settings);
        this.delegate = superclassDelegate(this);
        this.idleTimeout = idleTimeout;
    }

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        boolean holding = emptyPollsSinceRecords < EMPTY_POLLS_UNTIL_HANDED_OVER;
        ConsumerRecords<K, V> records = super.poll(holding ? timeout : idleTimeout);
        emptyPollsSinceRecords = records.isEmpty() ? Math.min(emptyPollsSinceRecords + 1, EMPTY_POLLS_UNTIL_HANDED_OVER) : 0;
        return records;
    }

    private static Object superclassDelegate(KafkaConsumer<?, ?> consumer) {
        try {
            Field field = KafkaConsumer.class.getDeclaredField("delegate");
            field.setAccessible(true);
            return field.get(consumer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this Kafka client keeps its connection elsewhere: camel-kafka's readiness"
                    + " check would no longer see it", e);
        }
    }
}
