package io.meetingbridge.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.camel.CamelContext;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts selected dead-letter records back onto the input topic, as they were first published: same
 * key, value and headers, less the dlq-* headers, plus a replay counter. A record replayed
 * {@code maxReplays} times already is left where it is. Each run reads the dead-letter topic from its
 * start to the end it had when the run began.
 */
public final class DeadLetterReplay {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Properties consumerConfig;
    private final Properties producerConfig;
    private final String deadLetterTopic;
    private final String changesTopic;
    private final int maxReplays;

    public DeadLetterReplay(Properties consumerConfig, Properties producerConfig, String deadLetterTopic,
                            String changesTopic, int maxReplays) {
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.deadLetterTopic = deadLetterTopic;
        this.changesTopic = changesTopic;
        this.maxReplays = maxReplays;
    }

    /** Reads the bridge's own Kafka settings (security included) and topics from its Camel context. */
    public static DeadLetterReplay of(CamelContext camelContext) {
        KafkaConfiguration kafka = camelContext.getComponent("kafka", KafkaComponent.class).getConfiguration();
        Properties consumer = kafka.createConsumerProperties();
        Properties producer = kafka.createProducerProperties();
        // camel-kafka adds the brokers when it creates its own clients, not to these properties
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokers());
        producer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokers());
        return new DeadLetterReplay(consumer, producer,
                camelContext.resolvePropertyPlaceholders("{{bridge.topics.dead-letter}}"),
                camelContext.resolvePropertyPlaceholders("{{bridge.topics.changes}}"),
                Integer.parseInt(camelContext.resolvePropertyPlaceholders("{{bridge.replay.max-replays}}")));
    }

    public ReplayReport replay(ReplaySelection selection, boolean dryRun) throws InterruptedException, ExecutionException {
        long scanned = 0;
        long matched = 0;
        long tooOften = 0;
        List<Future<RecordMetadata>> replays = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties());
             KafkaProducer<byte[], byte[]> producer = dryRun ? null : new KafkaProducer<>(producerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // dead-lettered after this run began
                    }
                    scanned++;
                    if (!selection.matches(record)) {
                        continue;
                    }
                    matched++;
                    int replayed = replayCount(record);
                    if (replayed >= maxReplays) {
                        tooOften++;
                    } else if (dryRun) {
                        replays.add(null);
                    } else {
                        replays.add(producer.send(asInput(record, replayed + 1)));
                    }
                }
            }
            if (producer != null) {
                for (Future<RecordMetadata> ack : replays) {
                    ack.get();
                }
            }
        }
        return new ReplayReport(dryRun, scanned, matched, replays.size(), tooOften);
    }

    private ProducerRecord<byte[], byte[]> asInput(ConsumerRecord<byte[], byte[]> dead, int replayCount) {
        ProducerRecord<byte[], byte[]> input = new ProducerRecord<>(changesTopic, dead.key(), dead.value());
        for (Header header : dead.headers()) {
            boolean inputOwn = !DeadLetterHeaders.isBridgeOwned(header.key())
                    && !DeadLetterHeaders.REPLAY_COUNT.equalsIgnoreCase(header.key());
            if (inputOwn || DeadLetterHeaders.isCarriedByReplay(header.key())) {
                input.headers().add(header);
            }
        }
        input.headers().add(new RecordHeader(DeadLetterHeaders.REPLAY_COUNT,
                Integer.toString(replayCount).getBytes(StandardCharsets.UTF_8)));
        return input;
    }

    private static int replayCount(ConsumerRecord<byte[], byte[]> record) {
        String count = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.REPLAY_COUNT);
        try {
            return count == null ? 0 : Integer.parseInt(count.trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private Properties consumerProperties() {
        Properties props = new Properties();
        props.putAll(consumerConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(producerConfig);
        props.put("key.serializer", ByteArraySerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        return props;
    }
}
