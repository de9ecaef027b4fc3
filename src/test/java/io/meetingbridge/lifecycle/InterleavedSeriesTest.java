package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Two series whose lives interleave on one partition: each keeps its own order, neither waits for the other. */
class InterleavedSeriesTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void twoSeriesInterleavedOnOnePartitionEachKeepTheirOrder() {
        world.publish("a", SampleChanges.create("a1", "a", "Series A"));
        world.publish("b", SampleChanges.create("b1", "b", "Series B"));
        world.publish("a", SampleChanges.modifyBySeriesKey("a2", "a", "Series A, renamed"));
        world.publish("b", SampleChanges.moveOccurrence("b2", "b", "2026-12-02 01:00", "2026-12-02 06:00"));
        world.publish("a", SampleChanges.cancelOccurrences("a3", "a", "2026-12-28 01:00", "2026-12-23 01:00"));
        world.publish("b", SampleChanges.cancel("b3", "b"));
        world.publish("a", SampleChanges.moveOccurrence("a4", "a", "2026-12-21 01:00", "2026-12-22 01:00"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        Map<String, List<String>> changesBySeries = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : world.occurrences()) {
            List<String> changes = changesBySeries.computeIfAbsent(header(record, "meeting-series-key"), k -> new java.util.ArrayList<>());
            String change = header(record, "meeting-change-id");
            if (changes.isEmpty() || !changes.get(changes.size() - 1).equals(change)) {
                changes.add(change);
            }
        }
        assertThat(changesBySeries).containsOnlyKeys("a", "b");
        assertThat(changesBySeries.get("a")).containsExactly("a1", "a2", "a3", "a4");
        assertThat(changesBySeries.get("b")).containsExactly("b1", "b2", "b3");
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(2);
        assertThat(world.api.traffic().overlappedConferences()).isEmpty();
        Map<String, Long> cancelledBySeries = world.occurrences().stream()
                .filter(r -> "cancelled".equals(header(r, "meeting-occurrence-state")))
                .collect(Collectors.groupingBy(r -> header(r, "meeting-series-key"), Collectors.counting()));
        assertThat(cancelledBySeries).containsEntry("a", 2L).containsEntry("b", 8L);
    }
}
