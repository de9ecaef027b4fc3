package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.change.ChangeBatches;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.RecordedPut;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-series order holds through an API outage and the failed batches it causes: a conference's changes
 * reach the API in the order they were produced, never two at once, and the series ends on its last change.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OutageOrderTest {

    private static final int CONFERENCES = 60;
    private static final int VERSIONS = 5;
    private static final Pattern VERSION = Pattern.compile("\"subject\":\"v(\\d+)\"");

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(3);

    @Test
    void aConferencesChangesReachTheApiInOrderAcrossAnOutage() {
        world.api.faults().setPutLatency(Duration.ofMillis(5));
        world.api.faults().failNextPuts(Integer.MAX_VALUE, ApiResponse.error(503, "MMC.111070003", "down"));
        List<ProducerRecord<byte[], byte[]>> changes = new ArrayList<>();
        for (int version = 0; version < VERSIONS; version++) {
            for (int c = 0; c < CONFERENCES; c++) {
                String conference = Integer.toString(5000 + c);
                changes.add(SampleChanges.keyed(world.topics.changes(), conference,
                        SampleChanges.weekly("c" + c + "-v" + version, conference, "v" + version)));
            }
        }
        world.publish(changes);
        world.startBridge(s -> s
                .set("bridge.circuit.minimum-calls", "4")
                .set("bridge.circuit.open-wait-ms", "300")
                .set("bridge.retry.redeliveries", "1")
                .set("bridge.retry.initial-delay-ms", "200"));
        ChangeBatches batches = world.bridge().bean("changeBatches", ChangeBatches.class);
        Awaitility.await("three failed batches").atMost(BridgeFixture.WAIT).until(() -> batches.failures() >= 3);
        world.api.faults().clearAll();
        world.awaitAllCommitted();

        assertThat(world.api.traffic().overlappedConferences()).as("conferences with two calls at once").isEmpty();
        assertThat(world.deadLetters()).as("an outage dead-letters nothing").isEmpty();
        Map<String, List<Integer>> versionsSent = new HashMap<>();
        for (RecordedPut put : world.api.traffic().recordedPuts()) {
            Matcher version = VERSION.matcher(put.bodyText());
            assertThat(version.find()).isTrue();
            versionsSent.computeIfAbsent(put.conferenceID(), id -> new ArrayList<>()).add(Integer.parseInt(version.group(1)));
        }
        assertThat(versionsSent).hasSize(CONFERENCES);
        versionsSent.forEach((conference, versions) -> assertThat(versions)
                .as("versions sent for " + conference + ", retries repeat, never go back").isSorted()
                .endsWith(VERSIONS - 1));
        for (int c = 0; c < CONFERENCES; c++) {
            assertThat(world.api.series(Integer.toString(5000 + c)).orElseThrow().body().path("subject").asText())
                    .isEqualTo("v" + (VERSIONS - 1));
        }
    }
}
