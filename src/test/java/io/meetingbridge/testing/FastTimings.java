package io.meetingbridge.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings every test bridge runs with, in the JVM or as a child process: short polls, retries,
 * backoffs and producer timeouts, so that failure paths finish in seconds instead of minutes.
 */
public final class FastTimings {

    private FastTimings() {
    }

    public static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bridge.consumer.poll-timeout-ms", "100");
        settings.put("bridge.consumer.batching-interval-ms", "100");
        settings.put("bridge.retry.initial-delay-ms", "20");
        settings.put("bridge.retry.max-delay-ms", "200");
        settings.put("meeting.auth.retry-initial-delay-ms", "50");
        settings.put("meeting.auth.retry-max-delay-ms", "500");
        settings.put("bridge.producer.max-block-ms", "5000");
        settings.put("bridge.producer.request-timeout-ms", "4000");
        settings.put("bridge.producer.delivery-timeout-ms", "10000");
        settings.put("bridge.consumer.failed-batch-backoff-initial-ms", "50");
        settings.put("bridge.consumer.failed-batch-backoff-max-ms", "500");
        settings.put("camel.main.shutdown-timeout", "10");
        // one partition per test bridge's ledger: the shared test broker holds hundreds of topics
        settings.put("bridge.ledger.partitions", "1");
        return settings;
    }
}
