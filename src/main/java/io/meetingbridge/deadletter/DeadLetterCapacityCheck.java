package io.meetingbridge.deadletter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, compares what the input topic accepts with what the bridge can write to the dead-letter
 * topic (the smaller of the producer's and the topic's size limit). Records the input accepts but the
 * dead-letter topic could not take back are dead-lettered as references (value omitted): one warning says
 * which settings to raise. When not even a reference fits, the bridge refuses to start.
 */
public final class DeadLetterCapacityCheck {

    /** A reference record: the dlq-* headers and a key, with room to spare. */
    public static final int SMALLEST_REFERENCE = 4 * 1024;
    /** What a dead letter adds to the input record: the dlq-* headers and the record framing. */
    public static final int DEAD_LETTER_OVERHEAD = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterCapacityCheck.class);

    private final Properties kafkaSettings;
    private final Duration timeout;

    /** @param kafkaSettings the bridge's client settings (brokers and security); other keys are ignored */
    public DeadLetterCapacityCheck(Properties kafkaSettings, Duration timeout) {
        this.kafkaSettings = kafkaSettings;
        this.timeout = timeout;
    }

    public void check(String inputTopic, String deadLetterTopic, long producerMaxRequestSize) throws InterruptedException {
        Map<String, Long> limits;
        try {
            limits = maxMessageBytes(List.of(inputTopic, deadLetterTopic));
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not read the topics' max.message.bytes ({}); the dead-letter size check is skipped", e.toString());
            return;
        }
        long deadLetterLimit = Math.min(producerMaxRequestSize, limits.getOrDefault(deadLetterTopic, Long.MAX_VALUE));
        if (deadLetterLimit < SMALLEST_REFERENCE) {
            throw new IllegalStateException("the dead-letter topic " + deadLetterTopic + " can take records of at most "
                    + deadLetterLimit + " bytes, too small even for a reference record (" + SMALLEST_REFERENCE
                    + " bytes): raise its max.message.bytes and bridge.producer.max-request-size");
        }
        Long inputLimit = limits.get(inputTopic);
        if (inputLimit != null && inputLimit + DEAD_LETTER_OVERHEAD > deadLetterLimit) {
            LOG.warn("{} accepts records of up to {} bytes, but the bridge can write at most {} bytes to {}: larger "
                            + "records would be dead-lettered as references, value omitted. To keep them whole, raise "
                            + "bridge.producer.max-request-size and max.message.bytes of {} to at least {}",
                    inputTopic, inputLimit, deadLetterLimit, deadLetterTopic, deadLetterTopic,
                    inputLimit + DEAD_LETTER_OVERHEAD);
        }
    }

    /** The topics' max.message.bytes; a topic that does not exist yet is left out. */
    private Map<String, Long> maxMessageBytes(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        Properties settings = new Properties();
        kafkaSettings.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key.toString())) {
                settings.put(key, value);
            }
        });
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        Map<String, Long> limits = new HashMap<>();
        Admin admin = Admin.create(settings);
        try {
            for (String topic : topics) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                try {
                    Config config = admin.describeConfigs(List.of(resource)).all()
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
                    ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                    if (entry != null && entry.value() != null) {
                        limits.put(topic, Long.parseLong(entry.value()));
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
        } finally {
            admin.close(timeout);
        }
        return limits;
    }
}
