package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.flow.FlowProperties;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The changes of one lane run on one exchange, one after the other: each starts with nothing of the one before. */
class LaneIsolationTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void theSecondChangeOfALaneCountsOnlyItsOwnAttemptsAndGetsAllItsRetries() {
        world.api.faults().failNext(MeetingOperation.UPDATE_SERIES, 100, ApiResponse.error(503, "MMC.111070003", "busy"));
        world.publish("k", SampleChanges.create("first", "k", "Lane"));
        world.publish("k", SampleChanges.modifyBySeriesKey("second", "k", "Lane, renamed"));
        world.startBridge(s -> s.set("bridge.retry.redeliveries", "3"));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> deadLetter = world.deadLetters().get(0);
        assertThat(header(deadLetter, "dlq-change-id")).isEqualTo("second");
        assertThat(header(deadLetter, "dlq-reason")).isEqualTo("retries-exhausted");
        assertThat(world.api.traffic().callsByOperation()).containsEntry("PUT /v1/mmc/management/cycleconferences", 4L);
        assertThat(header(deadLetter, "dlq-attempts")).isEqualTo("4");
    }

    @Test
    void everyPropertyOfAChangeIsClearedBeforeTheNext() throws IllegalAccessException {
        for (Field field : FlowProperties.class.getFields()) {
            boolean name = Modifier.isStatic(field.getModifiers()) && field.getType() == String.class;
            if (name && !field.get(null).equals(FlowProperties.LANE)) {
                assertThat(FlowProperties.OF_ONE_CHANGE).as(field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(Arrays.stream(FlowProperties.class.getFields()).filter(f -> f.getType() == String.class))
                .hasSize(FlowProperties.OF_ONE_CHANGE.size() + 1);
    }
}
