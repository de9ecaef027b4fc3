package io.meetingbridge.reliability;

import io.meetingbridge.deadletter.DeadLetterHeaders;
import io.meetingbridge.occurrence.OccurrenceHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the bridge wrote for changes of series' lives, read back from the occurrences and dead-letter
 * topics, and the checks every crash and rebalance test makes on it.
 */
final class LifeOutputs {

    /** The records of one answer of the API (one {@code meeting-request-id}): one application of a change. */
    static final class Application {
        final String changeId;
        final String conferenceId;
        final String seriesKey;
        final String action;
        final Set<String> states = new TreeSet<>();
        final int partition;
        final long firstOffset;
        final int count;
        final BitSet indexes = new BitSet();
        /** Records whose key is not the conferenceID of their header. */
        int misKeyed;

        Application(ConsumerRecord<byte[], byte[]> first) {
            changeId = header(first, OccurrenceHeaders.CHANGE_ID);
            conferenceId = header(first, OccurrenceHeaders.CONFERENCE_ID);
            seriesKey = header(first, OccurrenceHeaders.SERIES_KEY);
            action = header(first, OccurrenceHeaders.ACTION);
            partition = first.partition();
            firstOffset = first.offset();
            count = Integer.parseInt(header(first, OccurrenceHeaders.OCCURRENCE_COUNT));
        }

        /** Every record 1..count of the expected count, action and state is on the topic, keyed by the conferenceID. */
        boolean isComplete(LifeChange change) {
            return count == change.records() && indexes.cardinality() == count && indexes.nextSetBit(0) == 1
                    && indexes.length() == count + 1 && change.action().equals(action)
                    && states.equals(Set.of(change.state())) && change.seriesKey().equals(seriesKey) && misKeyed == 0;
        }

        @Override
        public String toString() {
            return changeId + " on " + conferenceId + " (" + action + ", " + states + ", " + indexes.cardinality() + " of "
                    + count + " records at " + partition + "@" + firstOffset + ")";
        }
    }

    record DeadLetter(String changeId, String reason, String detail) {
    }

    private final Map<String, Application> applicationsByRequestId = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    private LifeOutputs() {
    }

    static LifeOutputs read(BridgeRig rig) {
        LifeOutputs outputs = new LifeOutputs();
        String brokers = rig.broker.bootstrapServers();
        Ledger.readTopic(brokers, rig.topics.occurrences(), outputs::addOccurrence);
        Ledger.readTopic(brokers, rig.topics.deadLetter(), record -> outputs.deadLetters.add(new DeadLetter(
                header(record, DeadLetterHeaders.CHANGE_ID), header(record, DeadLetterHeaders.REASON),
                header(record, DeadLetterHeaders.DETAIL))));
        return outputs;
    }

    private void addOccurrence(ConsumerRecord<byte[], byte[]> record) {
        Application application = applicationsByRequestId.computeIfAbsent(
                Objects.requireNonNull(header(record, OccurrenceHeaders.REQUEST_ID), "an occurrence without request id"),
                id -> new Application(record));
        application.indexes.set(Integer.parseInt(header(record, OccurrenceHeaders.OCCURRENCE_INDEX)));
        application.states.add(header(record, OccurrenceHeaders.OCCURRENCE_STATE));
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (!Objects.equals(key, header(record, OccurrenceHeaders.CONFERENCE_ID))) {
            application.misKeyed++;
        }
    }

    List<DeadLetter> deadLetters() {
        return deadLetters;
    }

    List<Application> applicationsOf(String changeId) {
        return applicationsByRequestId.values().stream().filter(a -> changeId.equals(a.changeId)).toList();
    }

    /** The conferenceIDs the outputs of this series' changes name. */
    Set<String> conferencesOf(String seriesKey) {
        return applicationsByRequestId.values().stream().filter(a -> seriesKey.equals(a.seriesKey))
                .map(a -> a.conferenceId).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The changes with neither a complete application (as {@link LifeChange} expects it) nor a dead letter. */
    List<String> lost(List<LifeChange> changes) {
        Set<String> deadLettered = deadLetters.stream().map(DeadLetter::changeId).collect(Collectors.toSet());
        List<String> lost = new ArrayList<>();
        for (LifeChange change : changes) {
            List<Application> applications = applicationsOf(change.changeId());
            if (applications.stream().noneMatch(a -> a.isComplete(change)) && !deadLettered.contains(change.changeId())) {
                lost.add(change.changeId() + ": applications " + applications);
            }
        }
        return lost;
    }

    /**
     * Per series, the order of its applications on the occurrences topic (one conference's records share a
     * partition) against {@link SeriesOrder}'s rules, each application named by its change's step; and every
     * application must be of a series' one conference.
     */
    List<String> orderViolations(List<LifeChange> changes) {
        Map<String, LifeChange> byId = changes.stream().collect(Collectors.toMap(LifeChange::changeId, Function.identity()));
        Map<String, Integer> stepsBySeries = changes.stream()
                .collect(Collectors.toMap(LifeChange::seriesKey, c -> 1, Integer::sum));
        Map<String, List<Application>> byConference = applicationsByRequestId.values().stream()
                .sorted(Comparator.comparingInt((Application a) -> a.partition).thenComparingLong(a -> a.firstOffset))
                .collect(Collectors.groupingBy(a -> a.conferenceId, LinkedHashMap::new, Collectors.toList()));
        List<String> violations = new ArrayList<>();
        byConference.forEach((conference, applications) -> {
            Set<String> seriesKeys = applications.stream().map(a -> String.valueOf(a.seriesKey))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (seriesKeys.size() != 1 || !stepsBySeries.containsKey(seriesKeys.iterator().next())) {
                violations.add(conference + ": outputs of series " + seriesKeys);
                return;
            }
            if (applications.stream().map(a -> a.partition).distinct().count() != 1) {
                violations.add(conference + ": outputs on more than one partition");
                return;
            }
            List<Integer> steps = applications.stream()
                    .map(a -> byId.containsKey(a.changeId) ? byId.get(a.changeId).step() : Integer.MAX_VALUE).toList();
            SeriesOrder.check(conference + " (" + seriesKeys.iterator().next() + ")", steps,
                    stepsBySeries.get(seriesKeys.iterator().next()), violations);
        });
        return violations;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
