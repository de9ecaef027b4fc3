package io.meetingbridge.reliability;

import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.TestClasspath;
import io.meetingbridge.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.awaitility.Awaitility;

/**
 * A real one-node Kafka broker (KRaft, broker and controller combined) in a JVM of its own, on fixed
 * loopback ports and a data directory that outlive it: stopped and started again, it is the same
 * broker at the same address, so clients reconnect to it by themselves.
 */
final class KafkaBrokerJvm implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final RunDirectory run;
    private final Path config;
    private final int clientPort;
    private ChildJvm process;

    private KafkaBrokerJvm(RunDirectory run, Path config, int clientPort) {
        this.run = run;
        this.config = config;
        this.clientPort = clientPort;
    }

    /** Formats a fresh data directory under the run's directory and starts the broker on it. */
    static KafkaBrokerJvm start(RunDirectory run) {
        int clientPort = FreePort.loopback();
        Path config = writeConfig(run.root(), clientPort, FreePort.loopback());
        ChildJvm.start("kafka-storage-format", javaArguments("kafka.tools.StorageTool", "format",
                        "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                Map.of(), run.nextLog("kafka-storage-format")).awaitSuccess(START_TIMEOUT);
        KafkaBrokerJvm broker = new KafkaBrokerJvm(run, config, clientPort);
        broker.start();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + clientPort;
    }

    /** Starts the broker on its existing data and waits until it answers. */
    void start() {
        process = ChildJvm.start("kafka-broker", javaArguments("kafka.Kafka", config.toString()), Map.of(),
                run.nextLog("kafka-broker"));
        Awaitility.await("Kafka broker at " + bootstrapServers() + " answers (log: " + process.log() + ")")
                .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(this::answers);
    }

    /** A controlled shutdown (SIGTERM), as an operator restarting it would do. */
    void stop() {
        process.stop(STOP_GRACE);
    }

    void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        if (process != null) {
            process.kill();
        }
    }

    private boolean answers() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            return !admin.describeCluster().nodes().get().isEmpty();
        }
    }

    private static List<String> javaArguments(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of("-Xmx512m"));
        command.addAll(ChildJvm.QUICK_START);
        command.addAll(List.of("-cp", TestClasspath.current(), mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * The test brokers' own settings ({@link EmbeddedKafka#BROKER_SETTINGS}) and what Kafka's test kit would pick
     * by itself, here fixed: the listeners' ports and the data directory, so that a restart finds both again. (The
     * test kit itself cannot restart on its data: it formats a fresh temporary directory each time and deletes it.)
     */
    private static Path writeConfig(Path dir, int clientPort, int controllerPort) {
        Map<String, String> settings = new TreeMap<>(EmbeddedKafka.BROKER_SETTINGS);
        settings.putAll(Map.of(
                "process.roles", "broker,controller",
                "node.id", "1",
                "controller.quorum.voters", "1@127.0.0.1:" + controllerPort,
                "controller.listener.names", "CONTROLLER",
                "listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort,
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name", "PLAINTEXT",
                "log.dirs", dir.resolve("broker-data").toString()));
        Path config = dir.resolve("server.properties");
        try {
            return Files.write(config, settings.entrySet().stream()
                    .map(setting -> setting.getKey() + "=" + setting.getValue()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config, e);
        }
    }
}
