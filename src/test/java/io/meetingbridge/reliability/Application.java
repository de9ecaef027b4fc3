package io.meetingbridge.reliability;

import static io.meetingbridge.testing.BridgeFixture.header;

import io.meetingbridge.occurrence.OccurrenceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One application of a change as the output topic shows it: the occurrence records written for one
 * answer of the API (one {@code meeting-request-id}). A crash may cut it short; a retry writes another.
 */
final class Application {

    private final String changeId;
    private final String conferenceId;
    private final String seriesKey;
    private final String action;
    private final Set<String> states = new TreeSet<>();
    private final int partition;
    private final long firstOffset;
    private final long firstTimestamp;
    private final int count;
    private final BitSet indexes = new BitSet();
    /** Records whose key is not the conferenceID of their header. */
    private int misKeyed;

    /** The application the first record of a request id begins; {@link #add} it like every later one. */
    Application(ConsumerRecord<byte[], byte[]> first) {
        changeId = header(first, OccurrenceHeaders.CHANGE_ID);
        conferenceId = header(first, OccurrenceHeaders.CONFERENCE_ID);
        seriesKey = header(first, OccurrenceHeaders.SERIES_KEY);
        action = header(first, OccurrenceHeaders.ACTION);
        partition = first.partition();
        firstOffset = first.offset();
        firstTimestamp = first.timestamp();
        count = Integer.parseInt(header(first, OccurrenceHeaders.OCCURRENCE_COUNT));
    }

    void add(ConsumerRecord<byte[], byte[]> record) {
        indexes.set(Integer.parseInt(header(record, OccurrenceHeaders.OCCURRENCE_INDEX)));
        states.add(header(record, OccurrenceHeaders.OCCURRENCE_STATE));
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!Objects.equals(key, conferenceId)) {
            misKeyed++;
        }
    }

    /** Every occurrence, 1 to count, is on the topic, and there are as many as expected. */
    boolean isComplete(int expectedOccurrences) {
        return count == expectedOccurrences && indexes.cardinality() == count && indexes.nextSetBit(0) == 1
                && indexes.length() == count + 1;
    }

    /** Complete as {@link LifeChange} expects it: its count, action and state, keyed by the conferenceID. */
    boolean isComplete(LifeChange change) {
        return isComplete(change.records()) && change.action().equals(action) && states.equals(Set.of(change.state()))
                && change.seriesKey().equals(seriesKey) && misKeyed == 0;
    }

    String changeId() {
        return changeId;
    }

    String conferenceId() {
        return conferenceId;
    }

    String seriesKey() {
        return seriesKey;
    }

    int partition() {
        return partition;
    }

    long firstOffset() {
        return firstOffset;
    }

    /** When the bridge wrote the application's first record (its timestamp, epoch ms). */
    long firstTimestamp() {
        return firstTimestamp;
    }

    @Override
    public String toString() {
        return changeId + " on " + conferenceId + " (" + action + ", " + states + ", " + indexes.cardinality() + " of "
                + count + " records at " + partition + "@" + firstOffset + ")";
    }
}
