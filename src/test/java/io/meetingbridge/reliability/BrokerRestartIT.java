package io.meetingbridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts mid-stream (same address, same data): the bridge rides it out by itself, in the
 * same process, and no change is lost or applied out of order.
 */
class BrokerRestartIT {

    @Test
    void bridgeReconnectsByItselfAndLosesNothingWhenTheBrokerRestarts() {
        try (BridgeRig rig = BridgeRig.start("broker-restart", 3)) {
            BridgeJvm bridge = rig.bridge("bridge").start();
            ChangeStream stream = rig.publishUntilStopped(ChangeMix.valid("broker", 50, 20_260_102L)::next, 40);
            rig.awaitOccurrencesOf(300, Duration.ofSeconds(60));
            long pid = bridge.pid();

            rig.broker.restart();
            rig.awaitCommitted(stream.acknowledged() + 200, Duration.ofSeconds(60));
            stream.stop();
            List<PublishedChange> published = stream.awaitPublished(Duration.ofSeconds(30));
            rig.awaitDrained(Duration.ofSeconds(60));

            assertThat(bridge.isRunning()).isTrue();
            assertThat(bridge.pid()).as("the same bridge process throughout").isEqualTo(pid);
            RunVerdict verdict = RunVerdict.of(rig, published, false);
            System.out.printf("After a broker restart (logs in %s):%n%s", rig.run, verdict.accounting().table());
            verdict.assertPassed("broker restart");
            assertThat(verdict.accounting().applied()).isEqualTo(published.size());
        }
    }
}
