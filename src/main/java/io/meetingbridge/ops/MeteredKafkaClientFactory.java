package io.meetingbridge.ops;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * camel-kafka's clients: the producer is the bridge's one ({@link SharedKafkaProducer}); consumers are built with
 * their Kafka client metrics (fetch lag, fetch rate, rebalances) bound to the registry that /observe/metrics serves,
 * e.g. {@code kafka_consumer_fetch_manager_records_lag_max}. The registry is looked up when a consumer is built,
 * because camel-micrometer-prometheus binds it only once the context starts.
 *
 * <p>The consumer is an {@link IdleLongPollConsumer}: an idle one waits long in each poll. The bridge runs one
 * consumer at a time (consumersCount 1), so the meters of a consumer camel-kafka replaced are removed when the
 * next one is built.
 */
public final class MeteredKafkaClientFactory extends DefaultKafkaClientFactory {

    private final CamelContext camelContext;
    private final Duration idlePollTimeout;
    private final SharedKafkaProducer sharedProducer;
    private final AtomicReference<KafkaClientMetrics> current = new AtomicReference<>();

    public MeteredKafkaClientFactory(CamelContext camelContext, Duration idlePollTimeout,
            SharedKafkaProducer sharedProducer) {
        this.camelContext = camelContext;
        this.idlePollTimeout = idlePollTimeout;
        this.sharedProducer = sharedProducer;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Producer getProducer(Properties kafkaProps) {
        return sharedProducer.producerFor(kafkaProps);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Consumer getConsumer(Properties kafkaProps) {
        KafkaConsumer consumer = new IdleLongPollConsumer(kafkaProps, idlePollTimeout);
        KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
        metrics.bindTo(MeterRegistries.of(camelContext));
        KafkaClientMetrics replaced = current.getAndSet(metrics);
        if (replaced != null) {
            replaced.close();
        }
        return consumer;
    }
}
