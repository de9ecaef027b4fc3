package io.meetingbridge.bridge;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DuplicateFilterTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @BeforeEach
    void start() {
        String dedupTopic = "applied-ids-" + world.topics.changes();
        world.kafka.createTopic(dedupTopic, 1);
        world.startBridge(s -> s.set("bridge.dedup.enabled", "true").set("bridge.dedup.topic", dedupTopic));
    }

    @Test
    void aChangeDeliveredTwiceIsAppliedOnce() {
        String change = SampleChanges.weekly("crm-1-v1", "31");
        world.publish(List.of(SampleChanges.keyed(world.topics.changes(), "31", change),
                SampleChanges.keyed(world.topics.changes(), "31", change)));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls("31")).isEqualTo(1);
        assertThat(world.occurrences()).hasSize(8);
    }

    @Test
    void aChangeThatFailedIsNotRememberedSoItsReplayIsAppliedAndDistinctChangesAllGoThrough() {
        world.api.faults().failConference("32", ApiResponse.error(500, "MMC.111070003", "oops"), 1);
        String change = SampleChanges.weekly("crm-2-v1", "32");
        world.publish("32", change);
        world.awaitAllCommitted();
        assertThat(world.deadLetters()).hasSize(1);

        world.publish("32", change);
        world.publish("32", SampleChanges.weekly("crm-2-v2", "32"));
        world.awaitAllCommitted();
        assertThat(world.occurrences()).hasSize(16)
                .extracting(r -> header(r, "meeting-change-id")).containsOnly("crm-2-v1", "crm-2-v2");
    }

    @Test
    void aChangeIdReusedByAnotherSeriesNeverSkipsItsChange() {
        world.publish("33", SampleChanges.weekly("v1", "33"));
        world.publish("34", SampleChanges.weekly("v1", "34"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().putCalls("33")).isEqualTo(1);
        assertThat(world.api.traffic().putCalls("34")).isEqualTo(1);
        assertThat(world.occurrences()).hasSize(16);
    }
}
