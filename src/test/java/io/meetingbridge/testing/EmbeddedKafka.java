package io.meetingbridge.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import kafka.server.BrokerServer;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * A real one-node KRaft Kafka broker in this JVM (Kafka's own test kit), with the small tools tests need.
 * {@link #withScram()} adds a listener that accepts only SASL/SCRAM-SHA-256 clients; {@link #restartable()} is one
 * that can be stopped and started again at the same address on the same data.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Records up to 4 MiB, so that tests can publish values bigger than the bridge accepts. */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    public static final String SCRAM_MECHANISM = "SCRAM-SHA-256";

    /** How every test broker is set up: one node, no topic made by a client's request, no wait for a second member. */
    public static final Map<String, String> BROKER_SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "4",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "false",
            "message.max.bytes", Integer.toString(MAX_RECORD_BYTES));

    /** How long a start (the first or a restart) may take before the broker answers. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How often a port picked free is tried before giving up: another process may take it before the broker binds. */
    private static final int PORT_ATTEMPTS = 3;

    private static EmbeddedKafka shared;

    static {
        KafkaHaltAtJvmExit.install();
    }

    private final KafkaClusterTestKit cluster;
    /** Read once: a stopped broker reports no address, and a restarted one keeps its fixed port. */
    private final String bootstrapServers;
    private final BrokerAdmin admin;
    /** The SCRAM listener's port, 0 without one. */
    private final int saslPort;

    private EmbeddedKafka(KafkaClusterTestKit cluster, int saslPort) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
        this.admin = new BrokerAdmin(bootstrapServers);
        this.saslPort = saslPort;
    }

    /** One broker for the whole test JVM: tests keep apart by using topics and groups of their own. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            shared = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static EmbeddedKafka start(Map<String, String> extraBrokerConfig) {
        return start(extraBrokerConfig, 0);
    }

    /**
     * A broker with one more listener, {@code SASL}, for SCRAM-SHA-256 clients only. The test kit's own listeners
     * (its bootstrap, the controller's) stay plaintext, so the test's tools work unchanged while the bridge is
     * pointed at {@link #saslBootstrapServers()} alone.
     */
    public static EmbeddedKafka withScram() {
        return onFreePort(saslPort -> start(Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SASL://localhost:" + saslPort,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT",
                "listener.name.sasl.sasl.enabled.mechanisms", SCRAM_MECHANISM,
                "listener.name.sasl.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"), saslPort));
    }

    /**
     * A broker whose client listener has a fixed port, so that {@link #stop()} and {@link #start()} give the same
     * broker at the same address, on the data it had: clients reconnect to it by themselves.
     */
    public static EmbeddedKafka restartable() {
        return onFreePort(clientPort -> start(Map.of(
                "listeners", "EXTERNAL://localhost:" + clientPort + ",CONTROLLER://localhost:0"), 0));
    }

    /**
     * The test kit binds the listeners it knows to port 0 and reports only its client listener; one that needs a
     * known port gets one picked free just before the broker binds it.
     */
    private static EmbeddedKafka onFreePort(IntFunction<EmbeddedKafka> startOnPort) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnPort.apply(FreePort.loopback());
            } catch (IllegalStateException portTaken) {
                if (attempt == PORT_ATTEMPTS) {
                    throw portTaken;
                }
            }
        }
    }

    /** A broker that does not come up is closed (its threads, its temporary directory) before the next attempt. */
    private static EmbeddedKafka start(Map<String, String> extraBrokerConfig, int saslPort) {
        KafkaClusterTestKit cluster = null;
        try {
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build());
            Map<String, String> config = new HashMap<>(BROKER_SETTINGS);
            config.putAll(extraBrokerConfig);
            config.forEach(builder::setConfigProp);
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster, saslPort);
        } catch (Exception e) {
            IllegalStateException failure = new IllegalStateException("cannot start the embedded Kafka broker", e);
            if (cluster != null) {
                try {
                    cluster.close();
                } catch (Exception closing) {
                    failure.addSuppressed(closing);
                }
            }
            throw failure;
        }
    }

    /** A controlled shutdown of the broker, as an operator stopping it would do; its data and address are kept. */
    public void stop() {
        broker().shutdown();
    }

    /** Starts the stopped broker again on its data, and waits until it answers at its old address. */
    public void start() {
        broker().startup();
        Awaitility.await("Kafka broker at " + bootstrapServers + " answers again").atMost(START_TIMEOUT)
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> !admin().describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty());
    }

    public void restart() {
        stop();
        start();
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SCRAM listener of a broker made {@link #withScram()}. */
    public String saslBootstrapServers() {
        if (saslPort == 0) {
            throw new IllegalStateException("a broker without a SCRAM listener");
        }
        return "localhost:" + saslPort;
    }

    /** Adds a SCRAM user and waits until it can sign in on the SASL listener. */
    public void addScramUser(String user, String password) throws Exception {
        admin().alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password))).all().get();
        try (Admin client = Admin.create(Map.of("bootstrap.servers", saslBootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", SCRAM_MECHANISM,
                "sasl.jaas.config", scramJaasConfig(user, password)))) {
            Awaitility.await("SCRAM user " + user + " can sign in").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null);
        }
    }

    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    public Admin admin() {
        return admin.admin();
    }

    /** The broker's {@link BrokerAdmin}: what the delegating methods here do not cover. */
    public BrokerAdmin brokerAdmin() {
        return admin;
    }

    /** Creates a bridge's topics under fresh names, and returns the names. */
    public Topics createTopics(int partitions) {
        Topics topics = Topics.unique();
        createTopic(topics.changes(), partitions);
        createTopic(topics.occurrences(), partitions);
        createTopic(topics.deadLetter(), 1);
        return topics;
    }

    public void createTopic(String name, int partitions) {
        admin.createTopic(name, partitions);
    }

    public KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    public void send(String topic, List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Reads a topic from the beginning until {@code count} records are there, or the timeout passes. */
    public List<ConsumerRecord<byte[], byte[]>> read(String topic, int count, Duration timeout) {
        return admin.read(topic, count, timeout);
    }

    /** The sum over partitions of the end offsets of a topic. */
    public long endOffsetSum(String topic) {
        return admin.endOffsetSum(topic);
    }

    public Map<TopicPartition, Long> endOffsets(String topic) {
        return admin.endOffsets(topic);
    }

    /** The sum over partitions of a group's committed offsets on a topic (0 where none). */
    public long committedOffsetSum(String group, String topic) {
        return admin.committedOffsetSum(group, topic);
    }

    public void deleteTopics(Collection<String> names) {
        admin.deleteTopics(names);
    }

    @Override
    public void close() {
        admin.close();
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
        }
    }

    /** A bridge's topics; the series ledger's is created by the bridge itself, compacted. */
    public record Topics(String changes, String occurrences, String deadLetter, String series) {

        public Topics(String changes, String occurrences, String deadLetter) {
            this(changes, occurrences, deadLetter, "series-of-" + changes);
        }

        /** Names no other test or run uses. */
        public static Topics unique() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            return new Topics("changes-" + suffix, "occurrences-" + suffix, "dlq-" + suffix);
        }

        /** The consumer group of the bridge that reads these topics. */
        public String group() {
            return "bridge-" + changes;
        }
    }
}
