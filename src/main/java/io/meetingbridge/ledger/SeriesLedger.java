package io.meetingbridge.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.meetingbridge.change.SeriesDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.function.Predicate;
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
 * committed only after the ledger knows it. The topic is co-partitioned with the input: the entry of a change read
 * from input partition p is written to ledger partition p, and an instance reads only the ledger partitions of the
 * input partitions it owns, so a partition that moves between instances brings its series' history with it and
 * memory follows an instance's share of the partitions.
 */
public final class SeriesLedger extends ServiceSupport implements SeriesDirectory {

    static final String WRITER_HEADER = "ledger-writer";
    /**
     * The key prefix of a request to the owner of a series: cancel the series of this conferenceID (it was cancelled
     * in the Meeting app, reported to an instance that does not read its partition). Starts with a control character,
     * which no seriesKey, corpId or conferenceID has.
     */
    static final String CANCELLED_IN_APP = "\u0001cancelled-in-app/";
    private static final Logger LOG = LoggerFactory.getLogger(SeriesLedger.class);

    private final String topic;
    private final String inputTopic;
    private final Producer<byte[], byte[]> producer;
    private final Properties connection;
    private final int partitions;
    private final Duration writeTimeout;
    private final Duration catchUpTimeout;
    /** This process's writes carry it; the follower skips them, as memory has them already. */
    private final String writer = UUID.randomUUID().toString();
    private final ConcurrentMap<String, Held> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> keyByConference = new ConcurrentHashMap<>();
    /** Writes sent with {@link #writeBeforeCommit} whose acknowledgement {@link #awaitWrites} has not seen yet. */
    private final Queue<Future<RecordMetadata>> unacknowledged = new ConcurrentLinkedQueue<>();
    /**
     * Keys whose last write was not acknowledged, with their input partition: memory has a value the topic may lack
     * until it is written again.
     */
    private final ConcurrentMap<String, Integer> unconfirmed = new ConcurrentHashMap<>();
    private volatile boolean ready;
    /** When partitions last came to this instance, 0 once their ledger partitions are read (the polling thread). */
    private long gainedNanos;
    private volatile long restoreMillis = -1;
    private LedgerFollower follower;

    /** An entry in memory and the ledger partition it is in (that of the input partition of its changes). */
    private record Held(SeriesEntry entry, int partition) {
    }

    /**
     * @param inputTopic the topic of the changes: the ledger topic gets its partition count
     * @param producer   the bridge's producer (acks=all, idempotence), closed by its owner
     * @param connection brokers and security only, for the follower and the topic check
     * @param partitions the ledger topic's partitions when the bridge creates it and cannot read the input's
     */
    public SeriesLedger(String topic, String inputTopic, Producer<byte[], byte[]> producer, Properties connection,
                        int partitions, Duration writeTimeout, Duration catchUpTimeout) {
        this.topic = topic;
        this.inputTopic = inputTopic;
        this.producer = producer;
        this.connection = connection;
        this.partitions = partitions;
        this.writeTimeout = writeTimeout;
        this.catchUpTimeout = catchUpTimeout;
    }

    @Override
    protected void doStart() {
        // the topic is checked on the follower's thread: without a broker the bridge still starts (not ready)
        follower = new LedgerFollower(connection, topic, inputTopic, writer, new LedgerFollower.Sink() {
            @Override
            public void read(String key, byte[] value, int partition) {
                SeriesLedger.this.read(key, value, partition);
            }

            @Override
            public void dropped(Set<Integer> partitions) {
                forget(partitions);
            }
        }, input -> {
            int count = input > 0 ? input : partitions;
            LedgerTopic.ensureCompacted(connection, topic, count);
            return count;
        });
        follower.start();
        follower.requestCatchUp().thenRun(() -> ready = true);
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (follower != null) {
            follower.close();
        }
    }

    @Override
    public void partitionsGained(Collection<Integer> inputPartitions) {
        if (gainedNanos == 0) {
            gainedNanos = System.nanoTime();
        }
        follower.own(inputPartitions);
    }

