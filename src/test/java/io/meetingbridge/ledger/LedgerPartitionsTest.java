package io.meetingbridge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.testing.EmbeddedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ledger co-partitioned with the input: an instance holds only the series of the input partitions it owns,
 * learns those of a partition that comes to it before it says it is caught up, forgets those of a partition that
 * goes, reads every partition when the ledger topic's partition count is not the input's, and can look up what the
 * partitions it does not read know.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LedgerPartitionsTest {

    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "changes-" + suffix;
    private final String topic = "series-" + suffix;
    private final List<SeriesLedger> started = new ArrayList<>();
    private KafkaProducer<byte[], byte[]> producer;

    @BeforeEach
    void twoInputPartitions() {
        kafka.createTopic(input, 2);
    }

    @AfterEach
    void stop() {
        started.forEach(SeriesLedger::stop);
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void anInstanceHoldsOnlyTheSeriesOfItsOwnPartitions() throws Exception {
        SeriesLedger writer = ownedLedger(0, 1);
        writer.write(series("p0-a", "100"), 0);
        writer.write(series("p0-b", "101"), 0);
        writer.write(series("p1-a", "200"), 1);

        SeriesLedger owner = ownedLedger(0);

        assertThat(owner.bySeriesKey(null, "p0-a")).isPresent();
        assertThat(owner.byConference(null, "101")).isPresent();
        assertThat(owner.bySeriesKey(null, "p1-a")).isEmpty();
        assertThat(owner.byConference(null, "200")).isEmpty();
        assertThat(owner.size()).isEqualTo(2);
    }

    @Test
    void aPartitionThatComesIsReadBeforeTheCatchUpEnds() throws Exception {
        SeriesLedger owner = ownedLedger(0);
        writtenElsewhere();
        assertThat(owner.bySeriesKey(null, "p1-a")).isEmpty();

        gained(owner, 1);

        assertThat(owner.bySeriesKey(null, "p1-a")).isPresent();
        assertThat(owner.byConference(null, "200")).isPresent();
    }

    @Test
    void aPartitionThatGoesIsForgotten() throws Exception {
        SeriesLedger owner = ownedLedger(0, 1);
        owner.write(series("p0-a", "100"), 0);
        owner.write(series("p1-a", "200"), 1);

        owner.partitionsGone(List.of(1));

        Awaitility.await().atMost(AWAIT).until(() -> owner.byConference(null, "200").isEmpty());
        assertThat(owner.bySeriesKey(null, "p1-a")).isEmpty();
        assertThat(owner.bySeriesKey(null, "p0-a")).isPresent();
        assertThat(owner.size()).isEqualTo(1);

        // and comes back with its history, this instance's own writes included
        gained(owner, 1);
        assertThat(owner.bySeriesKey(null, "p1-a")).isPresent();
    }

    @Test
    void aLedgerTopicWithAnotherPartitionCountIsReadWhole() throws Exception {
        LedgerTopic.ensureCompacted(connection(), topic, 3);
        SeriesLedger writer = ownedLedger(0, 1);
        writer.write(series("a", "100"), 0);
        writer.write(series("b", "200"), 1);

        SeriesLedger owner = ownedLedger(0);

        assertThat(owner.bySeriesKey(null, "a")).isPresent();
        assertThat(owner.bySeriesKey(null, "b")).isPresent();
        owner.partitionsGone(List.of(0));
        gained(owner, 1);
        assertThat(owner.size()).isEqualTo(2);
    }

    @Test
    void aSeriesCancelledInTheAppReachesTheInstanceThatReadsItsPartition() throws Exception {
        SeriesLedger owner = ownedLedger(0);
        SeriesLedger receiver = ownedLedger(1);
        owner.write(series("k", "100"), 0);
        owner.write(new SeriesEntry("acme", "k", "300", SeriesState.ACTIVE, "acme-v1",
                new ChangePosition(input, 0, 2, 2L), List.of()), 0);

        new CancelledInApp(receiver).seriesCancelled("100");
        new CancelledInApp(receiver).seriesCancelled("300");

        Awaitility.await().atMost(AWAIT).untilAsserted(() -> {
            assertThat(owner.bySeriesKey(null, "k").orElseThrow().state()).isEqualTo(SeriesState.CANCELLED);
            assertThat(owner.bySeriesKey("acme", "k").orElseThrow().state()).isEqualTo(SeriesState.CANCELLED);
        });
        assertThat(owner.bySeriesKey(null, "k").orElseThrow().lastChangeId()).isEqualTo("k-v1");
        assertThat(receiver.size()).isZero();
    }

    @Test
    void theSeriesOfPartitionsReadElsewhereAreLookedUpThere() throws Exception {
        SeriesLedger owner = ownedLedger(0);
        writtenElsewhere();
        owner.write(series("p0-a", "100"), 0);

        assertThat(owner.knownElsewhere(null, Set.of("100", "200", "999"))).containsExactly("200");
        assertThat(owner.knownElsewhere("acme", Set.of("200"))).isEmpty();
    }

    /** A ledger owning these input partitions, caught up. */
    private SeriesLedger ownedLedger(Integer... partitions) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(connection(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        SeriesLedger ledger = new SeriesLedger(topic, input, producer, connection(), 1, Duration.ofSeconds(15),
                Duration.ofSeconds(30));
        ledger.start();
        started.add(ledger);
        gained(ledger, partitions);
        return ledger;
    }

    /** The ledger is given these input partitions and reads what they know before it answers. */
    private static void gained(SeriesLedger ledger, Integer... partitions) throws Exception {
        ledger.partitionsGained(List.of(partitions));
        ledger.catchUp();
    }

    /** Another instance, owning input partition 1, writes series p1-a (conference 200) there. */
    private void writtenElsewhere() throws Exception {
        ownedLedger(1).write(series("p1-a", "200"), 1);
    }

    private Properties connection() {
        Properties connection = new Properties();
        connection.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return connection;
    }

    private SeriesEntry series(String seriesKey, String conferenceID) {
        return new SeriesEntry(null, seriesKey, conferenceID, SeriesState.ACTIVE, seriesKey + "-v1",
                new ChangePosition(input, 0, 1, 1L), List.of(new KnownOccurrence("occ-" + seriesKey,
                "2026-12-02 01:00", "2026-12-02 02:00", false)));
    }
}
