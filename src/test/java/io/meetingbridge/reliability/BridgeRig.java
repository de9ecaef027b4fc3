package io.meetingbridge.reliability;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.simulator.MeetingErrors;
import io.meetingbridge.testing.BrokerAdmin;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.TestCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.awaitility.Awaitility;

/**
 * One reliability run's world: a restartable broker, the bridge's topics on it, a Meeting API simulator on
 * loopback, and the bridge JVMs between them. Closing it ends every process it started.
 */
final class BridgeRig implements AutoCloseable {

    final RunDirectory run;
    final EmbeddedKafka broker;
    final BrokerAdmin admin;
    final EmbeddedKafka.Topics topics = EmbeddedKafka.Topics.unique();
    final MeetingApiSimulator api;
    private final List<BridgeJvm> bridges = new ArrayList<>();

    private BridgeRig(String runName) {
        run = RunDirectory.create(runName);
        broker = EmbeddedKafka.restartable();
        admin = broker.brokerAdmin();
        try {
            api = MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the Meeting API simulator", e);
        }
    }

    /** A rig with the input and occurrences topics of {@code partitions} partitions, and the dead-letter topic. */
    static BridgeRig start(String runName, int partitions) {
        BridgeRig rig = withoutDeadLetterTopic(runName, partitions);
        rig.admin.createTopic(rig.topics.deadLetter(), 1);
        return rig;
    }

    /** A rig whose dead-letter topic does not exist (the broker does not create topics on demand). */
    static BridgeRig withoutDeadLetterTopic(String runName, int partitions) {
        BridgeRig rig = new BridgeRig(runName);
        rig.admin.createTopic(rig.topics.changes(), partitions);
        rig.admin.createTopic(rig.topics.occurrences(), partitions);
        return rig;
    }

    /** A bridge instance of this rig's consumer group, not started yet. */
    BridgeJvm bridge(String name) {
        BridgeJvm bridge = BridgeJvm.between(name, run, broker.bootstrapServers(), topics, api.baseUri().toString());
        bridges.add(bridge);
        return bridge;
    }

    /** The simulator answers every PUT of this conference with 400 from now on. */
    void refuse(String conferenceId) {
        api.faults().failConferenceAlways(conferenceId, MeetingErrors.typicalFor(400));
    }

    /** Publishes these changes to the input topic and waits for the broker to acknowledge them all. */
    List<PublishedChange> publish(Supplier<PlannedChange> changes, int count) {
        return ChangeStream.start(broker.bootstrapServers(), topics.changes(), changes, 100, count)
                .awaitPublished(Duration.ofSeconds(30));
    }

    /** Publishes to the input topic, {@code perSecond} changes a second, until {@link ChangeStream#stop()}. */
    ChangeStream publishUntilStopped(Supplier<PlannedChange> changes, double perSecond) {
        return ChangeStream.startUnbounded(broker.bootstrapServers(), topics.changes(), changes, perSecond);
    }

    /** Occurrence records written so far, duplicates included. */
    long occurrenceRecords() {
        return admin.endOffsetSum(topics.occurrences());
    }

    /** Waits until the bridge has written occurrence records for about this many changes. */
    void awaitOccurrencesOf(int changes, Duration timeout) {
        long records = (long) changes * Accounting.OCCURRENCES_PER_CHANGE;
        Awaitility.await("the bridge writes " + records + " occurrence records").atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .failFast("a bridge JVM died", this::anyBridgeDied)
                .until(() -> occurrenceRecords() >= records);
    }

    /** Waits until the bridge's group has exactly this many members: a rebalance after a start or stop is done. */
    void awaitMembers(int members) {
        Awaitility.await(members + " instances in the group").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .failFast("a bridge JVM died", this::anyBridgeDied)
                .until(() -> admin.groupMembers(topics.group()) == members);
    }

    /** Waits until the bridge's group has committed at least this many input records. */
    void awaitCommitted(long records, Duration timeout) {
        admin.awaitCommitted(topics.group(), topics.changes(), records, timeout, Duration.ofMillis(250),
                this::requireNoBridgeDied);
    }

    /** Waits until the bridge's group has committed every input record. */
    void awaitDrained(Duration timeout) {
        Awaitility.await("the bridge commits every input record").atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .failFast("a bridge JVM died", this::anyBridgeDied)
                .until(() -> admin.drained(topics.group(), topics.changes()));
    }

    Ledger ledger() {
        return Ledger.read(admin, topics);
    }

    private void requireNoBridgeDied() {
        if (anyBridgeDied()) {
            throw new IllegalStateException("a bridge JVM died");
        }
    }

    private boolean anyBridgeDied() {
        // only a bridge meant to be running counts: one killed or stopped on purpose has not died
        return bridges.stream().anyMatch(BridgeJvm::diedUnexpectedly);
    }

    @Override
    public void close() {
        bridges.forEach(BridgeJvm::close);
        if (api != null) {
            api.close();
        }
        broker.close();
    }
}
