package io.meetingbridge.bench;

import io.meetingbridge.occurrence.OccurrenceHeaders;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What one run wrote to its occurrences topic, read back after the pipeline stopped. Changes are told
 * apart by the sequence number in their changeId ({@link Workload#sequenceOf}), which holds whatever
 * the number of input partitions; a conference's occurrences share a partition, so their order is kept.
 *
 * @param firstTimestamp      the earliest occurrence record's timestamp: when the first change was applied
 * @param bulkChangesApplied  the bulk phase's changes with at least one occurrence written
 * @param bulkOccurrences     occurrence records of the bulk phase's changes
 * @param liveLatencies       per live change: its input record's timestamp to its last occurrence record's
 * @param orderViolations     occurrences of a conference written after one of a later change of that conference
 */
record OutputScan(long firstTimestamp, int bulkChangesApplied, long bulkOccurrences, LatencySamples liveLatencies,
                  long orderViolations) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** Reads the topic; the bulk phase's changes are the sequences {@code bulkFrom} to {@code bulkTo - 1}. */
    static OutputScan read(EmbeddedKafka kafka, String topic, int bulkFrom, int bulkTo, Map<Integer, Long> liveSentAt) {
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.read(topic, (int) kafka.endOffsetSum(topic), READ_TIMEOUT);
        if (records.isEmpty()) {
            throw new IllegalStateException("no occurrence records on " + topic);
        }
        long firstTimestamp = Long.MAX_VALUE;
        long bulkOccurrences = 0;
        long orderViolations = 0;
        Set<Integer> bulkApplied = new HashSet<>();
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
                bulkApplied.add(sequence);
            }
            lastWrittenBySequence.merge(sequence, record.timestamp(), Math::max);
            firstTimestamp = Math.min(firstTimestamp, record.timestamp());
        }
        LatencySamples latencies = new LatencySamples();
        liveSentAt.forEach((sequence, sentAt) -> {
            Long written = lastWrittenBySequence.get(sequence);
            if (written != null) {
                latencies.add(written - sentAt);
            }
        });
        return new OutputScan(firstTimestamp, bulkApplied.size(), bulkOccurrences, latencies, orderViolations);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        String value = BridgeFixture.header(record, name);
        if (value == null) {
            throw new IllegalStateException("occurrence record at offset " + record.offset() + " lacks " + name);
        }
        return value;
    }
}
