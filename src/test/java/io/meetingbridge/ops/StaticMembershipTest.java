package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import org.apache.camel.component.kafka.KafkaEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bridge.consumer.group-instance-id turns on static membership, and is refused next to consumersCount > 1. */
@Timeout(120)
class StaticMembershipTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(2);

    @Test
    void aBridgeWithAGroupInstanceIdConsumesWithTheCooperativeAssignor() {
        world.startBridge(settings -> settings.set("bridge.consumer.group-instance-id", "meeting-series-bridge-0"));
        world.publish("1", SampleChanges.weekly("a", "1"));
        world.awaitAllCommitted();

        KafkaEndpoint input = (KafkaEndpoint) world.bridge().context().getRoute("consume-changes").getEndpoint();
        assertThat(input.getConfiguration().getGroupInstanceId()).isEqualTo("meeting-series-bridge-0");
        assertThat(input.getConfiguration().getPartitionAssignor())
                .isEqualTo("org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    }

    @Test
    void aGroupInstanceIdWithSeveralConsumerThreadsIsRefusedAtStart() {
        assertThatThrownBy(() -> world.startBridge(settings -> settings
                        .set("bridge.consumer.group-instance-id", "meeting-series-bridge-0")
                        .set("camel.component.kafka.consumers-count", "2")))
                .hasStackTraceContaining("consumersCount > 1");
    }
}
