package io.meetingbridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetingbridge.change.SeriesDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series ledger: per series, what the bridge last applied, kept in a compacted Kafka topic and in
 * memory. A write is acknowledged by the broker before the change that made it is finished, so it is
 * committed only after the ledger knows it. Every instance reads the whole topic at start and follows
 * it, so a partition that moves between instances brings its series' history with it.
 */
public final class SeriesLedger extends ServiceSupport implements SeriesDirectory {

    static final String WRITER_HEADER = "ledger-writer";
    private static final Logger LOG = LoggerFactory.getLogger(SeriesLedger.class);

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final Properties connection;
    private final int partitions;
    private final Duration writeTimeout;
    private final Duration catchUpTimeout;
    /** This process's writes carry it; the follower skips them, as memory has them already. */
    private final String writer = UUID.randomUUID().toString();
    private final ConcurrentMap<String, SeriesEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> keyByConference = new ConcurrentHashMap<>();
    /** Writes sent with {@link #writeBeforeCommit} whose acknowledgement {@link #awaitWrites} has not seen yet. */
    private final Queue<Future<RecordMetadata>> unacknowledged = new ConcurrentLinkedQueue<>();
    /** Keys whose last write was not acknowledged: memory has a value the topic may lack until it is written again. */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    private volatile long startedNanos;
    private volatile long restoreMillis = -1;
    private LedgerFollower follower;

    /**
     * @param producer   the bridge's producer (acks=all, idempotence), closed by its owner
     * @param connection brokers and security only, for the follower and the topic check
     */
    public SeriesLedger(String topic, Producer<byte[], byte[]> producer, Properties connection, int partitions,
                        Duration writeTimeout, Duration catchUpTimeout) {
        this.topic = topic;
        this.producer = producer;
        this.connection = connection;
        this.partitions = partitions;
        this.writeTimeout = writeTimeout;
        this.catchUpTimeout = catchUpTimeout;
    }

    @Override
    protected void doStart() {
        startedNanos = System.nanoTime();
        // the topic is checked on the follower's thread: without a broker the bridge still starts (not ready)
        follower = new LedgerFollower(connection, topic, writer, this::read,
                () -> LedgerTopic.ensureCompacted(connection, topic, partitions));
        follower.start();
        follower.requestCatchUp().thenRun(this::restored);
    }

    private void restored() {
        restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        LOG.info("Series ledger {} restored: {} series in {} ms", topic, entries.size(), restoreMillis);
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }

    /**
     * Waits until this instance knows every ledger value written before the call: at start (the restore)
     * and whenever its partitions may have changed hands.
     */
    @Override
    public void catchUp() throws InterruptedException, TimeoutException {
        follower.catchUp(catchUpTimeout);
    }

    /** The series of a seriesKey within its tenant (null in enterprise mode). */
    public Optional<SeriesEntry> bySeriesKey(String tenant, String seriesKey) {
        return Optional.ofNullable(entries.get(SeriesEntry.scoped(tenant, seriesKey)))
                .filter(e -> seriesKey.equals(e.seriesKey()));
    }

