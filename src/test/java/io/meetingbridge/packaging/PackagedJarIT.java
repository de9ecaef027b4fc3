package io.meetingbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.bench.BridgeProperties;
import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.FreePort;
import io.meetingbridge.testing.JolokiaClient;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as an operator runs it: from another directory, with no broker reachable yet. */
class PackagedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final BridgeProperties DEFAULTS = BridgeProperties.withOverrides(Map.of());
    /** A JVM and Camel starting on a loaded 2-core machine, until the health endpoint answers. */
    private static final Duration START = Duration.ofSeconds(60);
    /** bridge.kafka.reconnect-backoff-max-ms: watched this long, the bridge has tried the broker again at least once. */
    private static final Duration RECONNECT_BACKOFF_MAX = DEFAULTS.millis("bridge.kafka.reconnect-backoff-max-ms");
    /** camel.main.shutdown-timeout, in seconds. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(DEFAULTS.integer("camel.main.shutdown-timeout"));
    /** What a stop takes beyond Camel's shutdown: the JVM's own exit and its hooks, on a loaded machine. */
    private static final Duration JVM_EXIT_MARGIN = Duration.ofSeconds(15);

    @TempDir
    Path workingDirectory;
    private ChildJvm bridge;
    private Path log;
    private int managementPort;

    @BeforeEach
    void start() {
        managementPort = FreePort.loopback();
        log = workingDirectory.resolve("bridge.log");
        // JSON lines as Kubernetes asks for them (deploy/kubernetes/base/settings.yaml): through the environment
        bridge = ChildJvm.start("packaged-bridge", List.of(
                "-Dkafka.bootstrap-servers=127.0.0.1:" + FreePort.loopback(),
                "-Dcamel.management.port=" + managementPort,
                "-jar", Path.of(System.getProperty("bridge.jar")).toAbsolutePath().toString()),
                Map.of("LOG_FORMAT", "json"), log, workingDirectory);
    }

    @AfterEach
    void stop() {
        bridge.kill();
    }

    @Test
    void withoutABrokerItStaysUpNotReadyWritesJsonLinesAndStopsOnSigtermWithinTheShutdownTimeout()
            throws Exception {
        Awaitility.await("live").atMost(START).ignoreExceptionsInstanceOf(ConnectException.class)
                .until(() -> status("/observe/health/live") == 200);
        // Jolokia answers under the policy packed in the jar
        JolokiaClient jolokia = JolokiaClient.at("http://127.0.0.1:" + managementPort);
        assertThat(jolokia.send(Map.of("type", "version")).get("status").asInt()).isEqualTo(200);
        assertThat(jolokia.send(Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose",
                "value", true)).get("status").asInt()).isEqualTo(403);

        // it keeps waiting for the broker: alive and not ready throughout, a bounded number of lines
        Awaitility.await("alive and not ready while no broker answers").during(RECONNECT_BACKOFF_MAX)
                .atMost(RECONNECT_BACKOFF_MAX.plus(Duration.ofSeconds(10)))
                .until(() -> bridge.isAlive() && status("/observe/health/live") == 200
                        && status("/observe/health/ready") == 503);

        assertThat(bridge.terminate(SHUTDOWN_TIMEOUT.plus(JVM_EXIT_MARGIN)))
                .as("stops within camel.main.shutdown-timeout (%s) and %s for the JVM's exit", SHUTDOWN_TIMEOUT,
                        JVM_EXIT_MARGIN).isTrue();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(JSON.readTree(line).has("message")).isTrue());
        assertThat(lines).hasSizeLessThan(200);
        assertThat(String.join("\n", lines)).contains("meeting-series-bridge").doesNotContain("\\tat ");
    }

    private int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
