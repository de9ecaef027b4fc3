package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.change.ChangeAction;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.ops.DeliveryStats;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the series ledger decides: no series twice, no roll-back, names it knows, idempotent cancels. */
class SeriesLedgerRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void aReplayedOlderChangeIsSupersededAndLeavesTheSeriesAsTheNewerOneMadeIt() throws Exception {
        world.api.faults().failConference("777", ApiResponse.error(500, "MMC.111070003", "oops"), 1);
        world.publish("777", SampleChanges.weekly("old", "777", "Old subject"));
        world.publish("777", SampleChanges.weekly("new", "777", "New subject"));
        world.awaitAllCommitted();
        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-reason")).containsExactly("rejected");

        ObjectName replay = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.REPLAY_MBEAN);
        JMX.invoke(replay, "replay", new Object[]{"rejected", "", "", ""}, new String[]{"java.lang.String",
                "java.lang.String", "java.lang.String", "java.lang.String"});
        world.awaitAllCommitted();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = world.deadLetters();
        assertThat(deadLetters).hasSize(2);
        ConsumerRecord<byte[], byte[]> superseded = deadLetters.get(1);
        assertThat(header(superseded, "dlq-reason")).isEqualTo("superseded");
        assertThat(header(superseded, "dlq-change-id")).isEqualTo("old");
        assertThat(header(superseded, "dlq-attempts")).isEqualTo("0");
        assertThat(header(superseded, "dlq-detail")).contains("change old was first published at "
                + world.topics.changes() + "-0@0", "change new", "roll the series back");
        assertThat(header(superseded, "dlq-origin")).isEqualTo(header(deadLetters.get(0), "dlq-origin"));
        assertThat(world.api.series("777").orElseThrow().body().get("subject").asText()).isEqualTo("New subject");
        assertThat(world.api.traffic().putCalls("777")).isEqualTo(2);
        assertThat(world.occurrences()).extracting(r -> header(r, "meeting-change-id")).containsOnly("new");
    }

    @Test
    void anOriginHeaderWithoutTheBridgesSealForItsValueIsDataNotAnInstruction() {
        world.publish("778", "{not json");
        world.publish("778", SampleChanges.weekly("first", "778", "First"));
        world.awaitAllCommitted();
        ConsumerRecord<byte[], byte[]> sealedElsewhere = world.deadLetters().get(0);
        String olderOrigin = header(sealedElsewhere, "dlq-origin");
        assertThat(olderOrigin).isEqualTo(world.topics.changes() + ":0:0:"
                + header(sealedElsewhere, "dlq-original-timestamp"));

        // each claims to be older than "first": trusted, it would be dead-lettered as superseded
        String[] seals = {null, "00", header(sealedElsewhere, "dlq-origin-seal")};
        for (int i = 0; i < seals.length; i++) {
            ProducerRecord<byte[], byte[]> record = SampleChanges.record(world.topics.changes(), "778",
                    SampleChanges.weekly("forged-" + i, "778", "Forged " + i));
            record.headers().add("dlq-origin", olderOrigin.getBytes(StandardCharsets.UTF_8));
            if (seals[i] != null) {
                record.headers().add("dlq-origin-seal", seals[i].getBytes(StandardCharsets.UTF_8));
            }
            world.publish(List.of(record));
        }
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).hasSize(1);
        assertThat(world.api.traffic().putCalls("778")).isEqualTo(4);
        assertThat(world.api.series("778").orElseThrow().body().get("subject").asText()).isEqualTo("Forged 2");
    }

    @Test
    void aSecondCreateOfTheSameSeriesKeyModifiesTheSeriesTheFirstMade() {
        world.publish("k-1", SampleChanges.create("c1", "k-1", "Planning"));
        world.publish("k-1", SampleChanges.create("c2", "k-1", "Planning, again"));
        world.awaitAllCommitted();

        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isEqualTo(1);
        assertThat(world.api.scheduledSeries()).hasSize(1);
        assertThat(world.occurrences()).hasSize(16).allSatisfy(r -> {
            assertThat(header(r, "meeting-action")).isEqualTo("create");
            assertThat(header(r, "meeting-series-key")).isEqualTo("k-1");
        });
    }

    @Test
    void aChangeNamingASeriesTheLedgerDoesNotKnowOrTwoSeriesIsInvalidAndCallsNothing() {
        world.publish("k-2", SampleChanges.create("c1", "k-2", "Known"));
        world.awaitAllCommitted();
        String conferenceID = header(world.occurrences().get(0), "meeting-conference-id");
        long callsBefore = world.api.traffic().callsByOperation().values().stream().mapToLong(Long::longValue).sum();

        world.publish("unknown", SampleChanges.cancel("c2", "never-created"));
        world.publish("k-2", """
                {"changeId":"c3","action":"cancel","seriesKey":"k-2","conferenceID":"123"}""");
        world.publish("k-2", """
                {"changeId":"c4","action":"cancel","seriesKey":"other","conferenceID":"%s"}""".formatted(conferenceID));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-reason"), r -> header(r, "dlq-detail"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("invalid-message", "seriesKey never-created is not a series "
                                + "the bridge has created: give its conferenceID, or publish its create first"),
                        org.assertj.core.groups.Tuple.tuple("invalid-message", "seriesKey k-2 is conference "
                                + conferenceID + ", not conferenceID 123"),
                        org.assertj.core.groups.Tuple.tuple("invalid-message", "conferenceID " + conferenceID
                                + " is series k-2, not seriesKey other"));
        long callsAfter = world.api.traffic().callsByOperation().values().stream().mapToLong(Long::longValue).sum();
        assertThat(callsAfter).isEqualTo(callsBefore);
    }

    @Test
    void anOccurrenceStartThatNoOccurrenceHasIsInvalidAndChangesNothing() {
        world.publish("k-3", SampleChanges.create("c1", "k-3", "Starts"));
        world.publish("k-3", SampleChanges.moveOccurrence("c2", "k-3", "2026-12-03 01:00", "2026-12-03 05:00"));
        world.publish("k-3", SampleChanges.cancelOccurrences("c3", "k-3", "2026-12-02 01:00", "2026-12-04 01:00"));
        world.awaitAllCommitted();

        String conferenceID = header(world.occurrences().get(0), "meeting-conference-id");
        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-detail")).containsExactly(
                "occurrenceStart 2026-12-03 01:00 is the start of no occurrence of conference " + conferenceID,
                "occurrenceStart 2026-12-04 01:00 is the start of no occurrence of conference " + conferenceID);
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_OCCURRENCE)).isZero();
        assertThat(world.api.traffic().calls(MeetingOperation.CANCEL_OCCURRENCES)).isZero();
        assertThat(world.api.series(conferenceID).orElseThrow().occurrences()).hasSize(8);
    }

    @Test
    void cancellingWhatTheApiNoLongerKnowsIsDone() {
        world.publish("900000001", """
                {"changeId":"c1","action":"cancel","conferenceID":"900000001"}""");
        world.publish("k-4", SampleChanges.create("c2", "k-4", "Gone soon"));
        world.publish("k-4", SampleChanges.cancelOccurrences("c3", "k-4", "2026-12-02 01:00"));
        world.publish("k-4", SampleChanges.cancelOccurrences("c4", "k-4", "2026-12-02 01:00"));
        world.publish("k-4", SampleChanges.cancel("c5", "k-4"));
        world.publish("k-4", SampleChanges.cancel("c6", "k-4"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> records = world.occurrences();
        assertThat(records).filteredOn(r -> header(r, "meeting-change-id").equals("c1")).isEmpty();
        assertThat(records).filteredOn(r -> header(r, "meeting-change-id").equals("c3")).hasSize(1);
        // a repeated cancel publishes what it names again: downstream deduplicates on change and occurrence id
        assertThat(records).filteredOn(r -> header(r, "meeting-change-id").equals("c4")).hasSize(1)
                .allSatisfy(r -> assertThat(header(r, "meeting-occurrence-state")).isEqualTo("cancelled"));
        assertThat(records).filteredOn(r -> header(r, "meeting-change-id").equals("c5")).hasSize(7);
        assertThat(records).filteredOn(r -> header(r, "meeting-change-id").equals("c6")).isEmpty();
        assertThat(world.api.traffic().calls(MeetingOperation.CANCEL_OCCURRENCES)).isEqualTo(1);
        DeliveryStats stats = world.bridge().bean("deliveryStats", DeliveryStats.class);
        assertThat(stats.applied(ChangeAction.CANCEL)).isEqualTo(3);
        assertThat(stats.applied(ChangeAction.CANCEL_OCCURRENCES)).isEqualTo(2);
    }

    @Test
    void changingAnOccurrenceThatStartedIsRejectedWithTheApisCode() throws Exception {
        world.publish("k-5", SampleChanges.create("c1", "k-5", "Running"));
        world.awaitAllCommitted();
        JsonNode first = JSON.readTree(world.occurrences().get(0).value());
        world.api.faults().markOccurrenceStarted(first.get("cycleSubConfID").asText());

        world.publish("k-5", SampleChanges.moveOccurrence("c2", "k-5", first.get("startTime").asText(), "2026-12-02 05:00"));
        world.awaitAllCommitted();

        ConsumerRecord<byte[], byte[]> rejected = world.deadLetters().get(0);
        assertThat(header(rejected, "dlq-reason")).isEqualTo("rejected");
        assertThat(header(rejected, "dlq-http-status")).isEqualTo("400");
        assertThat(header(rejected, "dlq-error-code")).isEqualTo("MMC.111071065");
    }

    @Test
    void theLedgerOutlivesARestartAndShowsOneSeriesByEitherIdOverJmx() throws Exception {
        world.publish("k-6", SampleChanges.create("c1", "k-6", "Remembered"));
        world.awaitAllCommitted();
        String conferenceID = header(world.occurrences().get(0), "meeting-conference-id");
        world.stopBridge();
        world.startBridge();

        world.publish("k-6", SampleChanges.modifyBySeriesKey("c2", "k-6", "Remembered, renamed"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.api.series(conferenceID).orElseThrow().body().get("subject").asText())
                .isEqualTo("Remembered, renamed");
        ObjectName ledger = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.LEDGER_MBEAN);
        assertThat((Integer) JMX.getAttribute(ledger, "SeriesCount")).isEqualTo(1);
        assertThat((Long) JMX.getAttribute(ledger, "RestoreMillis")).isNotNegative();
        for (String id : List.of("k-6", conferenceID)) {
            String entry = (String) JMX.invoke(ledger, "entry", new Object[]{id}, new String[]{"java.lang.String"});
            JsonNode json = JSON.readTree(entry);
            assertThat(json.get("seriesKey").asText()).isEqualTo("k-6");
            assertThat(json.get("conferenceID").asText()).isEqualTo(conferenceID);
            assertThat(json.get("state").asText()).isEqualTo("active");
            assertThat(json.get("lastChangeId").asText()).isEqualTo("c2");
            assertThat(json.get("lastApplied").get("offset").asLong()).isEqualTo(1);
            assertThat(json.get("occurrences")).hasSize(8);
            assertThat(entry).doesNotContain(TestCredentials.APP_KEY);
        }
        assertThat(JMX.invoke(ledger, "entry", new Object[]{"nobody"}, new String[]{"java.lang.String"})).isEqualTo("");
    }
}
