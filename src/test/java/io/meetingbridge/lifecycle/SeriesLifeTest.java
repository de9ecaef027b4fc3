package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.change.ChangeAction;
import io.meetingbridge.ops.DeliveryStats;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.simulator.StoredSeries;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A series' whole life from Kafka: create, modify, patch, move and cancel occurrences, cancel, in order per series. */
class SeriesLifeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "crm-7731";

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @ParameterizedTest(name = "one batch: {0}")
    @ValueSource(booleans = {true, false})
    void everyActionOfOneSeriesIsAppliedInOrderAndPublishedWithItsState(boolean oneBatch) {
        List<String> life = List.of(
                SampleChanges.create("c1", KEY, "Weekly sync"),
                SampleChanges.modifyBySeriesKey("c2", KEY, "Weekly sync, renamed"),
                SampleChanges.patch("p2", KEY, "{\"length\":45}"),
                SampleChanges.moveOccurrence("c3", KEY, "2026-12-07 01:00", "2026-12-08 03:00"),
                SampleChanges.cancelOccurrences("c4", KEY, "2026-12-09 01:00"),
                SampleChanges.cancel("c5", KEY));
        for (String change : life) {
            world.publish(KEY, change);
            if (!oneBatch) {
                world.awaitAllCommitted();
            }
        }
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> records = world.occurrences();
        String conferenceID = header(records.get(0), "meeting-conference-id");
        assertThat(records).allSatisfy(r -> {
            assertThat(header(r, "meeting-series-key")).isEqualTo(KEY);
            assertThat(header(r, "meeting-conference-id")).isEqualTo(conferenceID);
            assertThat(new String(r.key())).isEqualTo(conferenceID);
        });
        assertThat(records).extracting(r -> header(r, "meeting-change-id"))
                .containsExactly("c1", "c1", "c1", "c1", "c1", "c1", "c1", "c1",
                        "c2", "c2", "c2", "c2", "c2", "c2", "c2", "c2",
                        "p2", "p2", "p2", "p2", "p2", "p2", "p2", "p2", "c3", "c4",
                        "c5", "c5", "c5", "c5", "c5", "c5", "c5");
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byChange = records.stream()
                .collect(Collectors.groupingBy(r -> header(r, "meeting-change-id")));
        assertChange(byChange.get("c1"), "create", "scheduled");
        assertChange(byChange.get("c2"), "modify", "scheduled");
        assertChange(byChange.get("p2"), "patch", "scheduled");
        assertChange(byChange.get("c3"), "modify-occurrence", "scheduled");
        assertChange(byChange.get("c4"), "cancel-occurrences", "cancelled");
        assertChange(byChange.get("c5"), "cancel", "cancelled");

        JsonNode moved = json(byChange.get("c3").get(0));
        assertThat(moved.get("startTime").asText()).isEqualTo("2026-12-08 03:00");
        assertThat(moved.get("endTime").asText()).isEqualTo("2026-12-08 03:30");
        assertThat(json(byChange.get("c4").get(0)).get("startTime").asText()).isEqualTo("2026-12-09 01:00");
        List<String> cancelledStarts = byChange.get("c5").stream().map(r -> json(r).get("startTime").asText()).toList();
        assertThat(cancelledStarts).contains("2026-12-08 03:00").doesNotContain("2026-12-09 01:00", "2026-12-07 01:00");

        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
        StoredSeries series = world.api.series(conferenceID).orElseThrow();
        assertThat(series.cancelled()).isTrue();
        assertThat(series.body().get("subject").asText()).isEqualTo("Weekly sync, renamed");
        DeliveryStats stats = world.bridge().bean("deliveryStats", DeliveryStats.class);
        for (ChangeAction action : ChangeAction.values()) {
            assertThat(stats.applied(action)).as(action.wireName()).isEqualTo(1);
        }
    }

    private static void assertChange(List<ConsumerRecord<byte[], byte[]>> records, String action, String state) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            assertThat(header(record, "meeting-action")).isEqualTo(action);
            assertThat(header(record, "meeting-occurrence-state")).isEqualTo(state);
            assertThat(header(record, "meeting-occurrence-index")).isEqualTo(Integer.toString(i + 1));
            assertThat(header(record, "meeting-occurrence-count")).isEqualTo(Integer.toString(records.size()));
            assertThat(header(record, "meeting-cycle-sub-conf-id")).isEqualTo(json(record).get("cycleSubConfID").asText());
        }
    }

    private static JsonNode json(ConsumerRecord<byte[], byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
