package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** action: patch: a merge patch of the series as the API holds it, validated as a modify's series and PUT. */
class SeriesPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void aPatchChangesTheFieldsItNamesAndKeepsTheOthersAsTheApiHoldsThem() throws Exception {
        world.publish("k-1", SampleChanges.create("c1", "k-1", "Weekly sync"));
        world.publish("k-1", SampleChanges.patch("c2", "k-1", """
                {"subject":"Weekly sync (new room)","length":90,"cycleParams":{"endDate":"2027-01-12"}}"""));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        List<ConsumerRecord<byte[], byte[]>> patched = world.occurrences().stream()
                .filter(r -> "c2".equals(header(r, "meeting-change-id"))).toList();
        // two more weeks: Mondays and Wednesdays up to 2027-01-12
        assertThat(patched).hasSize(12).allSatisfy(r -> {
            assertThat(header(r, "meeting-action")).isEqualTo("patch");
            assertThat(header(r, "meeting-series-key")).isEqualTo("k-1");
        });
        JsonNode first = JSON.readTree(patched.get(0).value());
        assertThat(first.get("startTime").asText()).isEqualTo("2026-12-02 01:00");
        assertThat(first.get("endTime").asText()).isEqualTo("2026-12-02 02:30");

        JsonNode body = world.api.series(header(patched.get(0), "meeting-conference-id")).orElseThrow().body();
        assertThat(body.get("subject").asText()).isEqualTo("Weekly sync (new room)");
        assertThat(body.get("length").asInt()).isEqualTo(90);
        assertThat(body.get("mediaTypes").asText()).isEqualTo("HDVideo");
        assertThat(body.get("timeZoneID").asText()).isEqualTo("56");
        assertThat(body.get("cycleParams")).isEqualTo(JSON.readTree("""
                {"startDate":"2026-12-01","endDate":"2027-01-12","cycle":"Week","interval":1,"point":[1,3],\
                "preRemindDays":1}"""));
        // confDetail does not show them: the ledger's last body sent gives them
        assertThat(body.get("attendees")).isEqualTo(JSON.readTree("""
                [{"accountId":"u1","appId":"APPID","name":"Alice","role":1}]"""));
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isEqualTo(1);
    }

    @Test
    void aPatchReplacesAnArrayWholeAndTheNextPatchStartsFromIt() throws Exception {
        world.publish("k-4", SampleChanges.create("c1", "k-4", "Weekly sync"));
        world.publish("k-4", SampleChanges.patch("c2", "k-4", """
                {"attendees":[{"accountId":"u2","appId":"APPID","name":"Bob"}],"encryptMode":1,"recordAuxStream":1}"""));
        world.publish("k-4", SampleChanges.patch("c3", "k-4", "{\"subject\":\"Renamed\"}"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).isEmpty();
        String conferenceID = header(world.occurrences().get(0), "meeting-conference-id");
        JsonNode body = world.api.series(conferenceID).orElseThrow().body();
        assertThat(body.get("subject").asText()).isEqualTo("Renamed");
        assertThat(body.get("attendees")).isEqualTo(JSON.readTree("""
                [{"accountId":"u2","appId":"APPID","name":"Bob"}]"""));
        assertThat(body.get("encryptMode").asInt()).isEqualTo(1);
        // a field the API's answers may show, which the simulator's confDetail does not: the last body sent gives it
        assertThat(body.get("recordAuxStream").asInt()).isEqualTo(1);
    }

    @Test
    void aPatchThatEmptiesARequiredFieldOrMakesTheSeriesInvalidIsInvalidAndPutsNothing() {
        world.publish("k-2", SampleChanges.create("c1", "k-2", "Weekly sync"));
        world.publish("k-2", SampleChanges.patch("c2", "k-2", "{\"mediaTypes\":null}"));
        world.publish("k-2", SampleChanges.patch("c3", "k-2", "{\"length\":5000}"));
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-change-id"), r -> header(r, "dlq-reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c2", "invalid-message"),
                        org.assertj.core.groups.Tuple.tuple("c3", "invalid-message"));
        assertThat(header(world.deadLetters().get(0), "dlq-detail"))
                .startsWith("the patched series is not valid: ").contains("series.mediaTypes");
        assertThat(header(world.deadLetters().get(1), "dlq-detail"))
                .startsWith("the patched series is not valid: ").contains("series.length");
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isZero();
    }

    @Test
    void aPatchOfASeriesWhoseLastBodyTheLedgerCouldNotKeepNeedsReviewAndPutsNothing() {
        createWithManyAttendeesThenPatch();

        assertThat(world.deadLetters()).singleElement().satisfies(r -> {
            assertThat(header(r, "dlq-reason")).isEqualTo("needs-review");
            assertThat(header(r, "dlq-change-id")).isEqualTo("c2");
            assertThat(header(r, "dlq-detail")).isEqualTo("the last series sent for conference "
                    + world.api.scheduledSeries().get(0).conferenceID() + " had more bytes of fields that confDetail"
                    + " does not show than the ledger keeps (bridge.ledger.unshown-max-bytes): publish a modify with"
                    + " the whole series instead of a patch");
        });
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isZero();
    }

    @Test
    void withTheLedgersBoundRaisedThePatchOfThatSeriesKeepsItsAttendees() throws Exception {
        world.stopBridge();
        world.startBridge(settings -> settings.set("bridge.ledger.unshown-max-bytes", "65536"));
        String attendees = createWithManyAttendeesThenPatch();

        assertThat(world.deadLetters()).isEmpty();
        JsonNode put = JSON.readTree(world.api.traffic().recordedPuts().get(0).bodyText());
        assertThat(put.get("subject").asText()).isEqualTo("All hands, new room");
        assertThat(put.get("attendees")).isEqualTo(JSON.readTree("[" + attendees + "]"));
    }

    /** A create with 250 attendees (about 24 KiB of them, above the default bound), then a patch of its subject. */
    private String createWithManyAttendeesThenPatch() {
        String attendees = IntStream.range(0, 250).mapToObj(i -> """
                {"accountId":"user-%d","appId":"APPID","name":"Attendee %d","email":"attendee-%d@example.com"}"""
                .formatted(i, i, i)).collect(Collectors.joining(","));
        world.publish("k-5", SampleChanges.create("c1", "k-5", "All hands")
                .replace("[{\"accountId\":\"u1\",\"appId\":\"APPID\",\"name\":\"Alice\",\"role\":1}]",
                        "[" + attendees + "]"));
        world.publish("k-5", SampleChanges.patch("c2", "k-5", "{\"subject\":\"All hands, new room\"}"));
        world.awaitAllCommitted();
        return attendees;
    }

    @Test
    void aPatchOfASeriesNeitherTheApiNorTheLedgerKnowsIsRejectedWithTheApisAnswer() {
        world.publish("404", """
                {"changeId":"c1","action":"patch","conferenceID":"404","patch":{"subject":"Anyone?"}}""");
        world.awaitAllCommitted();

        assertThat(world.deadLetters()).singleElement().satisfies(r -> {
            assertThat(header(r, "dlq-reason")).isEqualTo("rejected");
            assertThat(header(r, "dlq-http-status")).isEqualTo("400");
            assertThat(header(r, "dlq-error-code")).isEqualTo("MMC.111070005");
        });
        assertThat(world.api.traffic().calls(MeetingOperation.UPDATE_SERIES)).isZero();
    }

    @Test
    void aReplayedOlderPatchIsSupersededAndLeavesTheSeriesAsTheNewerPatchMadeIt() throws Exception {
        world.publish("777", SampleChanges.weekly("base", "777", "Base subject"));
        world.awaitAllCommitted();
        world.api.faults().failConference("777", ApiResponse.error(500, "MMC.111070003", "oops"), 1);
        world.publish("777", patchOf777("old", "Old subject"));
        world.publish("777", patchOf777("new", "New subject"));
        world.awaitAllCommitted();
        assertThat(world.deadLetters()).extracting(r -> header(r, "dlq-reason")).containsExactly("rejected");

        ObjectName replay = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.REPLAY_MBEAN);
        ManagementFactory.getPlatformMBeanServer().invoke(replay, "replay", new Object[]{"rejected", "", "", ""},
                new String[]{"java.lang.String", "java.lang.String", "java.lang.String", "java.lang.String"});
        world.awaitAllCommitted();

        List<ConsumerRecord<byte[], byte[]>> deadLetters = world.deadLetters();
        assertThat(deadLetters).hasSize(2);
        assertThat(header(deadLetters.get(1), "dlq-reason")).isEqualTo("superseded");
        assertThat(header(deadLetters.get(1), "dlq-change-id")).isEqualTo("old");
        assertThat(world.api.series("777").orElseThrow().body().get("subject").asText()).isEqualTo("New subject");
        assertThat(world.api.traffic().putCalls("777")).isEqualTo(2);
        assertThat(world.occurrences()).extracting(r -> header(r, "meeting-change-id")).containsOnly("base", "new");
    }

    private static String patchOf777(String changeId, String subject) {
        return """
                {"changeId":"%s","action":"patch","conferenceID":"777","patch":{"subject":"%s"}}"""
                .formatted(changeId, subject);
    }
}
