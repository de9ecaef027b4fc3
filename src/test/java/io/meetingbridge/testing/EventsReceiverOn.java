package io.meetingbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The meeting events receiver turned on for a test bridge: loopback, a free port, a subscriber key in a temp file. */
public final class EventsReceiverOn {

    private EventsReceiverOn() {
    }

    public static RunningBridge.Builder with(RunningBridge.Builder bridge, String eventsTopic, String subscriberId,
                                             String subscriberKey) {
        try {
            Path key = Files.createTempFile("subscriber", ".key");
            Files.writeString(key, subscriberKey + "\n");
            key.toFile().deleteOnExit();
            return bridge.set("bridge.topics.events", eventsTopic).set("bridge.events.enabled", "true")
                    .set("bridge.events.host", "127.0.0.1").set("bridge.events.port", "0")
                    .set("bridge.events.subscriber-id", subscriberId)
                    .set("bridge.events.subscriber-key-file", key.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
