package io.meetingbridge.trace;

import io.opentelemetry.api.OpenTelemetry;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Sets traces up before Camel Main configures camel-opentelemetry2, which looks for its tracer in the registry
 * once, and before the bridge's own configuration is read: the SDK (or a no-op while traces are off) and the
 * {@code changeTraces} bean the routes call.
 */
public final class TraceSetup extends MainListenerSupport {

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        CamelContext camelContext = main.getCamelContext();
        boolean on = Boolean.parseBoolean(
                camelContext.resolvePropertyPlaceholders("{{" + BridgeOpenTelemetry.SWITCH + ":false}}").trim());
        try {
            OpenTelemetry openTelemetry = BridgeOpenTelemetry.open(camelContext, on);
            camelContext.getRegistry().bind("changeTraces", new ChangeTraces(openTelemetry, on));
        } catch (Exception e) {
            throw new IllegalStateException("traces could not be set up: " + e.getMessage(), e);
        }
    }
}
