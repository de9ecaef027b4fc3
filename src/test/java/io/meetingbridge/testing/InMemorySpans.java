package io.meetingbridge.testing;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * The SDK's in-memory span exporter, chosen the way an operator chooses an exporter: a bridge started with
 * {@code otel.traces.exporter=in-memory} exports into {@link #EXPORTER} (one per test JVM; tests reset it).
 */
public final class InMemorySpans implements ConfigurableSpanExporterProvider {

    public static final String NAME = "in-memory";
    public static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return new Shared();
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** The shared exporter, left open when one bridge's SDK closes, so the next bridge exports into it too. */
    private static final class Shared implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return EXPORTER.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
            return EXPORTER.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
