package io.meetingbridge;

import io.meetingbridge.ops.StepStatistics;
import io.meetingbridge.trace.TraceSetup;
import org.apache.camel.main.Main;

/**
 * Starts the bridge: Camel Main with the routes of {@code routes/} and the settings of
 * {@code application.properties} (both packaged in the jar), overridable by environment variables,
 * {@code -D} system properties or a file given with {@code -pl file:/path/to/bridge.properties}.
 */
public final class BridgeMain {

    private BridgeMain() {
    }

    public static void main(String[] args) throws Exception {
        newMain().run(args);
    }

    /**
     * Camel Main with the bridge's configuration, its traces set up before Camel's tracer looks for them, and its
     * step statistics on or off before Camel registers its MBeans.
     */
    public static Main newMain() {
        Main main = new Main();
        main.configure().addConfiguration(BridgeConfiguration.class);
        main.addMainListener(new TraceSetup());
        main.addMainListener(new StepStatistics());
        return main;
    }
}
