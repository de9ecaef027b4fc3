package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Partitions moving between two busy instances: a third instance joins and leaves the group four times
 * while two others apply a dense stream (few conferences, production batching interval). Each rebalance
 * hands partitions from one warm instance to the other; each series must still be applied in order.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class RebalanceOrderIT {

    private static final int JOIN_AND_LEAVE_CYCLES = 4;

    @Test
    void seriesStayInOrderWhilePartitionsMoveBetweenBusyInstances() {
        try (BridgeRig rig = BridgeRig.start("rebalance-order", 4)) {
            startWithDefaultBatching(rig.bridge("bridge-a"));
            startWithDefaultBatching(rig.bridge("bridge-b"));
            BridgeJvm third = rig.bridge("bridge-c");
            ChangeStream stream = rig.publishUntilStopped(ChangeMix.valid("rebalance", 4, 20_260_104L)::next, 80);
            rig.awaitMembers(2);
            rig.awaitCommitted(stream.acknowledged() + 200, Duration.ofSeconds(90));
            for (int cycle = 0; cycle < JOIN_AND_LEAVE_CYCLES; cycle++) {
                startWithDefaultBatching(third);
                rig.awaitMembers(3);
                rig.awaitCommitted(stream.acknowledged() + 200, Duration.ofSeconds(90));
                third.stop();
                rig.awaitCommitted(stream.acknowledged() + 200, Duration.ofSeconds(90));
            }
            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(90));

            RunVerdict verdict = RunVerdict.of(rig, published, false);
            System.out.printf("Partitions moved %d times (logs in %s):%n%s", 2 * JOIN_AND_LEAVE_CYCLES, rig.run,
                    verdict.accounting().table());
            verdict.assertPassed("rebalance order");
        }
    }

    /** The production batching interval: records wait up to 20 ms in the consumer before their batch runs. */
    private static void startWithDefaultBatching(BridgeJvm bridge) {
        bridge.with("bridge.consumer.batching-interval-ms", "20")
                .with("bridge.consumer.poll-timeout-ms", "20")
                .start();
    }
}
