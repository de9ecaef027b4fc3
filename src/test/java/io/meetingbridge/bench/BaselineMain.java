package io.meetingbridge.bench;

import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.auth.AppAuthClient;
import io.meetingbridge.auth.AppCredentials;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's baselines in a JVM of their own: {@link BaselinePipeline} wired from the same settings
 * keys as the bridge (environment variables, then {@code -Dkey=value}, over the packaged
 * application.properties; the App key comes through the environment). The one argument picks the scheduler: {@value #CONCURRENT} (key-ordered lanes, at most {@code bridge.api.max-in-flight}
 * calls open, as the bridge) or {@value #SEQUENTIAL} (one change at a time). Stops on SIGTERM.
 */
public final class BaselineMain {

    static final String CONCURRENT = "concurrent";
    static final String SEQUENTIAL = "sequential";

    private BaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 1 ? args[0] : "";
        if (!mode.equals(CONCURRENT) && !mode.equals(SEQUENTIAL)) {
            throw new IllegalArgumentException("usage: BaselineMain " + CONCURRENT + "|" + SEQUENTIAL);
        }
        BridgeProperties settings = BridgeProperties.ofThisProcess();
        Clock clock = Clock.systemUTC();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // as the bridge's camel-http speaks
                .connectTimeout(settings.millis("meeting.api.connect-timeout-ms"))
                .build();
        Duration responseTimeout = settings.millis("meeting.api.response-timeout-ms");
        String baseUrl = settings.text("meeting.api.base-url");
        AppCredentials credentials = new AppCredentials(settings.text("meeting.auth.app-id"),
                settings.text("meeting.auth.app-key"), settings.text("meeting.auth.user-id"));
        AccessTokenCache tokens = new AccessTokenCache(
                new AppAuthClient(http, baseUrl, credentials, responseTimeout, clock),
                Duration.ofSeconds(settings.integer("meeting.auth.refresh-margin-seconds")),
                settings.millis("meeting.auth.retry-initial-delay-ms"),
                settings.millis("meeting.auth.retry-max-delay-ms"), clock);

        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(settings));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(settings));
             BaselineScheduler scheduler = scheduler(mode, settings, new BaselineApplier(producer,
                     new BaselineApiClient(http, baseUrl, tokens, responseTimeout), new ChangeValidator(),
                     new BaselineDeadLetters(settings.text("bridge.topics.dead-letter"), clock),
                     settings.text("bridge.topics.occurrences")))) {
            BaselinePipeline pipeline = new BaselinePipeline(consumer, scheduler, new ChangeParser(), settings);
            Thread pipelineThread = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pipeline.stop();
                joinQuietly(pipelineThread);
            }, "baseline-stop"));
            System.out.println("baseline started (" + mode + ")");
            pipeline.run();
        }
    }

    private static BaselineScheduler scheduler(String mode, BridgeProperties settings, BaselineApplier applier) {
        return mode.equals(CONCURRENT)
                ? new LaneScheduler(applier::apply, settings.integer("bridge.api.max-in-flight"))
                : new SequentialScheduler(applier::apply);
    }

    private static Map<String, Object> consumerConfig(BridgeProperties settings) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.text("kafka.bootstrap-servers"),
                ConsumerConfig.GROUP_ID_CONFIG, settings.text("kafka.group-id"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.integer("bridge.consumer.max-poll-records"),
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, settings.integer("bridge.consumer.max-poll-interval-ms"),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    /** The bridge's producer settings (application.properties, camel.component.kafka.*). */
    private static Map<String, Object> producerConfig(BridgeProperties settings) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.text("kafka.bootstrap-servers"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.integer("bridge.producer.max-block-ms"),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, settings.integer("bridge.producer.request-timeout-ms"),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, settings.integer("bridge.producer.delivery-timeout-ms"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    }

    /** The JVM halts once its shutdown hooks return: wait for the pipeline to close its clients. */
    private static void joinQuietly(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
