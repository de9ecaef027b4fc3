package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** bridge.api.max-in-flight bounds the PUTs open at the API at once, as the simulator counts them. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MaxInFlightTest {

    /** Long enough that a burst's PUTs overlap even when the 2-core machine is busy. */
    private static final Duration PUT_LATENCY = Duration.ofMillis(300);

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(3);

    @ParameterizedTest(name = "max-in-flight {0}")
    @ValueSource(ints = {4, 32})
    void aBurstOfSeriesNeverHasMoreThanMaxInFlightPutsOpenAndComesNearIt(int maxInFlight) {
        int series = 3 * maxInFlight;
        List<ProducerRecord<byte[], byte[]>> burst = IntStream.range(0, series).mapToObj(i -> SampleChanges.keyed(
                world.topics.changes(), "9" + i, SampleChanges.weekly("burst-" + i, "9" + i))).toList();
        world.publish(burst); // before the start, so that the first polls hold the whole burst
        world.api.faults().setPutLatency(PUT_LATENCY);
        world.startBridge(s -> s.set("bridge.api.max-in-flight", Integer.toString(maxInFlight)));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls()).isEqualTo(series);
        assertThat(world.api.traffic().maxConcurrentPuts())
                .as("PUTs open at once (a burst of %d series, each PUT answered after %s)", series, PUT_LATENCY)
                .isLessThanOrEqualTo(maxInFlight)
                .isGreaterThan(maxInFlight / 2);
    }
}
