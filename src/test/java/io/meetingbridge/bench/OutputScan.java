package io.meetingbridge.bench;

import io.meetingbridge.occurrence.OccurrenceHeaders;
import io.meetingbridge.testing.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What one run wrote to its (single-partition) occurrences topic, read back after the pipeline stopped.
 *
 * @param firstTimestamp  the earliest occurrence record's timestamp: when the first change was applied
 * @param bulkOccurrences occurrence records of the bulk phase's changes
 * @param liveLatencies   per live change: its input record's timestamp to its last occurrence record's
 * @param orderViolations occurrences of a conference written after one of a later change of that conference
 */
record OutputScan(long firstTimestamp, long bulkOccurrences, LatencySamples liveLatencies, long orderViolations) {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** Reads the topic; the bulk phase's changes are the input offsets {@code bulkFrom} to {@code bulkTo - 1}. */
    static OutputScan read(EmbeddedKafka kafka, String topic, long bulkFrom, long bulkTo, Map<Long, Long> liveSentAt) {
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.read(topic, (int) kafka.endOffsetSum(topic), READ_TIMEOUT);
        if (records.isEmpty()) {
            throw new IllegalStateException("no occurrence records on " + topic);
        }
        long firstTimestamp = Long.MAX_VALUE;
        long bulkOccurrences = 0;
        long orderViolations = 0;
        Map<String, Long> lastSourceByConference = new HashMap<>();
        Map<Long, Long> lastWrittenBySource = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            long source = Long.parseLong(header(record, OccurrenceHeaders.SOURCE_OFFSET));
            Long previous = lastSourceByConference.put(header(record, OccurrenceHeaders.CONFERENCE_ID), source);
            if (previous != null && previous > source) {
                orderViolations++;
            }
            if (source >= bulkFrom && source < bulkTo) {
                bulkOccurrences++;
            }
            lastWrittenBySource.merge(source, record.timestamp(), Math::max);
            firstTimestamp = Math.min(firstTimestamp, record.timestamp());
        }
        LatencySamples latencies = new LatencySamples();
        liveSentAt.forEach((offset, sentAt) -> {
            Long written = lastWrittenBySource.get(offset);
            if (written != null) {
                latencies.add(written - sentAt);
            }
        });
        return new OutputScan(firstTimestamp, bulkOccurrences, latencies, orderViolations);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("occurrence record at offset " + record.offset() + " lacks " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
