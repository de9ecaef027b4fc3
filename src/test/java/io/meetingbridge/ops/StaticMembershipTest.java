package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** bridge.consumer.group-instance-id turns on static membership, and is refused next to consumersCount > 1. */
@Timeout(120)
class StaticMembershipTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(2);

    @Test
    void aBridgeWithAGroupInstanceIdConsumesWithTheCooperativeAssignor() throws Exception {
        world.startBridge(settings -> settings.set("bridge.consumer.group-instance-id", "meeting-series-bridge-0"));
        world.publish("1", SampleChanges.weekly("a", "1"));
        world.awaitAllCommitted();

        // as the broker sees the group, not as the endpoint was configured
        ConsumerGroupDescription group = world.kafka.admin().describeConsumerGroups(List.of(world.bridgeGroup()))
                .describedGroups().get(world.bridgeGroup()).get(30, TimeUnit.SECONDS);
        assertThat(group.partitionAssignor()).isEqualTo("cooperative-sticky");
        assertThat(group.members()).singleElement()
                .satisfies(member -> assertThat(member.groupInstanceId()).contains("meeting-series-bridge-0"));
    }

    @Test
    void aGroupInstanceIdWithSeveralConsumerThreadsIsRefusedAtStart() {
        assertThatThrownBy(() -> world.startBridge(settings -> settings
                        .set("bridge.consumer.group-instance-id", "meeting-series-bridge-0")
                        .set("camel.component.kafka.consumers-count", "2")))
                .hasStackTraceContaining("consumersCount > 1");
    }
}
