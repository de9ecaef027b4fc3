package io.meetingbridge.ops;

import io.meetingbridge.BridgeConfiguration;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.DefaultKafkaClientFactory;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * Builds camel-kafka's consumers with their Kafka client metrics (fetch lag, fetch rate, rebalances)
 * bound to the registry that /observe/metrics serves, e.g. {@code kafka_consumer_fetch_manager_records_lag_max}.
 * The registry is looked up when a consumer is built, because camel-micrometer-prometheus binds it only
 * once the context starts.
 */
public final class MeteredKafkaClientFactory extends DefaultKafkaClientFactory {

    private final CamelContext camelContext;

    public MeteredKafkaClientFactory(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Consumer getConsumer(Properties kafkaProps) {
        return new MeteredKafkaConsumer(kafkaProps, BridgeConfiguration.meters(camelContext));
    }
}
