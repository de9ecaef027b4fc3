package io.meetingbridge.bench;

import io.meetingbridge.occurrence.OccurrenceHeaders;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one run wrote to its occurrences topic, read back after the pipeline stopped. Changes are told
 * apart by the sequence number in their changeId ({@link Workload#sequenceOf}), which holds whatever
 * the number of input partitions; a conference's occurrences share a partition, so their order is kept.
 *
 * @param firstTimestamp           the earliest occurrence record's timestamp: when the first change was applied
 * @param bulkChangesApplied       the bulk phase's changes with every occurrence the workload makes written
 * @param bulkOccurrences          occurrence records of the bulk phase's changes, duplicates included
 * @param bulkDistinctOccurrences  distinct occurrences (change, index 1 to the workload's count) of the bulk phase
 * @param liveLatencies       per live change: its input record's timestamp to its last occurrence record's
 * @param orderViolations     occurrences of a conference written after one of a later change of that conference
 */
record OutputScan(long firstTimestamp, int bulkChangesApplied, long bulkOccurrences, long bulkDistinctOccurrences,
                  LatencySamples liveLatencies, long orderViolations) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** Reads the topic; the bulk phase's changes are the sequences {@code bulkFrom} to {@code bulkTo - 1}. */
    static OutputScan read(EmbeddedKafka kafka, String topic, int bulkFrom, int bulkTo, int occurrencesPerChange,
                           Map<Integer, Long> liveSentAt) {
        return of(kafka.read(topic, (int) kafka.endOffsetSum(topic), READ_TIMEOUT), bulkFrom, bulkTo,
                occurrencesPerChange, liveSentAt);
    }

    /**
     * Scans these occurrence records, in the order the topic holds them per partition. A change counts as applied
     * once every one of the workload's {@code occurrencesPerChange} occurrences (index 1 to that count) is out,
     * whichever answer wrote each: the count the records themselves carry is not trusted.
     */
    static OutputScan of(List<ConsumerRecord<byte[], byte[]>> records, int bulkFrom, int bulkTo,
                         int occurrencesPerChange, Map<Integer, Long> liveSentAt) {
        if (records.isEmpty()) {
            throw new IllegalStateException("no occurrence records");
        }
        long firstTimestamp = Long.MAX_VALUE;
        long bulkOccurrences = 0;
        long orderViolations = 0;
        Map<Integer, BitSet> bulkIndexes = new HashMap<>();
        Map<String, Integer> lastSequenceByConference = new HashMap<>();
        Map<Integer, Long> lastWrittenBySequence = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            int sequence = Workload.sequenceOf(header(record, OccurrenceHeaders.CHANGE_ID));
            Integer previous = lastSequenceByConference.put(header(record, OccurrenceHeaders.CONFERENCE_ID), sequence);
            if (previous != null && previous > sequence) {
                orderViolations++;
            }
            if (sequence >= bulkFrom && sequence < bulkTo) {
                bulkOccurrences++;
                int index = Integer.parseInt(header(record, OccurrenceHeaders.OCCURRENCE_INDEX));
                if (index >= 1 && index <= occurrencesPerChange) {
                    bulkIndexes.computeIfAbsent(sequence, s -> new BitSet()).set(index);
                }
            }
            lastWrittenBySequence.merge(sequence, record.timestamp(), Math::max);
            firstTimestamp = Math.min(firstTimestamp, record.timestamp());
        }
        int bulkApplied = (int) bulkIndexes.values().stream()
                .filter(indexes -> indexes.cardinality() == occurrencesPerChange).count();
        long bulkDistinct = bulkIndexes.values().stream().mapToLong(BitSet::cardinality).sum();
        LatencySamples latencies = new LatencySamples();
        liveSentAt.forEach((sequence, sentAt) -> {
            Long written = lastWrittenBySequence.get(sequence);
            if (written != null) {
                latencies.add(written - sentAt);
            }
        });
        return new OutputScan(firstTimestamp, bulkApplied, bulkOccurrences, bulkDistinct, latencies, orderViolations);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        String value = BridgeFixture.header(record, name);
        if (value == null) {
            throw new IllegalStateException("occurrence record at offset " + record.offset() + " lacks " + name);
        }
        return value;
    }
}
