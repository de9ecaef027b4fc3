package io.meetingbridge.testing;

import io.meetingbridge.simulator.MeetingApiSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's world: the shared embedded broker, topics of its own, a Meeting API simulator on a
 * loopback port and a bridge between them.
 */
public final class BridgeFixture implements AutoCloseable, AfterEachCallback {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public final EmbeddedKafka kafka = EmbeddedKafka.shared();
    public final EmbeddedKafka.Topics topics;
    public final MeetingApiSimulator api;
    private RunningBridge bridge;

    private BridgeFixture(int partitions) {
        this(partitions, UnaryOperator.identity());
    }

    private BridgeFixture(int partitions, UnaryOperator<MeetingApiSimulator.Builder> simulator) {
        topics = kafka.createTopics(partitions);
        try {
            api = simulator.apply(MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Meeting API simulator", e);
        }
    }

    /** As a field with {@code @RegisterExtension}, each test gets a world of its own, closed after it. */
    public static BridgeFixture create() {
        return new BridgeFixture(3);
    }

    /** One partition, and a simulator with settings of the test's own. */
    public static BridgeFixture withSimulator(UnaryOperator<MeetingApiSimulator.Builder> simulator) {
        return new BridgeFixture(1, simulator);
    }

    public static BridgeFixture withPartitions(int partitions) {
        return new BridgeFixture(partitions);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    public BridgeFixture startBridge() {
        return startBridge(UnaryOperator.identity());
    }

    public BridgeFixture startBridge(UnaryOperator<RunningBridge.Builder> settings) {
        bridge = settings.apply(RunningBridge.with(kafka, topics, api.baseUri().toString())).start();
        return this;
    }

    public RunningBridge bridge() {
        return bridge;
    }

    public void stopBridge() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
    }

    public void publish(List<ProducerRecord<byte[], byte[]>> records) {
        kafka.send(topics.changes(), records);
    }

    public void publish(String conferenceId, String value) {
        publish(List.of(SampleChanges.keyed(topics.changes(), conferenceId, value)));
    }

    /** Waits until the bridge has committed every input record published so far. */
    public void awaitAllCommitted() {
        awaitAllCommitted(topics);
    }

    /** The same for another bridge on this broker, one that reads {@code others}. */
    public void awaitAllCommitted(EmbeddedKafka.Topics others) {
        kafka.brokerAdmin().awaitCommitted(others.group(), others.changes(), kafka.endOffsetSum(others.changes()), WAIT,
                Duration.ofMillis(50), () -> { });
    }

    public String bridgeGroup() {
        return topics.group();
    }

    /** Everything on the occurrences topic (call after {@link #awaitAllCommitted()}). */
    public List<ConsumerRecord<byte[], byte[]>> occurrences() {
        return readAll(topics.occurrences());
    }

    /** Everything on the dead-letter topic (call after {@link #awaitAllCommitted()}). */
    public List<ConsumerRecord<byte[], byte[]>> deadLetters() {
        return readAll(topics.deadLetter());
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        int count = (int) kafka.endOffsetSum(topic);
        List<ConsumerRecord<byte[], byte[]>> records = kafka.read(topic, count, WAIT);
        if (records.size() != count) {
            throw new AssertionError("read " + records.size() + " of the " + count + " records on " + topic);
        }
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stopBridge();
        api.close();
    }
}
