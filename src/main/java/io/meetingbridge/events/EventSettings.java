package io.meetingbridge.events;

import java.time.Duration;
import java.util.function.Function;

/** The receiver's settings ({@code bridge.events.*}); application.properties gives each its default and meaning. */
record EventSettings(String host, int port, String path, String topic, int newTopicPartitions,
                     String subscriberId, String subscriberKeyFile, Duration maxAge, Duration maxSkew,
                     int maxBodyBytes, Duration readTimeout, int maxConcurrent, Duration writeTimeout,
                     String keyStore, String keyStorePassword) {

    /** From a lookup of a setting's value by its name. */
    static EventSettings from(Function<String, String> setting) {
        Function<String, String> events = name -> setting.apply("bridge.events." + name).trim();
        Function<String, Duration> millis = name -> Duration.ofMillis(Long.parseLong(events.apply(name)));
        return new EventSettings(events.apply("host"), Integer.parseInt(events.apply("port")), events.apply("path"),
                setting.apply("bridge.topics.events").trim(), Integer.parseInt(events.apply("partitions")),
                events.apply("subscriber-id"), events.apply("subscriber-key-file"),
                millis.apply("max-age-ms"), millis.apply("max-skew-ms"),
                Integer.parseInt(events.apply("max-body-bytes")), millis.apply("read-timeout-ms"),
                Integer.parseInt(events.apply("max-concurrent")), millis.apply("write-timeout-ms"),
                events.apply("key-store"), events.apply("key-store-password"));
    }
}
