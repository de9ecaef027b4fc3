package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GracefulShutdownTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void stoppingFinishesTheChangeInFlightAndCommitsIt() {
        world.api.faults().setPutLatency(Duration.ofSeconds(2));
        world.publish("61", SampleChanges.weekly("in-flight", "61"));
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> world.api.traffic().putCalls() == 1);

        world.stopBridge();

        assertThat(world.kafka.committedOffsetSum(world.bridgeGroup(), world.topics.changes())).isEqualTo(1);
        assertThat(world.occurrences()).hasSize(8);
        assertThat(world.api.traffic().putCalls()).isEqualTo(1);
    }
}
