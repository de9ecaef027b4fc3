package io.meetingbridge;

import io.meetingbridge.api.ApiCircuit;
import io.meetingbridge.api.ApiTrustStore;
import io.meetingbridge.api.FailedAttempt;
import io.meetingbridge.api.FailureClassifier;
import io.meetingbridge.api.RetryBudget;
import io.meetingbridge.api.RetryAfterDelay;
import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.auth.AppAuthClient;
import io.meetingbridge.auth.AppCredentials;
import io.meetingbridge.auth.Reauthorize;
import io.meetingbridge.change.ChangeLanes;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.NoDuplicateFilter;
import io.meetingbridge.deadletter.DeadLetterRecords;
import io.meetingbridge.occurrence.OccurrenceRecords;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.ops.ConsumptionState;
import io.meetingbridge.ops.DeliveryStats;
import io.meetingbridge.ops.MeteredKafkaClientFactory;
import io.meetingbridge.ops.StaticMembershipGuard;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Wires the bridge's beans from the settings; the beans themselves know nothing of Camel's registry.
 * Beans that take other beans are lazy, so they are built on first use, after all they need is bound.
 */
public class BridgeConfiguration implements CamelConfiguration {

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }

    @BindToRegistry
    public ChangeLanes changeLanes() {
        return new ChangeLanes(new ChangeParser(), new ChangeValidator());
    }

    /** TLS to the Meeting API, shared by the PUT (camel-http) and authentication (JDK HttpClient). */
    @BindToRegistry
    public SSLContextParameters meetingApiTls(
            @PropertyInject(value = "meeting.api.trust-store", defaultValue = "") String path,
            @PropertyInject(value = "meeting.api.trust-store-password", defaultValue = "") String password,
            @PropertyInject(value = "meeting.api.trust-store-type", defaultValue = "PKCS12") String type) {
        return ApiTrustStore.of(path, password, type);
    }

    @BindToRegistry(lazy = true)
    public AccessTokenCache accessTokens(
            CamelContext camelContext,
            SSLContextParameters meetingApiTls,
            Clock clock,
            @PropertyInject("meeting.api.base-url") String baseUrl,
            @PropertyInject("meeting.auth.app-id") String appId,
            @PropertyInject(value = "meeting.auth.app-key", defaultValue = "") String appKey,
            @PropertyInject(value = "meeting.auth.app-key-file", defaultValue = "") String appKeyFile,
            @PropertyInject(value = "meeting.auth.user-id", defaultValue = "") String userId,
            @PropertyInject("meeting.api.connect-timeout-ms") long connectTimeoutMs,
            @PropertyInject("meeting.api.response-timeout-ms") long responseTimeoutMs,
            @PropertyInject("meeting.auth.refresh-margin-seconds") long refreshMarginSeconds,
            @PropertyInject("meeting.auth.retry-initial-delay-ms") long retryInitialMs,
            @PropertyInject("meeting.auth.retry-max-delay-ms") long retryMaxMs) {
        HttpClient http;
        try {
            http = HttpClient.newBuilder()
                    .sslContext(meetingApiTls.createSSLContext(camelContext))
                    .connectTimeout(Duration.ofMillis(connectTimeoutMs))
                    .build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load meeting.api.trust-store", e);
        }
        AppCredentials credentials = new AppCredentials(appId, appKey(appKey, appKeyFile), userId);
        AppAuthClient client = new AppAuthClient(http, baseUrl, credentials, Duration.ofMillis(responseTimeoutMs), clock);
        return new AccessTokenCache(client, Duration.ofSeconds(refreshMarginSeconds), Duration.ofMillis(retryInitialMs),
                Duration.ofMillis(retryMaxMs), clock);
    }

    /** Redelivery hook of the 401 row: drop the rejected token and retry with a fresh one. */
    @BindToRegistry(lazy = true)
    public Reauthorize reauthorize(AccessTokenCache accessTokens) {
        return new Reauthorize(accessTokens);
    }

    @BindToRegistry
    public FailureClassifier failureClassifier(@PropertyInject("bridge.retry.statuses") String statuses) {
        return new FailureClassifier(statuses);
    }

    @BindToRegistry(lazy = true)
    public ApiCircuit apiCircuit(FailureClassifier failureClassifier,
                                 @PropertyInject("bridge.circuit.failure-rate-percent") float failureRatePercent,
                                 @PropertyInject("bridge.circuit.minimum-calls") int minimumCalls,
                                 @PropertyInject("bridge.circuit.window-seconds") long windowSeconds,
                                 @PropertyInject("bridge.circuit.open-wait-ms") long openWaitMs,
                                 @PropertyInject("bridge.circuit.probe-calls") int probeCalls) {
        return new ApiCircuit(failureClassifier, failureRatePercent, minimumCalls, Duration.ofSeconds(windowSeconds),
                Duration.ofMillis(openWaitMs), probeCalls);
    }

    /** Error-handler hook of every failed PUT attempt: feeds the circuit, honours Retry-After. */
    @BindToRegistry(lazy = true)
    public FailedAttempt failedAttempt(ApiCircuit apiCircuit, Clock clock,
                                       @PropertyInject("bridge.retry.max-delay-ms") long maxDelayMs) {
        return new FailedAttempt(apiCircuit, new RetryAfterDelay(Duration.ofMillis(maxDelayMs), clock));
    }

    @BindToRegistry(lazy = true)
    public ConsumptionState consumptionState(AccessTokenCache accessTokens, ApiCircuit apiCircuit) {
        return new ConsumptionState(accessTokens, apiCircuit);
    }

    @BindToRegistry(lazy = true)
    public OccurrenceRecords occurrenceRecords(CamelContext camelContext) {
        return new OccurrenceRecords(camelContext);
    }

    @BindToRegistry(lazy = true)
    public DeadLetterRecords deadLetterRecords(Clock clock) {
        return new DeadLetterRecords(clock);
    }

    /** Counts into the registry camel-micrometer-prometheus serves on /observe/metrics. */
    @BindToRegistry(lazy = true)
    public DeliveryStats deliveryStats(CamelContext camelContext) {
        return new DeliveryStats(meters(camelContext));
    }

    /** camel-kafka's client factory (camel.component.kafka.kafka-client-factory): consumer lag on /observe/metrics. */
    @BindToRegistry(lazy = true)
    public MeteredKafkaClientFactory meteredKafkaClients(CamelContext camelContext) {
        return new MeteredKafkaClientFactory(camelContext);
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        retryBudget(camelContext).requireWithin(Duration.ofMillis(
                setting(camelContext, "bridge.consumer.max-poll-interval-ms")));
        camelContext.addService(new BridgeManagement(camelContext));
        camelContext.addStartupListener(new StaticMembershipGuard());
    }

    private static RetryBudget retryBudget(CamelContext camelContext) {
        return new RetryBudget((int) setting(camelContext, "bridge.retry.redeliveries"),
                Duration.ofMillis(setting(camelContext, "meeting.api.response-timeout-ms")),
                Duration.ofMillis(setting(camelContext, "bridge.retry.initial-delay-ms")),
                Duration.ofMillis(setting(camelContext, "bridge.retry.max-delay-ms")));
    }

    private static long setting(CamelContext camelContext, String key) {
        return Long.parseLong(camelContext.resolvePropertyPlaceholders("{{" + key + "}}").trim());
    }

    /**
     * The change ids already applied, kept in a compacted Kafka topic so every instance and every restart
     * shares them; a filter that lets everything through while the duplicate filter is off.
     */
    @BindToRegistry(lazy = true)
    public IdempotentRepository changeIdRepository(
            @PropertyInject("bridge.dedup.enabled") boolean enabled,
            @PropertyInject("bridge.dedup.topic") String topic,
            @PropertyInject("bridge.dedup.cache-size") int cacheSize,
            @PropertyInject("kafka.bootstrap-servers") String bootstrapServers) {
        if (!enabled) {
            return new NoDuplicateFilter();
        }
        KafkaIdempotentRepository repository = new KafkaIdempotentRepository(topic, bootstrapServers);
        repository.setMaxCacheSize(cacheSize);
        return repository;
    }

    /** The threads that run lanes: at most this many PUTs are in flight at once. */
    @BindToRegistry(lazy = true)
    public ExecutorService laneExecutor(CamelContext camelContext,
                                        @PropertyInject("bridge.api.max-in-flight") int maxInFlight) {
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "lane", maxInFlight);
    }

    /** The Prometheus registry once camel-micrometer-prometheus has bound it; a private one when metrics are off. */
    public static MeterRegistry meters(CamelContext camelContext) {
        MeterRegistry meters = MicrometerUtils.getMeterRegistryFromCamelRegistry(camelContext.getRegistry(),
                MicrometerConstants.METRICS_REGISTRY_NAME);
        return meters != null ? meters : new SimpleMeterRegistry();
    }

    private static String appKey(String appKey, String appKeyFile) {
        if (appKeyFile.isBlank()) {
            return appKey;
        }
        try {
            return Files.readString(Path.of(appKeyFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meeting.auth.app-key-file " + appKeyFile, e);
        }
    }
}
