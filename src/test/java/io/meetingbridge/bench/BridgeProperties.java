package io.meetingbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The bridge's settings as the bridge itself would see them: the packaged application.properties,
 * then overrides. The baseline reads its settings through this, so both pipelines run on the same
 * values, and the benchmark uses it to report the settings a run had.
 */
public final class BridgeProperties {

    private final Properties values = new Properties();

    private BridgeProperties(Map<?, ?> overrides) {
        try (InputStream defaults = BridgeProperties.class.getResourceAsStream("/application.properties")) {
            if (defaults == null) {
                throw new IllegalStateException("application.properties is not on the classpath");
            }
            values.load(defaults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        values.putAll(overrides);
    }

    public static BridgeProperties withOverrides(Map<?, ?> overrides) {
        return new BridgeProperties(overrides);
    }

    /**
     * What a pipeline started by {@link PipelineJvm} sees: environment variables in Camel's mapping
     * ({@code meeting.auth.app-key} is {@code MEETING_AUTH_APP_KEY}: the App key comes this way), then
     * {@code -Dkey=value}.
     */
    static BridgeProperties ofThisProcess() {
        BridgeProperties settings = new BridgeProperties(Map.of());
        for (String key : settings.values.stringPropertyNames()) {
            String variable = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            if (variable != null) {
                settings.values.setProperty(key, variable);
            }
        }
        settings.values.putAll(System.getProperties());
        return settings;
    }

    String text(String key) {
        String value = values.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("setting " + key + " is missing");
        }
        return value.strip();
    }

    public int integer(String key) {
        return Integer.parseInt(text(key));
    }

    public Duration millis(String key) {
        return Duration.ofMillis(Long.parseLong(text(key)));
    }
}
