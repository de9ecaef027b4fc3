package io.meetingbridge.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real OTLP over HTTP/protobuf, as a collector receives it, decoded with OpenTelemetry's own protocol classes. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OtlpExportTest {

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    private final List<ResourceSpans> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> contentTypes = new ConcurrentHashMap<>();
    private HttpServer collector;

    @AfterEach
    void stopCollector() {
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void aChangesTraceReachesTheCollectorAtOtelExporterOtlpEndpoint() throws IOException {
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            contentTypes.put(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"));
            received.addAll(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes())
                    .getResourceSpansList());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        world.startBridge(b -> b.set("camel.opentelemetry2.enabled", "true")
                .set("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + collector.getAddress().getPort())
                .set("otel.bsp.schedule.delay", "20"));

        world.publish("71", SampleChanges.weekly("otlp-1", "71"));
        world.awaitAllCommitted();

        Span change = Awaitility.await("the change's span at the collector").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20)).until(() -> changeSpan("otlp-1"), s -> s != null);
        assertThat(contentTypes).containsEntry("/v1/traces", "application/x-protobuf");
        assertThat(change.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
        assertThat(text(change.getAttributesList()).get(SpanAttributes.OUTCOME)).isEqualTo("applied");
        ResourceSpans resource = received.stream().filter(r -> r.getScopeSpansList().stream()
                .anyMatch(s -> s.getSpansList().contains(change))).findFirst().orElseThrow();
        assertThat(text(resource.getResource().getAttributesList())).containsEntry("service.name", "meeting-series-bridge");
        List<String> namesInTrace = received.stream().flatMap(r -> r.getScopeSpansList().stream())
                .flatMap(s -> s.getSpansList().stream()).filter(s -> s.getTraceId().equals(change.getTraceId()))
                .map(Span::getName).toList();
        assertThat(namesInTrace).contains(ChangeTraces.CHANGE_SPAN_NAME, "PUT /v1/mmc/management/cycleconferences",
                world.topics.occurrences());
    }

    private Span changeSpan(String changeId) {
        return received.stream().flatMap(r -> r.getScopeSpansList().stream()).flatMap(s -> s.getSpansList().stream())
                .filter(s -> changeId.equals(text(s.getAttributesList()).get(SpanAttributes.CHANGE_ID)))
                .findFirst().orElse(null);
    }

    private static Map<String, String> text(List<KeyValue> attributes) {
        return attributes.stream().filter(a -> a.getValue().hasStringValue())
                .collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> b));
    }
}
