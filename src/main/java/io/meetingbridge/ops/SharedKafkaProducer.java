package io.meetingbridge.ops;

import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The bridge's one Kafka producer: occurrences (camel-kafka, through the client factory), dead letters, series ledger
 * writes and meeting events. One producer holds one buffer, one sender thread and one connection per broker, and the
 * records of all writers share its produce requests. Every writer needs what the strictest needs (acks=all,
 * idempotence, the size limit), so the bridge's producer settings serve all of them.
 *
 * <p>Built on first use, so the bridge starts while the broker is still coming up. Its users get a view whose
 * {@code close()} leaves it open (camel-kafka closes the producer it was given whenever its endpoint stops); it is
 * closed once, when the context stops this service, after its users (services stop in the reverse order of their
 * start, and this one is added before any of its users). camel-kafka's producer health check, off in the bridge
 * ({@code camel.health.producers-enabled}), could not look into the view and would report it ready.
 */
public final class SharedKafkaProducer extends ServiceSupport {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Properties> settings;
    private final Producer<byte[], byte[]> view = new UnclosedProducer<>(this::delegate);
    private volatile KafkaProducer<byte[], byte[]> producer;

    /** @param settings the bridge's producer settings (brokers, security, acks, idempotence, timeouts, size limit) */
    public SharedKafkaProducer(Supplier<Properties> settings) {
        this.settings = settings;
    }

    /** The producer for a writer of the bridge's own; its close() leaves it open. */
    public Producer<byte[], byte[]> producer() {
        return view;
    }

    /**
     * The producer for camel-kafka, which asks with its endpoint's settings: an endpoint that asks for settings of
     * its own (other serializers, another acks or linger) is refused when it starts, as it would not get them.
     */
    public Producer<byte[], byte[]> producerFor(Properties wanted) {
        Properties mine = writerSettings();
        Set<String> differing = new TreeSet<>();
        for (String name : union(mine, wanted)) {
            if (!Objects.equals(text(mine.get(name)), text(wanted.get(name)))) {
                differing.add(name);
            }
        }
        if (!differing.isEmpty()) {
            throw new IllegalArgumentException("every record of the bridge is written by its one producer, whose "
                    + "settings are the Kafka component's; an endpoint asks for others: " + differing);
        }
        return view;
    }

    private KafkaProducer<byte[], byte[]> delegate() {
        KafkaProducer<byte[], byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(writerSettings(), new ByteArraySerializer(), new ByteArraySerializer());
                }
                current = producer;
            }
        }
        return current;
    }

    /** The settings with the serializers every writer uses: records are written as bytes. */
    private Properties writerSettings() {
        Properties all = new Properties();
        all.putAll(settings.get());
        all.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        all.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return all;
    }

    private static Set<String> union(Properties a, Properties b) {
        Set<String> names = new TreeSet<>();
        a.keySet().forEach(name -> names.add(name.toString()));
        b.keySet().forEach(name -> names.add(name.toString()));
        return names;
    }

    /** camel-kafka gives serializers as classes, the settings as names. */
    private static String text(Object value) {
        return value instanceof Class<?> type ? type.getName() : value == null ? null : value.toString();
    }

    @Override
    protected void doStart() {
        // built on first use
    }

    @Override
    protected synchronized void doStop() {
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
            producer = null;
        }
    }
}
