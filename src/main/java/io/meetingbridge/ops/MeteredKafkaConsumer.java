package io.meetingbridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * A Kafka consumer whose client metrics are in the meter registry for exactly as long as it is open:
 * camel-kafka replaces its consumer after a failed batch, and a closed consumer's meters would
 * otherwise stay behind (and the binder's refresh thread with them).
 */
final class MeteredKafkaConsumer<K, V> extends KafkaConsumer<K, V> {

    private final KafkaClientMetrics metrics;

    MeteredKafkaConsumer(Properties properties, MeterRegistry meters) {
        super(properties);
        metrics = new KafkaClientMetrics(this);
        metrics.bindTo(meters);
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            metrics.close();
        }
    }

    @Override
    public void close(Duration timeout) {
        try {
            super.close(timeout);
        } finally {
            metrics.close();
        }
    }
}
