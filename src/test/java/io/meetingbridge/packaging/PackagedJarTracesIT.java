package io.meetingbridge.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.ChildJvm;
import io.meetingbridge.testing.FastTimings;
import io.meetingbridge.testing.FreePort;
import io.meetingbridge.testing.OtlpCollector;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar with traces on, configured as docker-compose does it (the switch as -D, the endpoint as
 * OTEL_EXPORTER_OTLP_ENDPOINT): the decorators and the exporter survive the shading, and spans arrive.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PackagedJarTracesIT {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);
    /** Closed after {@link #stop()}: the bridge is gone before its collector. */
    @AutoClose
    private final OtlpCollector collector = OtlpCollector.start();
    @TempDir
    Path workingDirectory;
    private ChildJvm bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.kill();
        }
    }

    @Test
    void aChangesTraceLeavesThePackagedBridgeOverOtlp() {
        Map<String, String> settings = FastTimings.settings();
        settings.putAll(Map.of(
                "kafka.bootstrap-servers", world.kafka.bootstrapServers(),
                "kafka.group-id", world.bridgeGroup(),
                "bridge.topics.changes", world.topics.changes(),
                "bridge.topics.occurrences", world.topics.occurrences(),
                "bridge.topics.dead-letter", world.topics.deadLetter(),
                "bridge.topics.series", world.topics.series(),
                "meeting.api.base-url", world.api.baseUri().toString(),
                "meeting.auth.app-id", TestCredentials.APP_ID,
                "camel.management.port", Integer.toString(FreePort.loopback()),
                "camel.opentelemetry2.enabled", "true"));
        List<String> arguments = new ArrayList<>(ChildJvm.QUICK_START);
        arguments.addAll(ChildJvm.systemProperties(settings));
        arguments.addAll(List.of("-jar", Path.of(System.getProperty("bridge.jar")).toAbsolutePath().toString()));
        Map<String, String> environment = new HashMap<>(ChildJvm.appKeyEnvironment());
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint());
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "50");
        bridge = ChildJvm.start("traced-bridge", arguments, environment, workingDirectory.resolve("bridge.log"),
                workingDirectory);

        world.publish("71", SampleChanges.weekly("packaged-1", "71"));
        world.awaitAllCommitted();

        List<Span> trace = collector.traceOfChange("packaged-1", Duration.ofSeconds(60));
        assertThat(trace).extracting(Span::getName).contains("meeting change",
                "PUT /v1/mmc/management/cycleconferences", world.topics.occurrences());
        assertThat(world.occurrences()).allSatisfy(o -> assertThat(o.headers().headers("traceparent")).hasSize(1));
    }
}
