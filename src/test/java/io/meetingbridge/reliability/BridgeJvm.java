package io.meetingbridge.reliability;

import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.FastTimings;
import io.meetingbridge.testing.FreePort;
import io.meetingbridge.testing.TestCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One bridge instance as operators run it: {@code java -Dkey=value... -jar meeting-series-bridge.jar},
 * in a JVM of its own that can be killed, stopped and started again with the same settings.
 */
final class BridgeJvm implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final RunDirectory run;
    private final Map<String, String> settings;
    private ChildJvm process;
    private volatile boolean meantToRun;

    private BridgeJvm(String name, RunDirectory run, Map<String, String> settings) {
        this.name = name;
        this.run = run;
        this.settings = settings;
    }

    /** The packaged jar under test: failsafe and the soak's exec execution pass its path as {@code bridge.jar}. */
    static Path jar() {
        String path = System.getProperty("bridge.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property bridge.jar must name the packaged jar, not " + path);
        }
        return Path.of(path);
    }

    /** A bridge between these topics and the simulator, tuned for tests: short waits and backoffs. */
    static BridgeJvm between(String name, RunDirectory run, String bootstrapServers, EmbeddedKafka.Topics topics,
                             String apiBaseUrl) {
        Map<String, String> settings = FastTimings.settings();
        settings.put("kafka.bootstrap-servers", bootstrapServers);
        settings.put("kafka.group-id", topics.group());
        settings.put("bridge.topics.changes", topics.changes());
        settings.put("bridge.topics.occurrences", topics.occurrences());
        settings.put("bridge.topics.dead-letter", topics.deadLetter());
        settings.put("bridge.topics.series", topics.series());
        settings.put("meeting.api.base-url", apiBaseUrl);
        settings.put("meeting.auth.app-id", TestCredentials.APP_ID);
        settings.put("bridge.kafka.reconnect-backoff-max-ms", "1000");
        // a killed instance leaves the group after 6 s rather than Kafka's 45, so its successor is not kept waiting
        settings.put("camel.component.kafka.session-timeout-ms", "6000");
        settings.put("camel.component.kafka.heartbeat-interval-ms", "1000");
        return new BridgeJvm(name, run, settings);
    }

    BridgeJvm with(String key, String value) {
        settings.put(key, value);
        return this;
    }

    BridgeJvm start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> arguments = new ArrayList<>(List.of("-Xmx384m"));
        arguments.addAll(ChildJvm.QUICK_START);
        arguments.addAll(ChildJvm.systemProperties(settings));
        // each start gets its own port for health and metrics, so instances can share a machine
        arguments.add("-Dcamel.management.port=" + FreePort.loopback());
        arguments.addAll(List.of("-jar", jar().toString()));
        process = ChildJvm.start(name, arguments, ChildJvm.appKeyEnvironment(), run.nextLog(name));
        meantToRun = true;
        return this;
    }

    /** kill -9, mid-whatever it is doing. */
    void kill() {
        meantToRun = false;
        process.kill();
    }

    /** SIGTERM: the bridge shuts down gracefully. */
    void stop() {
        meantToRun = false;
        process.stop(STOP_GRACE);
    }

    /** Started and neither killed nor stopped, yet no longer running: it crashed or exited by itself. */
    boolean diedUnexpectedly() {
        return meantToRun && !process.isAlive();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    /** The operating system's id of the running process: unchanged means never restarted. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (isRunning()) {
            kill();
        }
    }
}
