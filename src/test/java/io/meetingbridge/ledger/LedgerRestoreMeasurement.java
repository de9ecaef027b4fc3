package io.meetingbridge.ledger;

import io.meetingbridge.change.ChangePosition;
import io.meetingbridge.testing.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * {@code mvn -q test-compile exec:java@ledger-restore [-Dledger.series=1000000 -Dledger.partitions=6 -Dledger.owned=2
 * -Dledger.occurrences=8]}: writes that many series over the partitions of a ledger topic co-partitioned with an input
 * topic, on a broker in this JVM, then restores them twice: as an instance that owns {@code ledger.owned} of the input
 * partitions, and as one that owns all of them. Prints each case's restore time and heap, their ratios, and PASS/FAIL
 * against the goal (at most 40% of the memory and of the time). A measurement, not a test: it always exits 0. A first
 * restore of the share, not counted, warms the JIT up, so that neither measured case pays for it.
 */
public final class LedgerRestoreMeasurement {

    private static final double GOAL = 0.40;

    private LedgerRestoreMeasurement() {
    }

    /** One restore: how long, how much heap, how many series. */
    private record Restore(long millis, long heapBytes, int series) {
        void print(String who) {
            System.out.printf("%-26s %,10d series restored in %,7d ms (%,.0f series/s), heap %,9d KiB, %,d bytes per "
                    + "series%n", who, series, millis, series * 1000.0 / Math.max(1, millis), heapBytes / 1024,
                    heapBytes / Math.max(1, series));
        }
    }

    public static void main(String[] args) throws Exception {
        int seriesCount = Integer.getInteger("ledger.series", 1_000_000);
        int partitions = Integer.getInteger("ledger.partitions", 6);
        int owned = Integer.getInteger("ledger.owned", 2);
        int occurrences = Integer.getInteger("ledger.occurrences", 8);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of())) {
            Properties connection = new Properties();
            connection.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            String input = "meeting.changes";
            String topic = "meeting.series";
            kafka.createTopic(input, partitions);
            LedgerTopic.ensureCompacted(connection, topic, partitions);
            long written = write(connection, topic, seriesCount, occurrences, partitions);
            System.out.printf("Wrote %,d series with %d occurrences each (%,d bytes of values) over %d partitions of %s%n",
                    seriesCount, occurrences, written, partitions, topic);

            List<Integer> shareOwned = IntStream.range(0, owned).boxed().toList();
            restore(connection, topic, input, shareOwned);
            Restore share = restore(connection, topic, input, shareOwned);
            Restore all = restore(connection, topic, input, IntStream.range(0, partitions).boxed().toList());
            share.print("owning " + owned + " of " + partitions + " partitions:");
            all.print("owning all " + partitions + ":");
            verdict("memory", (double) share.heapBytes() / all.heapBytes());
            verdict("restore time", (double) share.millis() / all.millis());
        }
    }

    private static void verdict(String what, double ratio) {
        System.out.printf("%s  %s of an instance owning a share <= %.0f%% of one owning all: %.1f%%%n",
                ratio <= GOAL ? "PASS" : "FAIL", what, GOAL * 100, ratio * 100);
    }

    /** Starts a ledger that owns these input partitions and times their restore; its heap after a full GC. */
    private static Restore restore(Properties connection, String topic, String input, List<Integer> owned)
            throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        // the measurement only reads: the ledger's producer stays idle
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(connection, new ByteArraySerializer(),
                new ByteArraySerializer());
        SeriesLedger ledger = new SeriesLedger(topic, input, producer, connection, owned.size(), Duration.ofSeconds(15),
                Duration.ofMinutes(10));
        ledger.start();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> ledger.restoreProblem() == null);
        long started = System.nanoTime();
        ledger.partitionsGained(owned);
        ledger.catchUp();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long heap = usedHeapAfterGc(memory) - before;
        Restore restore = new Restore(millis, heap, ledger.size());
        ledger.stop();
        producer.close();
        return restore;
    }

    /** Each series in the partition of its number: as the bridge writes it, the ledger partition of its input's. */
    private static long write(Properties connection, String topic, int seriesCount, int occurrences, int partitions)
            throws Exception {
        Properties settings = new Properties();
        settings.putAll(connection);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
            for (int i = 0; i < seriesCount; i++) {
                SeriesEntry entry = entry(i, occurrences);
                byte[] value = LedgerCodec.write(entry);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, i % partitions, entry.key().getBytes(StandardCharsets.UTF_8),
                        value));
            }
            producer.flush();
        }
        return bytes;
    }

    /** A series as a create leaves it: a seriesKey, a 9-digit conferenceID, its occurrences with 32-hex ids. */
    private static SeriesEntry entry(int i, int occurrences) {
        List<KnownOccurrence> known = new ArrayList<>(occurrences);
        for (int n = 0; n < occurrences; n++) {
            known.add(new KnownOccurrence("%032x".formatted((long) i * 1000 + n), "2026-12-%02d 01:00".formatted(n % 28 + 1),
                    "2026-12-%02d 02:00".formatted(n % 28 + 1), false));
        }
        return new SeriesEntry(null, "crm-" + i, Integer.toString(100_000_000 + i), SeriesState.ACTIVE, "crm-" + i + "-v1",
                new ChangePosition("meeting.changes", 0, i, 1_764_547_200_000L + i), known);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
