package io.meetingbridge.lifecycle;

import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingOperation;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A create the ledger says was under way (creating, no conferenceID) is never POSTed blindly: the bridge
 * adopts the one scheduled series that matches it, POSTs when none does, and asks for review when several do.
 * The ledger is set up by hand here; the kill -9 tests in reliability reach the same state by a crash.
 */
class InterruptedCreateTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void theOneMatchingSeriesIsAdoptedNotCreatedAgain() {
        String made = createdOutsideTheLedger("made", "Board meeting");
        interruptedCreateSentAgain("crm-5");

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(1);
        assertThat(world.api.scheduledSeries()).hasSize(1);
        assertThat(occurrencesOf("c1")).hasSize(8).allSatisfy(r -> {
            assertThat(header(r, "meeting-conference-id")).isEqualTo(made);
            assertThat(header(r, "meeting-series-key")).isEqualTo("crm-5");
        });
    }

    @Test
    void withNoMatchingSeriesTheCreateIsSent() {
        createdOutsideTheLedger("other", "Another subject");
        interruptedCreateSentAgain("crm-6");

        assertThat(world.deadLetters()).isEmpty();
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(2);
        assertThat(world.api.scheduledSeries()).hasSize(2);
        assertThat(occurrencesOf("c1")).hasSize(8);
    }

    @Test
    void severalMatchingSeriesNeedAPersonToDecide() {
        String first = createdOutsideTheLedger("first", "Board meeting");
        String second = createdOutsideTheLedger("second", "Board meeting");
        interruptedCreateSentAgain("crm-7");

        ConsumerRecord<byte[], byte[]> deadLetter = world.deadLetters().get(0);
        assertThat(header(deadLetter, "dlq-reason")).isEqualTo("needs-review");
        assertThat(header(deadLetter, "dlq-detail")).isEqualTo("a create of seriesKey crm-7 was interrupted after its "
                + "POST, and 2 scheduled series match it (conferences " + String.join(", ",
                java.util.stream.Stream.of(first, second).sorted().toList())
                + "): the bridge cannot tell which one it made");
        assertThat(world.api.traffic().calls(MeetingOperation.CREATE_SERIES)).isEqualTo(2);
        assertThat(occurrencesOf("c1")).isEmpty();
    }

    /** A series the API has and the ledger does not: created through the bridge, then forgotten by the ledger. */
    private String createdOutsideTheLedger(String seriesKey, String subject) {
        world.publish(seriesKey, SampleChanges.create("make-" + seriesKey, seriesKey, subject));
        world.awaitAllCommitted();
        String conferenceID = header(occurrencesOf("make-" + seriesKey).get(0), "meeting-conference-id");
        writeLedger(seriesKey, null);
        return conferenceID;
    }

    /**
     * What a crash after the POST leaves in the ledger (the create under way, no conferenceID yet), then the
     * create, c1 of a "Board meeting", read again by the restarted bridge and handled.
     */
    private void interruptedCreateSentAgain(String seriesKey) {
        writeLedger(seriesKey, """
                {"seriesKey":"%s","state":"creating","occurrences":[]}""".formatted(seriesKey));
        world.stopBridge();
        world.startBridge();
        world.publish(seriesKey, SampleChanges.create("c1", seriesKey, "Board meeting"));
        world.awaitAllCommitted();
    }

    /** Read by the bridge at its next start (see {@link #interruptedCreateSentAgain}). */
    private void writeLedger(String key, String value) {
        world.kafka.send(world.topics.series(), List.of(SampleChanges.record(world.topics.series(), key, value)));
    }

    private List<ConsumerRecord<byte[], byte[]>> occurrencesOf(String changeId) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        world.occurrences().stream().filter(r -> changeId.equals(header(r, "meeting-change-id"))).forEach(records::add);
        return records;
    }
}
