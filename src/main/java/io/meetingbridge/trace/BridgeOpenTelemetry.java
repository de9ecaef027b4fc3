package io.meetingbridge.trace;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The OpenTelemetry SDK of the bridge: off (a no-op, nothing set up) unless {@code camel.opentelemetry2.enabled=true};
 * on, it is set up by the SDK's own autoconfiguration from the standard {@code OTEL_*} environment variables and
 * {@code otel.*} system properties, which take precedence over {@code otel.*} keys of the bridge's own settings.
 */
public final class BridgeOpenTelemetry {

    public static final String SWITCH = "camel.opentelemetry2.enabled";

    /**
     * OTLP over HTTP/protobuf (the SDK's own default is gRPC), traces only: metrics and logs have their own ways out
     * (/observe/metrics, log4j2).
     */
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "meeting-series-bridge",
            "otel.exporter.otlp.protocol", "http/protobuf",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    private BridgeOpenTelemetry() {
    }

    /** The SDK when traces are on, closed (its last spans flushed) when the context stops; else a no-op. */
    public static OpenTelemetry open(CamelContext camelContext, boolean enabled) throws Exception {
        if (!enabled) {
            return OpenTelemetry.noop();
        }
        Map<String, String> settings = new HashMap<>(DEFAULTS);
        Properties own = camelContext.getPropertiesComponent().loadProperties(key -> key.startsWith("otel."));
        own.stringPropertyNames().forEach(key -> settings.put(key, own.getProperty(key)));
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> settings)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        camelContext.addService(new Closing(sdk), true, true);
        // camel-opentelemetry2 takes its tracer and propagators from the registry: Camel's spans and the bridge's
        // share one SDK (without them it would fall back to the global OpenTelemetry, a no-op)
        camelContext.getRegistry().bind("camelTracer", Tracer.class, sdk.getTracer("camel"));
        camelContext.getRegistry().bind("camelTracePropagators", ContextPropagators.class, sdk.getPropagators());
        return sdk;
    }

    /** Closes the SDK with the context: the spans still queued are exported first. */
    private static final class Closing extends ServiceSupport {
        private final OpenTelemetrySdk sdk;

        Closing(OpenTelemetrySdk sdk) {
            this.sdk = sdk;
        }

        @Override
        protected void doStop() {
            sdk.close();
        }
    }
}
