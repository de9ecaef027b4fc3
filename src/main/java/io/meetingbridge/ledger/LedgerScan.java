package io.meetingbridge.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One look, with a consumer of its own, at ledger partitions this instance does not read: which of some conferenceIDs a
 * series of a tenant has there. For the rare question memory cannot answer (an interrupted create must not adopt a
 * series another instance's partitions know); nothing read is kept.
 */
final class LedgerScan {

    private static final Duration POLL = Duration.ofMillis(200);

    private LedgerScan() {
    }

    static Set<String> conferencesKnown(Properties connection, String topic, Collection<Integer> partitions, String tenant,
                                        Set<String> conferenceIDs, Duration timeout) throws TimeoutException {
        Set<String> known = new HashSet<>();
        if (partitions.isEmpty() || conferenceIDs.isEmpty()) {
            return known;
        }
        Properties settings = LedgerTopic.readerSettings(connection);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
            while (!ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("ledger partitions " + partitions + " were not read within "
                            + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    known(record.value(), tenant, conferenceIDs).ifPresent(known::add);
                }
            }
        }
        return known;
    }

    /** The conferenceID of a value when it is one of these, of this tenant; the text is looked at before decoding. */
    private static Optional<String> known(byte[] value, String tenant, Set<String> conferenceIDs) {
        if (value == null) {
            return Optional.empty();
        }
        String text = new String(value, StandardCharsets.UTF_8);
        if (conferenceIDs.stream().noneMatch(text::contains)) {
            return Optional.empty();
        }
        try {
            SeriesEntry entry = LedgerCodec.read(value);
            return conferenceIDs.contains(entry.conferenceID()) && Objects.equals(entry.tenant(), tenant)
                    ? Optional.of(entry.conferenceID()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
