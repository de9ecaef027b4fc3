package io.meetingbridge;

import org.apache.camel.main.Main;

/** The bridge's settings and beans for a command-line tool: no routes, no servers, no JMX. */
final class CommandLineBridge {

    private CommandLineBridge() {
    }

    /** Started with application.properties, the environment and -D, Kafka security included. */
    static Main start() {
        Main main = new Main();
        main.configure().addConfiguration(BridgeConfiguration.class);
        main.addOverrideProperty("camel.main.routes-collector-enabled", "false");
        main.addOverrideProperty("camel.management.enabled", "false");
        main.addOverrideProperty("camel.main.jmx-enabled", "false");
        // a command that registers the receiver's URL must not also bind the receiver's port
        main.addOverrideProperty("bridge.events.enabled", "false");
        main.start();
        return main;
    }
}