    /** The series of a conferenceID within its tenant (null in enterprise mode). */
    public Optional<SeriesEntry> byConference(String tenant, String conferenceID) {
        String key = keyByConference.get(SeriesEntry.scoped(tenant, conferenceID));
        return key == null ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    /**
     * The entry of this ledger key or, failing that, of this conferenceID (for an operator's lookup); in SP mode
     * both are written {@code corpId/id}.
     */
    public Optional<SeriesEntry> find(String keyOrConferenceID) {
        return Optional.ofNullable(entries.get(keyOrConferenceID)).or(() -> byConference(null, keyOrConferenceID));
    }

    /** The entry of a seriesKey or conferenceID as the ledger topic holds it (JSON), for an operator. */
    public Optional<String> entryJson(String seriesKeyOrConferenceID) {
        return find(seriesKeyOrConferenceID).map(entry -> LedgerCodec.tree(entry).toString());
    }

    /** Null once the ledger has been read to its end, else why not yet (readiness). */
    public String restoreProblem() {
        return restoreMillis >= 0 ? null : "the series ledger " + topic + " is not read to its end yet";
    }

    /**
     * Writes an entry and waits for the broker's acknowledgement. A series that gains a seriesKey leaves its
     * entry under the conferenceID behind: that one is deleted (a tombstone).
     */
    public void write(SeriesEntry entry) throws InterruptedException, ExecutionException, TimeoutException {
        for (Future<RecordMetadata> write : sendReplacing(entry)) {
            write.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        remember(entry);
    }

    /**
     * Writes an entry without waiting for the broker: memory has it at once (the series' next change reads it),
     * and {@link #awaitWrites} waits for every such write before the batch that made them is committed. Used for
     * the entry of an applied change, whose outputs are acknowledged already, so that a lane does not wait a
     * second broker round trip per change.
     */
    public void writeBeforeCommit(SeriesEntry entry) {
        unacknowledged.addAll(sendReplacing(entry));
        remember(entry);
    }

    /**
     * Sends an entry and, for a series that gained a seriesKey, deletes (a tombstone) the entry it left under its
     * conferenceID; the writes in flight.
     */
    private List<Future<RecordMetadata>> sendReplacing(SeriesEntry entry) {
        String formerKey = entry.conferenceID() == null ? null : keyByConference.get(conferenceKey(entry));
        List<Future<RecordMetadata>> writes = new ArrayList<>(2);
        writes.add(sendAsync(entry.key(), LedgerCodec.write(entry)));
        if (formerKey != null && !formerKey.equals(entry.key())) {
            writes.add(sendAsync(formerKey, null));
            entries.remove(formerKey);
        }
        return writes;
    }

    /**
     * Waits for every write of {@link #writeBeforeCommit} made so far. Null when all were acknowledged; else the
     * first failure, and the keys concerned are written again by {@link #rewriteUnconfirmed} before the next batch.
     */
    @Override
    public Throwable awaitWrites() throws InterruptedException {
        long deadline = System.nanoTime() + writeTimeout.toNanos();
        Throwable failure = null;
        for (Future<RecordMetadata> write; (write = unacknowledged.poll()) != null; ) {
            try {
                write.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            } catch (TimeoutException e) {
                failure = failure != null ? failure : new TimeoutException("a series ledger write was not acknowledged within "
                        + writeTimeout.toMillis() + " ms");
            }
        }
        return failure;
    }

    /** Writes again, and waits for, the current value of every key whose last write was not acknowledged. */
    @Override
    public void rewriteUnconfirmed() throws InterruptedException, ExecutionException, TimeoutException {
        for (String key : List.copyOf(unconfirmed)) {
            SeriesEntry entry = entries.get(key);
            send(key, entry == null ? null : LedgerCodec.write(entry));
            unconfirmed.remove(key);
        }
    }

    private void send(String key, byte[] value) throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(record(key, value)).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Future<RecordMetadata> sendAsync(String key, byte[] value) {
        // callbacks of one key come in the order of its writes (one partition): the last one decides
        return producer.send(record(key, value), (metadata, e) -> {
            if (e == null) {
                unconfirmed.remove(key);
            } else {
                unconfirmed.add(key);
                LOG.warn("A series ledger write (key {}) failed: {}; it is written again before the next batch", key,
                        e.toString());
            }
        });
    }

    private ProducerRecord<byte[], byte[]> record(String key, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
        record.headers().add(WRITER_HEADER, writer.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void remember(SeriesEntry entry) {
        SeriesEntry before = entries.put(entry.key(), entry);
        if (before != null && before.conferenceID() != null && !before.conferenceID().equals(entry.conferenceID())) {
            keyByConference.remove(conferenceKey(before), entry.key());
        }
        if (entry.conferenceID() != null) {
            keyByConference.put(conferenceKey(entry), entry.key());
        }
    }

    /** The conferenceID within its tenant: another enterprise's change never reaches this series through it. */
    private static String conferenceKey(SeriesEntry entry) {
        return SeriesEntry.scoped(entry.tenant(), entry.conferenceID());
    }

    /** A value another instance (or an earlier run) wrote. */
    private void read(String key, byte[] value) {
        if (value == null) {
            SeriesEntry gone = entries.remove(key);
            if (gone != null && gone.conferenceID() != null) {
                keyByConference.remove(conferenceKey(gone), key);
            }
            return;
        }
        try {
            SeriesEntry entry = LedgerCodec.read(value);
            SeriesEntry known = entries.get(key);
            boolean older = known != null && known.lastApplied() != null && entry.lastApplied() != null
                    && entry.lastApplied().isOlderThan(known.lastApplied());
            if (!older) {
                remember(entry);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignored a value of the series ledger {} that cannot be read (key {}): {}", topic, key, e.toString());
        }
    }

    /**
     * The lane of a parsed change: the series it names within its tenant (SP mode's corpId), through the ledger
     * when it names only the conferenceID of a series that has a seriesKey, so that every change of one series
     * shares a lane.
     */
    @Override
    public String laneOf(JsonNode change) {
        if (change == null) {
            return "";
        }
        JsonNode corpId = change.get("corpId");
        String tenant = corpId != null && corpId.isTextual() ? corpId.textValue() : null;
        JsonNode seriesKey = change.get("seriesKey");
        if (seriesKey != null && seriesKey.isTextual()) {
            return "series:" + SeriesEntry.scoped(tenant, seriesKey.textValue());
        }
        JsonNode conferenceID = change.get("conferenceID");
        if (conferenceID != null && conferenceID.isTextual()) {
            return byConference(tenant, conferenceID.textValue()).filter(entry -> entry.seriesKey() != null)
                    .map(entry -> "series:" + entry.key()).orElse("conference:" + SeriesEntry.scoped(tenant, conferenceID.textValue()));
        }
        return "";
    }

    public int size() {
        return entries.size();
    }

    /** Milliseconds from start until the ledger was first read to its end; -1 until then. */
    public long restoreMillis() {
        return restoreMillis;
    }

    public String topic() {
        return topic;
    }
}
