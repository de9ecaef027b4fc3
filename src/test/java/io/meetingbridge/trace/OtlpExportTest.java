package io.meetingbridge.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.OtlpCollector;
import io.meetingbridge.testing.SampleChanges;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real OTLP over HTTP/protobuf, as a collector receives it, decoded with OpenTelemetry's own protocol classes. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OtlpExportTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);
    @AutoClose
    private final OtlpCollector collector = OtlpCollector.start();

    @Test
    void aChangesTraceReachesTheCollectorAtOtelExporterOtlpEndpoint() {
        world.startBridge(b -> b.set("camel.opentelemetry2.enabled", "true")
                .set("otel.exporter.otlp.endpoint", collector.endpoint())
                .set("otel.bsp.schedule.delay", "20"));
        world.publish("71", SampleChanges.weekly("otlp-1", "71"));
        world.awaitAllCommitted();

        List<Span> trace = collector.traceOfChange("otlp-1", Duration.ofSeconds(30));
        Span change = trace.stream().filter(s -> s.getName().equals(ChangeTraces.CHANGE_SPAN_NAME)).findFirst()
                .orElseThrow();
        assertThat(collector.contentTypes()).containsExactly("application/x-protobuf");
        assertThat(change.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(OtlpCollector.text(change.getAttributesList())).containsEntry(SpanAttributes.OUTCOME, "applied");
        assertThat(collector.resourceOf(change)).containsEntry("service.name", "meeting-series-bridge");
        assertThat(trace).extracting(Span::getName).contains("PUT /v1/mmc/management/cycleconferences",
                world.topics.occurrences());
    }
}
