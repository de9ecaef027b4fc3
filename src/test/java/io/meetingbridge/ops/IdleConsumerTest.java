package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An idle changes consumer waits in its poll instead of waking every poll-timeout-ms, and the change that ends
 * the quiet is applied without waiting for that poll to end.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class IdleConsumerTest {

    /** Far longer than the test waits for anything: a batch held back by an idle poll would never be applied. */
    private static final Duration IDLE_POLL = Duration.ofMinutes(10);
    /** At a poll every 20 ms (poll-timeout-ms) the last poll is never this old. */
    private static final double QUIET_SECONDS = 3;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void anIdleConsumerWaitsInOnePollAndTheChangeThatEndsTheQuietIsAppliedWithoutWaitingForItsEnd() {
        world.startBridge(s -> s.set("bridge.consumer.idle-poll-timeout-ms", Long.toString(IDLE_POLL.toMillis())));
        Awaitility.await("the changes consumer's last poll began " + QUIET_SECONDS + " s ago")
                .atMost(BridgeFixture.WAIT).until(() -> lastPollSecondsAgo() >= QUIET_SECONDS);

        world.publish("71", SampleChanges.weekly("after-the-quiet", "71"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls()).isEqualTo(1);
    }

    /** Kafka's own metric of the consumer, as /observe/metrics shows it. */
    private double lastPollSecondsAgo() {
        Gauge gauge = MeterRegistries.of(world.bridge().context()).find("kafka.consumer.last.poll.seconds.ago").gauge();
        return gauge == null ? 0 : gauge.value();
    }
}