    @Override
    public void partitionsGone(Collection<Integer> inputPartitions) {
        follower.disown(inputPartitions);
    }

    /**
     * Waits until this instance knows every ledger value written before the call in the partitions it reads: at start
     * (the restore) and whenever its partitions may have changed hands.
     */
    @Override
    public void catchUp() throws InterruptedException, TimeoutException {
        follower.catchUp(catchUpTimeout);
        if (gainedNanos != 0) {
            restoreMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - gainedNanos);
            gainedNanos = 0;
            LOG.info("Series ledger {}: the partitions that came were read in {} ms; {} series held", topic,
                    restoreMillis, entries.size());
        }
    }

    /** The series of a seriesKey within its tenant (null in enterprise mode). */
    public Optional<SeriesEntry> bySeriesKey(String tenant, String seriesKey) {
        return entry(SeriesEntry.scoped(tenant, seriesKey)).filter(e -> seriesKey.equals(e.seriesKey()));
    }

    /** The series of a conferenceID within its tenant (null in enterprise mode). */
    public Optional<SeriesEntry> byConference(String tenant, String conferenceID) {
        String key = keyByConference.get(SeriesEntry.scoped(tenant, conferenceID));
        return key == null ? Optional.empty() : entry(key);
    }

    /**
     * Which of these conferenceIDs a series of this tenant has in the ledger partitions this instance does not read,
     * looked up there (an interrupted create must not adopt a series another instance's partitions know); none when it
     * reads every partition. Bounded by the catch-up timeout.
     */
    public Set<String> knownElsewhere(String tenant, Set<String> conferenceIDs) throws TimeoutException {
        return LedgerScan.conferencesKnown(connection, topic, follower.notRead(), tenant, conferenceIDs, catchUpTimeout);
    }

    private Optional<SeriesEntry> entry(String key) {
        return Optional.ofNullable(entries.get(key)).map(Held::entry);
    }

    /**
     * The series of a conferenceID whatever its tenant, among those of the ledger partitions this predicate takes: an
     * event of the Meeting app names no enterprise. Empty when there is none, or more than one (which the log says).
     */
    Optional<Held> anyTenantsSeries(String conferenceID, Predicate<Held> where) {
        List<Held> found = entries.values().stream()
                .filter(h -> conferenceID.equals(h.entry().conferenceID()) && where.test(h)).toList();
        if (found.size() > 1) {
            LOG.warn("Conference {} is the conferenceID of {} series of the ledger ({}): none is changed", conferenceID,
                    found.size(), String.join(", ", found.stream().map(h -> h.entry().key()).toList()));
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The entry of this ledger key or, failing that, of this conferenceID (for an operator's lookup); in SP mode
     * both are written {@code corpId/id}.
     */
    public Optional<SeriesEntry> find(String keyOrConferenceID) {
        return entry(keyOrConferenceID).or(() -> byConference(null, keyOrConferenceID));
    }

    /** The entry of a seriesKey or conferenceID as the ledger topic holds it (JSON), for an operator. */
    public Optional<String> entryJson(String seriesKeyOrConferenceID) {
        return find(seriesKeyOrConferenceID).map(entry -> LedgerCodec.tree(entry).toString());
    }

    /** Null once the ledger has been read to its end, else why not yet (readiness). */
    public String restoreProblem() {
        return ready ? null : "the series ledger " + topic + " is not read to its end yet";
    }

    /**
     * Writes an entry to the ledger partition of the input partition its change was read from, and waits for the
     * broker's acknowledgement. A series that gains a seriesKey leaves its entry under the conferenceID behind: that
     * one is deleted (a tombstone, in the partition it is in).
     */
    public void write(SeriesEntry entry, int inputPartition)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (Future<RecordMetadata> write : sendReplacing(entry, inputPartition)) {
            write.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        remember(entry, inputPartition);
    }

    /**
     * Writes an entry without waiting for the broker: memory has it at once (the series' next change reads it),
     * and {@link #awaitWrites} waits for every such write before the batch that made them is committed. Used for
     * the entry of an applied change, whose outputs are acknowledged already, so that a lane does not wait a
     * second broker round trip per change.
     */
    public void writeBeforeCommit(SeriesEntry entry, int inputPartition) {
        unacknowledged.addAll(sendReplacing(entry, inputPartition));
        remember(entry, inputPartition);
    }

    /**
     * Sends an entry and, for a series that gained a seriesKey, deletes (a tombstone) the entry it left under its
     * conferenceID; the writes in flight.
     */
    private List<Future<RecordMetadata>> sendReplacing(SeriesEntry entry, int partition) {
        String formerKey = entry.conferenceID() == null ? null : keyByConference.get(conferenceKey(entry));
        List<Future<RecordMetadata>> writes = new ArrayList<>(2);
        writes.add(sendAsync(entry.key(), LedgerCodec.write(entry), partition));
        Held former = formerKey == null || formerKey.equals(entry.key()) ? null : entries.remove(formerKey);
        if (former != null) {
            writes.add(sendAsync(formerKey, null, former.partition()));
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

    /**
     * Writes again, and waits for, the current value of every key whose last write was not acknowledged. Keys of
     * partitions this instance no longer reads are gone from memory: their changes are read again by the new owner.
     */
    @Override
    public void rewriteUnconfirmed() throws InterruptedException, ExecutionException, TimeoutException {
        for (var write : List.copyOf(unconfirmed.entrySet())) {
            Held held = entries.get(write.getKey());
            send(write.getKey(), held == null ? null : LedgerCodec.write(held.entry()), write.getValue());
            unconfirmed.remove(write.getKey(), write.getValue());
        }
    }

    /**
     * A series cancelled in the Meeting app: when this instance reads the series' partition, its entry is written
     * cancelled there; else a request to cancel it goes to every ledger partition, and the instance that reads the
     * series' partition does it ({@link #read}).
     */
    void cancelledInApp(String conferenceID) throws InterruptedException, ExecutionException, TimeoutException {
        Optional<Held> held = anyTenantsSeries(conferenceID, h -> true);
        if (held.isPresent()) {
            cancel(held.get());
            return;
        }
        // not looked at yet (no broker): the push is answered 503 and comes again
        LedgerFollower.Layout layout = follower.layout().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (layout.coPartitioned()) {
            // the key says it all; the value says it to an operator reading the topic
            byte[] request = JsonNodeFactory.instance.objectNode().put("request", "cancelled-in-app")
                    .put("conferenceID", conferenceID).toString().getBytes(StandardCharsets.UTF_8);
            List<Future<RecordMetadata>> writes = new ArrayList<>();
            for (int p = 0; p < layout.partitions(); p++) {
                // without the writer's header: the instance that reads the partition acts on it, this one included
                writes.add(producer.send(new ProducerRecord<>(topic, p,
                        (CANCELLED_IN_APP + conferenceID).getBytes(StandardCharsets.UTF_8), request)));
            }
            for (Future<RecordMetadata> write : writes) {
                write.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void cancel(Held held) throws InterruptedException, ExecutionException, TimeoutException {
        if (held.entry().state() != SeriesState.CANCELLED) {
            write(held.entry().cancelled(), held.partition());
            LOG.info("Series {} (conference {}) was cancelled in the Meeting app: the ledger has it cancelled",
                    held.entry().key(), held.entry().conferenceID());
        }
    }

    private void send(String key, byte[] value, int partition)
            throws InterruptedException, ExecutionException, TimeoutException {
        producer.send(record(key, value, partition)).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Future<RecordMetadata> sendAsync(String key, byte[] value, int partition) {
        // callbacks of one key come in the order of its writes (one partition): the last one decides
        return producer.send(record(key, value, partition), (metadata, e) -> {
            if (e == null) {
                unconfirmed.remove(key);
            } else {
                unconfirmed.put(key, partition);
                LOG.warn("A series ledger write (key {}) failed: {}; it is written again before the next batch", key,
                        e.toString());
            }
        });
    }

    /**
     * The record of a key, in the ledger partition of its input partition; by the key's hash when the ledger is not
     * co-partitioned with the input (every instance reads every partition then).
     */
    private ProducerRecord<byte[], byte[]> record(String key, byte[] value, int partition) {
        LedgerFollower.Layout layout = follower.layout().getNow(null);
        Integer target = layout != null && layout.coPartitioned() ? Integer.valueOf(partition) : null;
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, target, key.getBytes(StandardCharsets.UTF_8),
                value);
        record.headers().add(WRITER_HEADER, writer.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void remember(SeriesEntry entry, int partition) {
        Held before = entries.put(entry.key(), new Held(entry, partition));
        if (before != null && before.entry().conferenceID() != null
                && !before.entry().conferenceID().equals(entry.conferenceID())) {
            keyByConference.remove(conferenceKey(before.entry()), entry.key());
        }
        if (entry.conferenceID() != null) {
            keyByConference.put(conferenceKey(entry), entry.key());
        }
    }

    /** The conferenceID within its tenant: another enterprise's change never reaches this series through it. */
    private static String conferenceKey(SeriesEntry entry) {
        return SeriesEntry.scoped(entry.tenant(), entry.conferenceID());
    }

    /** A value another instance (or an earlier run) wrote, or a request to the reader of this partition. */
    private void read(String key, byte[] value, int partition) {
        if (key.startsWith(CANCELLED_IN_APP)) {
            if (value != null) {
                cancelRequested(key, partition);
            }
            return;
        }
        if (value == null) {
            removeKey(key);
            return;
        }
        try {
            SeriesEntry entry = LedgerCodec.read(value);
            Held known = entries.get(key);
            boolean older = known != null && known.entry().lastApplied() != null && entry.lastApplied() != null
                    && entry.lastApplied().isOlderThan(known.entry().lastApplied());
            if (!older) {
                remember(entry, partition);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignored a value of the series ledger {} that cannot be read (key {}): {}", topic, key, e.toString());
        }
    }

    /**
     * Another instance was told of a series cancelled in the app and asked each partition's reader: the series is
     * cancelled when it is in this partition (its own copy of the request reaches any other), and the request is
     * deleted. Applied again (a restore before the deletion) it changes nothing.
     */
    private void cancelRequested(String key, int partition) {
        String conferenceID = key.substring(CANCELLED_IN_APP.length());
        try {
            Optional<Held> held = anyTenantsSeries(conferenceID, h -> h.partition() == partition);
            if (held.isPresent()) {
                cancel(held.get());
            }
            sendAsync(key, null, partition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("The series of conference {}, cancelled in the Meeting app, could not be written cancelled: {}; "
                    + "asked again at the next restore of ledger partition {}", conferenceID, e.toString(), partition);
        }
    }

    private void removeKey(String key) {
        Held gone = entries.remove(key);
        if (gone != null && gone.entry().conferenceID() != null) {
            keyByConference.remove(conferenceKey(gone.entry()), key);
        }
    }

    /** The follower no longer reads these ledger partitions: their series are another instance's now. */
    private void forget(Set<Integer> partitions) {
        int before = entries.size();
        entries.forEach((key, held) -> {
            if (partitions.contains(held.partition())) {
                removeKey(key);
            }
        });
        // their batch was not committed: the new owner reads those changes again
        unconfirmed.values().removeIf(partitions::contains);
        LOG.info("Series ledger partitions {} went to another instance: {} series forgotten, {} kept", partitions,
                before - entries.size(), entries.size());
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

    /**
     * Milliseconds the last restore took: from input partitions coming to this instance until their ledger partitions
     * were read; -1 before the first.
     */
    public long restoreMillis() {
        return restoreMillis;
    }

    public String topic() {
        return topic;
    }
}
