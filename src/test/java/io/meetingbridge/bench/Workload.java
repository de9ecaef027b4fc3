package io.meetingbridge.bench;

import io.meetingbridge.testing.SampleChanges;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One benchmark workload: how slow the API answers, how many conferences the changes are spread over
 * (round robin, so a conference's changes are evenly spaced in the topic), and how many changes each
 * pipeline gets. Every change is a 4-week weekly series: 8 occurrences.
 */
record Workload(String name, Duration putLatency, int conferences, int bridgeChanges, int baselineChanges) {

    static final int OCCURRENCES_PER_CHANGE = 8;
    private static final long FIRST_CONFERENCE_ID = 900_000_000L;

    /** The workloads: an instant and a slow (by default 50 ms) API, 20 and 500 conferences. */
    static List<Workload> standard(BenchSettings settings) {
        Duration slow = settings.slowApiLatency();
        return List.of(
                of(Duration.ZERO, 20, settings.instantChanges(), settings.instantChanges()),
                of(Duration.ZERO, 500, settings.instantChanges(), settings.instantChanges()),
                of(slow, 20, settings.slowChanges(), settings.slowBaselineChanges()),
                of(slow, 500, settings.slowChanges(), settings.slowBaselineChanges()));
    }

    private static Workload of(Duration putLatency, int conferences, int bridgeChanges, int baselineChanges) {
        return new Workload(putLatency.toMillis() + "ms-" + conferences + "conf", putLatency, conferences,
                bridgeChanges, baselineChanges);
    }

    int changesFor(Contender contender) {
        return contender == Contender.BRIDGE ? bridgeChanges : baselineChanges;
    }

    boolean instantApi() {
        return putLatency.isZero();
    }

    /** The {@code sequence}-th change of this workload, keyed by its conferenceID. */
    ProducerRecord<byte[], byte[]> change(String topic, int sequence) {
        String conferenceId = Long.toString(FIRST_CONFERENCE_ID + sequence % conferences);
        return SampleChanges.keyed(topic, conferenceId, SampleChanges.weekly("bench-" + sequence, conferenceId));
    }

    /** The changes {@code first} to {@code first + count - 1}. */
    List<ProducerRecord<byte[], byte[]>> changes(String topic, int first, int count) {
        return IntStream.range(first, first + count).mapToObj(sequence -> change(topic, sequence)).toList();
    }
}
