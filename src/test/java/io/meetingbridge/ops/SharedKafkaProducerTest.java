package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.testing.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SharedKafkaProducerTest {

    private static final EmbeddedKafka KAFKA = EmbeddedKafka.shared();

    @Test
    void aUserClosingItsProducerLeavesItOpenForTheOthersUntilTheServiceStops() throws Exception {
        String clientId = "shared-" + UUID.randomUUID();
        Properties settings = settings();
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        SharedKafkaProducer shared = new SharedKafkaProducer(() -> settings);
        shared.start();
        String topic = "shared-producer-" + UUID.randomUUID();
        KAFKA.createTopic(topic, 1);

        // camel-kafka closes the producer it was given when its endpoint stops
        shared.producerFor(settings).close();
        Producer<byte[], byte[]> ledger = shared.producer();
        ledger.send(new ProducerRecord<>(topic, "written".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        assertThat(KAFKA.endOffsetSum(topic)).isEqualTo(1);
        assertThat(registered(clientId)).isTrue();

        shared.stop();
        assertThat(registered(clientId)).isFalse();
    }

    @Test
    void anEndpointAskingForSettingsOfItsOwnIsRefusedAndOneAskingForTheBridgesIsServed() {
        SharedKafkaProducer shared = new SharedKafkaProducer(SharedKafkaProducerTest::settings);
        Properties camelKafkas = settings();
        // camel-kafka gives the serializers as classes
        camelKafkas.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        camelKafkas.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        assertThat(shared.producerFor(camelKafkas)).isSameAs(shared.producer());

        Properties ownLinger = settings();
        ownLinger.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        assertThatThrownBy(() -> shared.producerFor(ownLinger)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[linger.ms]");
    }

    /** As the Kafka component gives them: the serializers by name. */
    private static Properties settings() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return settings;
    }

    private static boolean registered(String clientId) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().isRegistered(
                new ObjectName("kafka.producer:type=producer-metrics,client-id=" + clientId));
    }
}
