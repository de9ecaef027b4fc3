package io.meetingbridge.testing;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A trace collector's OTLP/HTTP receiver on a loopback port of its own: it takes what an exporter posts to
 * {@code /v1/traces} and decodes it with OpenTelemetry's own protocol classes.
 */
public final class OtlpCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<ResourceSpans> received = new CopyOnWriteArrayList<>();
    private final Set<String> contentTypes = new CopyOnWriteArraySet<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    public static OtlpCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpCollector collector = new OtlpCollector(server);
            server.createContext("/v1/traces", exchange -> {
                collector.contentTypes.add(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                collector.received.addAll(ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes())
                        .getResourceSpansList());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the OTLP receiver", e);
        }
    }

    /** What OTEL_EXPORTER_OTLP_ENDPOINT is set to (the exporter appends /v1/traces). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Set<String> contentTypes() {
        return contentTypes;
    }

    /** Waits for the span of the change with this changeId, then returns every span of its trace. */
    public List<Span> traceOfChange(String changeId, Duration wait) {
        Span change = Awaitility.await("the span of change " + changeId + " at the collector").atMost(wait)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> spans().stream()
                        .filter(s -> changeId.equals(text(s.getAttributesList()).get("meeting.change.id")))
                        .findFirst().orElse(null), s -> s != null);
        return spans().stream().filter(s -> s.getTraceId().equals(change.getTraceId())).toList();
    }

    /** The resource attributes of the batch that carried this span. */
    public Map<String, String> resourceOf(Span span) {
        return received.stream().filter(r -> r.getScopeSpansList().stream().anyMatch(s -> s.getSpansList().contains(span)))
                .findFirst().map(r -> text(r.getResource().getAttributesList())).orElseThrow();
    }

    public static Map<String, String> text(List<KeyValue> attributes) {
        return attributes.stream().filter(a -> a.getValue().hasStringValue())
                .collect(Collectors.toMap(KeyValue::getKey, a -> a.getValue().getStringValue(), (a, b) -> b));
    }

    private List<Span> spans() {
        return received.stream().flatMap(r -> r.getScopeSpansList().stream()).flatMap(s -> s.getSpansList().stream())
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
