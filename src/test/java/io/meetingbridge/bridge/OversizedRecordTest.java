package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record the input accepts but the dead-letter topic cannot take back whole is dead-lettered as a
 * reference, and the records after it go on: nothing is lost, nothing stalls.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OversizedRecordTest {

    private static final int ONE_MIB = 1024 * 1024;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {3 * ONE_MIB, ONE_MIB - 200})
    void aRecordTooLargeToDeadLetterWholeIsDeadLetteredAsAReferenceAndTheNextStillGoesThrough(int size) {
        topicAccepts(world.topics.changes(), 4 * ONE_MIB);
        byte[] value = new byte[size];
        Arrays.fill(value, (byte) 'x');
        ProducerRecord<byte[], byte[]> huge = SampleChanges.record(world.topics.changes(), "huge-key", null);
        huge = new ProducerRecord<>(huge.topic(), huge.key(), value);
        huge.headers().add("trace-id", SampleChanges.bytes("trace-huge"));
        world.publish(List.of(huge, SampleChanges.keyed(world.topics.changes(), "61", SampleChanges.weekly("after", "61"))));
        world.startBridge(s -> s.set("bridge.producer.max-request-size", Integer.toString(ONE_MIB)));
        world.awaitAllCommitted();

        assertThat(world.occurrences()).hasSize(8);
        ConsumerRecord<byte[], byte[]> dead = world.deadLetters().get(0);
        assertThat(dead.value() == null).as("value omitted").isTrue();
        assertThat(BridgeFixture.text(dead.key())).isEqualTo("huge-key");
        assertThat(header(dead, "trace-id")).isEqualTo("trace-huge");
        assertThat(header(dead, "dlq-value-omitted")).isEqualTo(Integer.toString(size));
        assertThat(header(dead, "dlq-reason")).isEqualTo("invalid-message");
        assertThat(header(dead, "dlq-detail")).contains("is omitted").contains("does not fit the dead-letter topic");
        assertThat(header(dead, "dlq-original-offset")).isEqualTo("0");
        assertThat(header(dead, "dlq-change-id")).isEqualTo(world.topics.changes() + "-0@0");
    }

    @Test
    void aDeadLetterTopicTooSmallForEvenAReferenceRefusesTheStart() {
        topicAccepts(world.topics.deadLetter(), 1000);
        assertThatThrownBy(() -> world.startBridge())
                .hasStackTraceContaining("too small even for a reference record")
                .hasStackTraceContaining(world.topics.deadLetter());
    }

    @Test
    void settingsWhoseWorstCaseOutlastsThePollIntervalRefuseTheStart() {
        assertThatThrownBy(() -> world.startBridge(s -> s.set("bridge.consumer.max-poll-interval-ms", "20000")))
                .hasStackTraceContaining("bridge.consumer.max-poll-interval-ms")
                .hasStackTraceContaining("batch deadline");
    }

    private void topicAccepts(String topic, int maxMessageBytes) {
        try {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            world.kafka.admin().incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", Integer.toString(maxMessageBytes)), AlterConfigOp.OpType.SET))))
                    .all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set max.message.bytes of " + topic, e);
        }
    }
}
