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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * {@code mvn -q test-compile exec:java@ledger-restore [-Dledger.series=100000 -Dledger.occurrences=8]}: writes that
 * many series to a ledger topic of a broker in this JVM, then prints how long an instance takes to read it at
 * start and how much heap the ledger holds per series. A measurement, not a test: nothing here can fail.
 */
public final class LedgerRestoreMeasurement {

    private LedgerRestoreMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int seriesCount = Integer.getInteger("ledger.series", 100_000);
        int occurrences = Integer.getInteger("ledger.occurrences", 8);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of())) {
            Properties connection = new Properties();
            connection.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            String topic = "meeting.series";
            LedgerTopic.ensureCompacted(connection, topic, 3);
            long written = write(connection, topic, seriesCount, occurrences);
            System.out.printf("Wrote %,d series with %d occurrences each (%,d bytes of values) to %s%n", seriesCount,
                    occurrences, written, topic);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long before = usedHeapAfterGc(memory);
            // the measurement only reads: the ledger's producer stays idle
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(connection, new ByteArraySerializer(),
                    new ByteArraySerializer());
            SeriesLedger ledger = new SeriesLedger(topic, producer, connection, 3, Duration.ofSeconds(15),
                    Duration.ofMinutes(5));
            ledger.start();
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ledger.restoreMillis() >= 0);
            long after = usedHeapAfterGc(memory);
            System.out.printf("Restored %,d series in %,d ms (%,.0f series/s)%n", ledger.size(), ledger.restoreMillis(),
                    ledger.size() * 1000.0 / Math.max(1, ledger.restoreMillis()));
            System.out.printf("Heap held by the ledger: %,d KiB, %,d bytes per series (%d occurrences each)%n",
                    (after - before) / 1024, (after - before) / Math.max(1, ledger.size()), occurrences);
            ledger.stop();
            producer.close();
        }
    }

    private static long write(Properties connection, String topic, int seriesCount, int occurrences) throws Exception {
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
                producer.send(new ProducerRecord<>(topic, entry.key().getBytes(StandardCharsets.UTF_8), value));
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
                new ChangePosition("meeting.changes", i % 3, i, 1_764_547_200_000L + i), known);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
