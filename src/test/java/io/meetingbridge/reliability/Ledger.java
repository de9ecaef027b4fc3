package io.meetingbridge.reliability;

import static io.meetingbridge.testing.BridgeFixture.header;

import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Everything the bridge wrote, read back from the occurrences and dead-letter topics, by change and conference. */
final class Ledger {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Application> applicationsByRequestId = new LinkedHashMap<>();
    private final Map<String, List<Application>> applicationsByChange = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<Integer, List<Long>> occurrenceTimestampsByPartition = new TreeMap<>();
    private long occurrenceRecords;

    /** One record of the dead-letter topic: which change, why, and the sentence saying so. */
    record DeadLetter(String changeId, String reason, String detail) {
    }

    private Ledger() {
    }

    /** Reads both topics from their beginning to their current end. */
    static Ledger read(String bootstrapServers, BridgeTopics topics) {
        Ledger ledger = new Ledger();
        readTopic(bootstrapServers, topics.occurrences(), ledger::addOccurrence);
        readTopic(bootstrapServers, topics.deadLetter(), ledger::addDeadLetter);
        return ledger;
    }

    /** The ledger of these records, each topic's in its order: what a checker's own test feeds it. */
    static Ledger of(List<ConsumerRecord<byte[], byte[]>> occurrences, List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        Ledger ledger = new Ledger();
        occurrences.forEach(ledger::addOccurrence);
        deadLetters.forEach(ledger::addDeadLetter);
        return ledger;
    }

    long occurrenceRecords() {
        return occurrenceRecords;
    }

    /** When each occurrence record was written (its timestamp, epoch ms), per partition, in offset order. */
    Map<Integer, List<Long>> occurrenceTimestampsByPartition() {
        return occurrenceTimestampsByPartition;
    }

    List<Application> applicationsOf(String changeId) {
        return applicationsByChange.getOrDefault(changeId, List.of());
    }

    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    List<String> deadLetterReasonsOf(String changeId) {
        return deadLetters.stream().filter(d -> changeId.equals(d.changeId())).map(DeadLetter::reason).toList();
    }

    /**
     * Each conference's applications in the order they were written (a conference's records share one
     * partition; {@link LifeOutputs} checks that they do).
     */
    Map<String, List<Application>> applicationsByConference() {
        return applicationsByRequestId.values().stream()
                .sorted(Comparator.comparingInt(Application::partition).thenComparingLong(Application::firstOffset))
                .collect(Collectors.groupingBy(Application::conferenceId, LinkedHashMap::new, Collectors.toList()));
    }

    private void addOccurrence(ConsumerRecord<byte[], byte[]> record) {
        occurrenceRecords++;
        occurrenceTimestampsByPartition.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.timestamp());
        String requestId = header(record, OccurrenceHeaders.REQUEST_ID);
        if (requestId == null) {
            throw new IllegalStateException("an occurrence without " + OccurrenceHeaders.REQUEST_ID + " at "
                    + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        applicationsByRequestId.computeIfAbsent(requestId, id -> {
            Application first = new Application(record);
            applicationsByChange.computeIfAbsent(first.changeId(), k -> new ArrayList<>()).add(first);
            return first;
        }).add(record);
    }

    private void addDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        deadLetters.add(new DeadLetter(header(record, DeadLetterHeaders.CHANGE_ID),
                header(record, DeadLetterHeaders.REASON), header(record, DeadLetterHeaders.DETAIL)));
    }

    /** Feeds every record of a topic, from its beginning to its end as of now, to the sink. */
    static void readTopic(String bootstrapServers, String topic,
                                  Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(sink);
            }
        }
    }
}
