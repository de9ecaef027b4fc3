package io.meetingbridge.testing;

import io.meetingbridge.BridgeMain;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The bridge as production runs it (same Main configuration, packaged routes and application.properties),
 * started in this JVM with a few settings overridden.
 */
public final class RunningBridge implements AutoCloseable {

    private final Main main;
    private final int managementPort;

    private RunningBridge(Main main, int managementPort) {
        this.main = main;
        this.managementPort = managementPort;
    }

    public static Builder with(EmbeddedKafka kafka, EmbeddedKafka.Topics topics, String apiBaseUrl) {
        return with(kafka.bootstrapServers(), topics, apiBaseUrl);
    }

    /** A bridge on another broker than the in-JVM one (its topics created there). */
    public static Builder with(String bootstrapServers, EmbeddedKafka.Topics topics, String apiBaseUrl) {
        Builder builder = new Builder();
        FastTimings.settings().forEach(builder::set);
        return builder
                .set("kafka.bootstrap-servers", bootstrapServers)
                .set("kafka.group-id", "bridge-" + topics.changes())
                .set("bridge.topics.changes", topics.changes())
                .set("bridge.topics.occurrences", topics.occurrences())
                .set("bridge.topics.dead-letter", topics.deadLetter())
                .set("bridge.topics.series", topics.series())
                .set("meeting.api.base-url", apiBaseUrl)
                .set("meeting.auth.app-id", TestCredentials.APP_ID)
                .set("meeting.auth.app-key", TestCredentials.APP_KEY)
                .set("bridge.producer.max-request-size", Integer.toString(EmbeddedKafka.MAX_RECORD_BYTES))
                .set("camel.management.port", Integer.toString(FreePort.loopback()));
    }

    /** Where /observe/health and /observe/metrics are served. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    public <T> T bean(String name, Class<T> type) {
        return context().getRegistry().lookupByNameAndType(name, type);
    }

    @Override
    public void close() {
        main.stop();
    }

    /** Settings for one bridge. */
    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();

        public Builder set(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public RunningBridge start() {
            Main main = BridgeMain.newMain();
            properties.forEach(main::addOverrideProperty);
            main.start();
            return new RunningBridge(main, Integer.parseInt(properties.get("camel.management.port")));
        }
    }
}
