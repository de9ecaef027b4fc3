package io.meetingbridge.testing;

import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * The records a bridge would write, made by hand for a checker's own test: occurrence records of API answers,
 * dead letters and series ledger entries, with the headers the bridge writes. One clock for all three topics:
 * each record is written one millisecond after the one before, so the order of the calls is the order in time.
 */
public final class OutputRecords {

    private static final String OCCURRENCES = "occurrences";
    private static final String DEAD_LETTERS = "dead-letters";
    private static final String SERIES = "series";

    private final List<ConsumerRecord<byte[], byte[]>> occurrences = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
    private final List<ConsumerRecord<byte[], byte[]>> ledger = new ArrayList<>();
    private long clock = 1_800_000_000_000L;
    private int requests;

    /** One API answer applying a change of a conference: all {@code count} of its occurrence records. */
    public OutputRecords applied(String changeId, String conferenceId, int count) {
        return applied(changeId, conferenceId, count, count);
    }

    /** An answer whose first {@code written} records of {@code count} are out: a crash cut it short. */
    public OutputRecords applied(String changeId, String conferenceId, int count, int written) {
        return answer(changeId, conferenceId, null, "modify", "scheduled", count, written);
    }

    /** One API answer applying a change of a series' life, with its action and the state of its records. */
    public OutputRecords appliedLife(String changeId, String conferenceId, String seriesKey, String action, String state,
                                     int count) {
        return answer(changeId, conferenceId, seriesKey, action, state, count, count);
    }

    public OutputRecords deadLettered(String changeId, String reason) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.CHANGE_ID, changeId);
        add(headers, DeadLetterHeaders.REASON, reason);
        add(headers, DeadLetterHeaders.DETAIL, "made by hand");
        deadLetters.add(record(DEAD_LETTERS, 0, deadLetters.size(), null, headers, new byte[0]));
        return this;
    }

    /** The series ledger records this change as the series' last applied one, in this state. */
    public OutputRecords ledgerSays(String series, String lastChangeId, String state) {
        String value = "{\"conferenceID\":\"%s\",\"state\":\"%s\",\"lastChangeId\":\"%s\"}"
                .formatted(series, state, lastChangeId);
        ledger.add(record(SERIES, 0, ledger.size(), series, new RecordHeaders(),
                value.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public List<ConsumerRecord<byte[], byte[]>> occurrences() {
        return occurrences;
    }

    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return deadLetters;
    }

    public List<ConsumerRecord<byte[], byte[]>> ledger() {
        return ledger;
    }

    /** The time the next record will have. */
    public long now() {
        return clock;
    }

    /** Lets time pass, as between a run and a later one. */
    public OutputRecords later(long millis) {
        clock += millis;
        return this;
    }

    private OutputRecords answer(String changeId, String conferenceId, String seriesKey, String action, String state,
                                 int count, int written) {
        String requestId = "request-" + ++requests;
        for (int index = 1; index <= written; index++) {
            RecordHeaders headers = new RecordHeaders();
            add(headers, OccurrenceHeaders.REQUEST_ID, requestId);
            add(headers, OccurrenceHeaders.CHANGE_ID, changeId);
            add(headers, OccurrenceHeaders.CONFERENCE_ID, conferenceId);
            add(headers, OccurrenceHeaders.OCCURRENCE_INDEX, Integer.toString(index));
            add(headers, OccurrenceHeaders.OCCURRENCE_COUNT, Integer.toString(count));
            add(headers, OccurrenceHeaders.ACTION, action);
            add(headers, OccurrenceHeaders.OCCURRENCE_STATE, state);
            Optional.ofNullable(seriesKey).ifPresent(key -> add(headers, OccurrenceHeaders.SERIES_KEY, key));
            occurrences.add(record(OCCURRENCES, 0, occurrences.size(), conferenceId, headers, new byte[0]));
        }
        return this;
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key,
                                                  RecordHeaders headers, byte[] value) {
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(topic, partition, offset, clock++, TimestampType.CREATE_TIME,
                keyBytes == null ? -1 : keyBytes.length, value.length, keyBytes, value, headers, Optional.empty());
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
