package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.EventsReceiverOn;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A running bridge writes everything (occurrences, dead letters, the series ledger, meeting events) with one Kafka
 * producer. Counted where every producer of the JVM registers, the {@code kafka.producer} JMX domain: the test's
 * own producers are closed by the time it counts, so a writer that gets a producer of its own shows here.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KafkaClientsTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void oneProducerWritesOccurrencesDeadLettersAndTheLedger() throws Exception {
        world.startBridge();
        world.publish("101", SampleChanges.weekly("applied", "101"));
        world.publish("x", "{broken");
        world.awaitAllCommitted();

        assertThat(producers()).hasSize(1);
        assertThat(world.kafka.endOffsetSum(world.topics.series())).as("ledger records of one applied change")
                .isEqualTo(1);
        assertThat(world.occurrences()).isNotEmpty();
        assertThat(world.deadLetters()).hasSize(1);

        world.stopBridge();
        assertThat(producers()).as("closed when the bridge stops").isEmpty();
    }

    @Test
    void theEventsReceiverWritesWithTheSameProducer() throws Exception {
        world.startBridge(bridge -> EventsReceiverOn.with(bridge, "events-of-clients-" + System.nanoTime(), "clients",
                "subscriber-key"));
        world.publish("102", SampleChanges.weekly("applied", "102"));
        world.awaitAllCommitted();

        assertThat(producers()).hasSize(1);
    }

    private static Set<ObjectName> producers() throws MalformedObjectNameException {
        return JMX.queryNames(new ObjectName("kafka.producer:type=producer-metrics,client-id=*"), null);
    }
}
