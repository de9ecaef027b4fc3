package io.meetingbridge.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/** Where the bridge's meters go: the registry /observe/metrics serves. */
public final class MeterRegistries {

    private MeterRegistries() {
    }

    /** The Prometheus registry once camel-micrometer-prometheus has bound it; a private one when metrics are off. */
    public static MeterRegistry of(CamelContext camelContext) {
        MeterRegistry meters = MicrometerUtils.getMeterRegistryFromCamelRegistry(camelContext.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
        return meters != null ? meters : new SimpleMeterRegistry();
    }
}
