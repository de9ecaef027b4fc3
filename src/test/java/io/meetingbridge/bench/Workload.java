package io.meetingbridge.bench;

import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One benchmark workload: the input topic's partitions, how many conferences the changes are spread
 * over (round robin, so a conference's changes are evenly spaced in the topic), how many occurrences
 * each change's series has, how slow the API answers, and how many changes each pipeline gets.
 *
 * @param sequentialChanges changes for the sequential baseline, which is much slower on a slow API
 * @param live              whether a live phase measures end-to-end latency after the bulk phase
 */
record Workload(String name, int partitions, int conferences, int occurrencesPerChange, Duration putLatency,
                int changes, int sequentialChanges, boolean live) {

    static final int STANDARD_OCCURRENCES = 8;
    private static final long FIRST_CONFERENCE_ID = 900_000_000L;
    private static final String CHANGE_ID_PREFIX = "bench-";

    /** The workloads, one input partition: an instant and a slow (by default 50 ms) API, 20 and 500 conferences. */
    static List<Workload> standard(BenchSettings settings) {
        Duration slow = settings.slowApiLatency();
        return List.of(
                standard(Duration.ZERO, 20, settings.instantChanges(), settings.instantChanges()),
                standard(Duration.ZERO, 500, settings.instantChanges(), settings.instantChanges()),
                standard(slow, 20, settings.slowChanges(), settings.slowSequentialChanges()),
                standard(slow, 500, settings.slowChanges(), settings.slowSequentialChanges()));
    }

    private static Workload standard(Duration putLatency, int conferences, int changes, int sequentialChanges) {
        return new Workload(putLatency.toMillis() + "ms-" + conferences + "conf", 1, conferences,
                STANDARD_OCCURRENCES, putLatency, changes, sequentialChanges, true);
    }

    /** A point of the scaling table: no live phase, and no sequential baseline. */
    static Workload scaling(int partitions, int conferences, int occurrencesPerChange, Duration putLatency,
                            int changes) {
        return new Workload("%dp-%dconf-%docc-%dms".formatted(partitions, conferences, occurrencesPerChange,
                putLatency.toMillis()), partitions, conferences, occurrencesPerChange, putLatency, changes, 0, false);
    }

    int changesFor(Contender contender) {
        return contender == Contender.SEQUENTIAL_BASELINE ? sequentialChanges : changes;
    }

    boolean instantApi() {
        return putLatency.isZero();
    }

    /** The {@code sequence}-th change of this workload, keyed by its conferenceID, with changeId {@code bench-<sequence>}. */
    ProducerRecord<byte[], byte[]> change(String topic, int sequence) {
        String conferenceId = Long.toString(FIRST_CONFERENCE_ID + sequence % conferences);
        return SampleChanges.keyed(topic, conferenceId,
                WeeklySeries.change(CHANGE_ID_PREFIX + sequence, conferenceId, occurrencesPerChange));
    }

    /** The changes {@code first} to {@code first + count - 1}. */
    List<ProducerRecord<byte[], byte[]>> changes(String topic, int first, int count) {
        return IntStream.range(first, first + count).mapToObj(sequence -> change(topic, sequence)).toList();
    }

    /** The sequence number of a change of this benchmark, from its changeId (the occurrences carry it). */
    static int sequenceOf(String changeId) {
        if (!changeId.startsWith(CHANGE_ID_PREFIX)) {
            throw new IllegalStateException("not a change of the benchmark: " + changeId);
        }
        return Integer.parseInt(changeId.substring(CHANGE_ID_PREFIX.length()));
    }
}
