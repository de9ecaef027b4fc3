package io.meetingbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the reliability tests lean on when they restart the broker: while stopped it answers nobody, and started
 * again it is at the same address with the records and the committed offsets it had.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RestartableBrokerTest {

    @Test
    void aStoppedBrokerIsGoneAndComesBackAtItsAddressWithItsData() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.restartable()) {
            String address = broker.bootstrapServers();
            broker.createTopic("kept", 2);
            broker.send("kept", List.of(new ProducerRecord<>("kept", "before".getBytes(StandardCharsets.UTF_8))));
            broker.admin().alterConsumerGroupOffsets("group-kept",
                    Map.of(new TopicPartition("kept", 0), new OffsetAndMetadata(1))).all().get();

            broker.stop();
            assertThatThrownBy(() -> broker.admin().describeCluster().nodes().get(3, TimeUnit.SECONDS))
                    .as("a stopped broker answers nobody").isInstanceOfAny(TimeoutException.class,
                            ExecutionException.class);

            broker.start();
            assertThat(broker.bootstrapServers()).isEqualTo(address);
            broker.send("kept", List.of(new ProducerRecord<>("kept", "after".getBytes(StandardCharsets.UTF_8))));
            assertThat(broker.read("kept", 2, Duration.ofSeconds(20)))
                    .extracting(record -> new String(record.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("before", "after");
            assertThat(broker.committedOffsetSum("group-kept", "kept")).isEqualTo(1);
        }
    }
}
