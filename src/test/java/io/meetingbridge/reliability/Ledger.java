package io.meetingbridge.reliability;

import static io.meetingbridge.testing.BridgeFixture.header;

import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import io.meetingbridge.testing.BrokerAdmin;
import io.meetingbridge.testing.EmbeddedKafka;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Everything the bridge wrote, read back from the occurrences and dead-letter topics, by change and conference. */
final class Ledger {

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
    static Ledger read(BrokerAdmin broker, EmbeddedKafka.Topics topics) {
        Ledger ledger = new Ledger();
        broker.readToEnd(topics.occurrences(), ledger::addOccurrence);
        broker.readToEnd(topics.deadLetter(), ledger::addDeadLetter);
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
}
