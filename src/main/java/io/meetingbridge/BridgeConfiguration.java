package io.meetingbridge;

import io.github.resilience4j.core.IntervalFunction;
import io.meetingbridge.api.ApiAttempts;
import io.meetingbridge.api.ApiCallQuota;
import io.meetingbridge.api.ApiTrustStore;
import io.meetingbridge.api.MeetingAnswers;
import io.meetingbridge.api.MeetingCalls;
import io.meetingbridge.api.RetryAfterDelay;
import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.auth.AppAuthClient;
import io.meetingbridge.auth.AppCredentials;
import io.meetingbridge.auth.AuthHeaderForm;
import io.meetingbridge.auth.AuthMode;
import io.meetingbridge.auth.Reauthorize;
import io.meetingbridge.auth.RequestAuthorization;
import io.meetingbridge.auth.TenantTokens;
import io.meetingbridge.change.ChangeBatches;
import io.meetingbridge.change.ChangeParser;
import io.meetingbridge.change.ChangeValidation;
import io.meetingbridge.change.CommitsAcrossRebalances;
import io.meetingbridge.change.FinishedCommits;
import io.meetingbridge.change.LaneSteps;
import io.meetingbridge.change.ChangeValidator;
import io.meetingbridge.change.NoDuplicateFilter;
import io.meetingbridge.deadletter.DeadLetterCapacityCheck;
import io.meetingbridge.deadletter.DeadLetterPublisher;
import io.meetingbridge.deadletter.DeadLetterRecords;
import io.meetingbridge.deadletter.ReplayOrigin;
import io.meetingbridge.events.EventPushRegistration;
import io.meetingbridge.events.EventReceiver;
import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.failure.FailureClassifier;
import io.meetingbridge.ledger.CancelledInApp;
import io.meetingbridge.ledger.CreatedSeriesSearch;
import io.meetingbridge.ledger.SeriesChanges;
import io.meetingbridge.ledger.SeriesLedger;
import io.meetingbridge.ledger.SeriesResolution;
import io.meetingbridge.flow.BatchTimeBudget;
import io.meetingbridge.occurrence.OccurrenceRecords;
import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.ops.ConsumptionState;
import io.meetingbridge.ops.DeliveryStats;
import io.meetingbridge.ops.JolokiaPlugin;
import io.meetingbridge.ops.JolokiaPolicy;
import io.meetingbridge.ops.MeterRegistries;
import io.meetingbridge.ops.MeteredKafkaClientFactory;
import io.meetingbridge.ops.StaticMembershipGuard;
import io.meetingbridge.patch.SeriesPatching;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the bridge's beans from the settings; the beans themselves know nothing of Camel's registry.
 * Beans that take other beans are lazy, so they are built on first use, after all they need is bound.
 */
public class BridgeConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeConfiguration.class);

    @BindToRegistry
    public Clock clock() {
        return Clock.systemUTC();
    }

    @BindToRegistry(lazy = true)
    public ChangeBatches changeBatches(CamelContext camelContext, SeriesLedger seriesLedger, FinishedCommits finishedCommits,
                                       @PropertyInject("bridge.consumer.batch-deadline-ms") long deadlineMs,
                                       @PropertyInject("bridge.consumer.failed-batch-backoff-initial-ms") long backoffMs,
                                       @PropertyInject("bridge.consumer.failed-batch-backoff-max-ms") long backoffMaxMs) {
        return new ChangeBatches(new ChangeParser(), seriesLedger, Duration.ofMillis(deadlineMs), finishedCommits,
                IntervalFunction.ofExponentialRandomBackoff(backoffMs, 2.0, 0.2, backoffMaxMs), MeterRegistries.of(camelContext),
                camelContext::isStopping);
    }

    @BindToRegistry
    public FinishedCommits finishedCommits(@PropertyInject("bridge.consumer.commit-timeout-ms") long commitTimeoutMs) {
        return new FinishedCommits(Duration.ofMillis(commitTimeoutMs));
    }

    @BindToRegistry
    public LaneSteps laneSteps() {
        return new LaneSteps();
    }

    /** camel-kafka subscribes through the bean of this name: commits a rebalance refused are made once it is over. */
    @BindToRegistry(value = KafkaConstants.KAFKA_SUBSCRIBE_ADAPTER, lazy = true)
    public SubscribeAdapter subscribeAdapter(ChangeBatches changeBatches, FinishedCommits finishedCommits) {
        return new CommitsAcrossRebalances(changeBatches, finishedCommits);
    }

    @BindToRegistry
    public ChangeValidation changeValidation(@PropertyInject(value = AuthMode.SETTING, defaultValue = "enterprise") String mode) {
        return new ChangeValidation(new ChangeValidator(AuthMode.of(mode) == AuthMode.SP));
    }

    /** Per series what was last applied, in a compacted topic every instance reads; stopped with the context. */
    @BindToRegistry(lazy = true)
    public SeriesLedger seriesLedger(CamelContext camelContext,
                                     @PropertyInject("bridge.topics.series") String topic,
                                     @PropertyInject("bridge.topics.changes") String inputTopic,
                                     @PropertyInject("bridge.ledger.partitions") int partitions,
                                     @PropertyInject("bridge.ledger.write-timeout-ms") long writeTimeoutMs,
                                     @PropertyInject("bridge.ledger.catch-up-timeout-ms") long catchUpTimeoutMs)
            throws Exception {
        SeriesLedger ledger = new SeriesLedger(topic, inputTopic, kafkaProducerSettings(camelContext),
                kafkaConnectionSettings(camelContext), partitions, Duration.ofMillis(writeTimeoutMs),
                Duration.ofMillis(catchUpTimeoutMs));
        camelContext.addService(ledger, true, true);
        return ledger;
    }

    @BindToRegistry(lazy = true)
    public SeriesResolution seriesResolution(SeriesLedger seriesLedger, ReplayOrigin replayOrigin) {
        return new SeriesResolution(seriesLedger, replayOrigin);
    }

    @BindToRegistry(lazy = true)
    public SeriesChanges seriesChanges(SeriesLedger seriesLedger) {
        return new SeriesChanges(seriesLedger);
    }

    @BindToRegistry(lazy = true)
    public SeriesPatching seriesPatching(ChangeValidation changeValidation, SeriesLedger seriesLedger) {
        return new SeriesPatching(changeValidation, seriesLedger);
    }

    @BindToRegistry
    public MeetingCalls meetingCalls() {
        return new MeetingCalls();
    }

    @BindToRegistry
    public MeetingAnswers meetingAnswers() {
        return new MeetingAnswers();
    }

    @BindToRegistry(lazy = true)
    public CreatedSeriesSearch createdSeriesSearch(SeriesLedger seriesLedger, MeetingCalls meetingCalls) {
        return new CreatedSeriesSearch(seriesLedger, meetingCalls);
    }

    /** Seals where a dead-lettered change was first published, with a key only the App key's holders have. */
    @BindToRegistry
    public ReplayOrigin replayOrigin(@PropertyInject(value = "meeting.auth.app-key", defaultValue = "") String appKey,
                                     @PropertyInject(value = "meeting.auth.app-key-file", defaultValue = "") String appKeyFile) {
        return ReplayOrigin.of(AppCredentials.keyFrom(appKey, appKeyFile));
    }

    /** TLS to the Meeting API, shared by the PUT (camel-http) and authentication (JDK HttpClient). */
    @BindToRegistry
    public SSLContextParameters meetingApiTls(
            @PropertyInject(value = "meeting.api.trust-store", defaultValue = "") String path,
            @PropertyInject(value = "meeting.api.trust-store-password", defaultValue = "") String password,
            @PropertyInject(value = "meeting.api.trust-store-type", defaultValue = "PKCS12") String type) {
        return ApiTrustStore.of(path, password, type);
    }

    /** This instance's share of the API's quota, taken by every PUT attempt and every token request. */
    @BindToRegistry(lazy = true)
    public ApiCallQuota apiCallQuota(CamelContext camelContext,
                                     @PropertyInject(value = ApiCallQuota.SETTING, defaultValue = "") String maxCallsPerSecond,
                                     @PropertyInject("bridge.api.max-in-flight") int maxInFlight) {
        return ApiCallQuota.of(maxCallsPerSecond, maxInFlight, MeterRegistries.of(camelContext));
    }

    @BindToRegistry(lazy = true)
    public AppAuthClient appAuthClient(
            CamelContext camelContext,
            SSLContextParameters meetingApiTls,
            ApiCallQuota apiCallQuota,
            Clock clock,
            @PropertyInject("meeting.api.base-url") String baseUrl,
            @PropertyInject("meeting.auth.app-id") String appId,
            @PropertyInject(value = "meeting.auth.app-key", defaultValue = "") String appKey,
            @PropertyInject(value = "meeting.auth.app-key-file", defaultValue = "") String appKeyFile,
            @PropertyInject(value = "meeting.auth.user-id", defaultValue = "") String userId,
            @PropertyInject(value = AuthHeaderForm.SETTING, defaultValue = "documented") String headerForm,
            @PropertyInject("meeting.api.connect-timeout-ms") long connectTimeoutMs,
            @PropertyInject("meeting.api.response-timeout-ms") long responseTimeoutMs) {
        HttpClient http = AppAuthClient.httpClient(ApiTrustStore.sslContext(meetingApiTls, camelContext),
                Duration.ofMillis(connectTimeoutMs));
        AppCredentials credentials = new AppCredentials(appId, AppCredentials.keyFrom(appKey, appKeyFile), userId);
        return new AppAuthClient(http, baseUrl, credentials, Duration.ofMillis(responseTimeoutMs), clock, apiCallQuota,
                AuthHeaderForm.of(headerForm));
    }

    /** The App's own token (enterprise mode). */
    @BindToRegistry(lazy = true)
    public AccessTokenCache accessTokens(AppAuthClient appAuthClient, Clock clock,
            @PropertyInject("meeting.auth.refresh-margin-seconds") long refreshMarginSeconds,
            @PropertyInject("meeting.auth.retry-initial-delay-ms") long retryInitialMs,
            @PropertyInject("meeting.auth.retry-max-delay-ms") long retryMaxMs) {
        return new AccessTokenCache(appAuthClient, Duration.ofSeconds(refreshMarginSeconds), Duration.ofMillis(retryInitialMs),
                Duration.ofMillis(retryMaxMs), clock);
    }

    /**
     * The token of the change's enterprise on each Meeting API request: the App's own, or in SP mode a token per
     * enterprise, each cached as the App's own is.
     */
    @BindToRegistry(lazy = true)
    public RequestAuthorization requestAuthorization(AccessTokenCache accessTokens, AppAuthClient appAuthClient,
            Clock clock,
            @PropertyInject(value = AuthMode.SETTING, defaultValue = "enterprise") String mode,
            @PropertyInject(value = "meeting.auth.max-tenants", defaultValue = "1000") int maxTenants,
            @PropertyInject(value = "meeting.auth.refusal-backoff-ms", defaultValue = "60000") long refusalBackoffMs,
            @PropertyInject("meeting.auth.refresh-margin-seconds") long refreshMarginSeconds,
            @PropertyInject("meeting.auth.retry-initial-delay-ms") long retryInitialMs,
            @PropertyInject("meeting.auth.retry-max-delay-ms") long retryMaxMs) {
        if (AuthMode.of(mode) != AuthMode.SP) {
            return new RequestAuthorization(accessTokens, null);
        }
        return new RequestAuthorization(accessTokens, new TenantTokens(corpId -> new AccessTokenCache(
                appAuthClient.forTenant(corpId), Duration.ofSeconds(refreshMarginSeconds), Duration.ofMillis(retryInitialMs),
                Duration.ofMillis(retryMaxMs), clock), maxTenants, Duration.ofMillis(refusalBackoffMs), clock));
    }

    /** Registers the events receiver's URL as the enterprise's event push through the API (command line, JMX). */
    @BindToRegistry(lazy = true)
    public EventPushRegistration eventPushRegistration(
            CamelContext camelContext, SSLContextParameters meetingApiTls, AccessTokenCache accessTokens,
            @PropertyInject("meeting.api.base-url") String baseUrl,
            @PropertyInject("bridge.events.subscriber-id") String subscriberId,
            @PropertyInject("bridge.events.subscriber-key-file") String subscriberKeyFile,
            @PropertyInject("meeting.api.connect-timeout-ms") long connectTimeoutMs,
            @PropertyInject("meeting.api.response-timeout-ms") long responseTimeoutMs,
            @PropertyInject(value = AuthMode.SETTING, defaultValue = "enterprise") String mode,
            @PropertyInject(value = "bridge.events.sp-id", defaultValue = "") String spId) {
        return new EventPushRegistration(AppAuthClient.httpClient(ApiTrustStore.sslContext(meetingApiTls, camelContext),
                Duration.ofMillis(connectTimeoutMs)), baseUrl, accessTokens, subscriberId, subscriberKeyFile,
                Duration.ofMillis(responseTimeoutMs), AuthMode.of(mode), spId);
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

    /** Counts each call of a change, feeds the circuit, honours Retry-After. */
    @BindToRegistry(lazy = true)
    public ApiAttempts apiAttempts(ApiCircuit apiCircuit, FailureClassifier failureClassifier, Clock clock,
                                   @PropertyInject("bridge.retry.max-delay-ms") long maxDelayMs,
                                   @PropertyInject("bridge.retry.redeliveries") int redeliveries) {
        return new ApiAttempts(apiCircuit, failureClassifier, new RetryAfterDelay(Duration.ofMillis(maxDelayMs), clock),
                redeliveries);
    }

    /** Redelivery hook of the 401 row: drop the rejected token and retry with a fresh one. */
    @BindToRegistry(lazy = true)
    public Reauthorize reauthorize(RequestAuthorization requestAuthorization) {
        return new Reauthorize(requestAuthorization);
    }

    @BindToRegistry(lazy = true)
    public ConsumptionState consumptionState(RequestAuthorization requestAuthorization, ApiCircuit apiCircuit) {
        return new ConsumptionState(requestAuthorization, apiCircuit);
    }

    @BindToRegistry(lazy = true)
    public OccurrenceRecords occurrenceRecords(CamelContext camelContext) {
        return new OccurrenceRecords(camelContext);
    }

    @BindToRegistry(lazy = true)
    public DeadLetterRecords deadLetterRecords(Clock clock, ReplayOrigin replayOrigin,
                                               @PropertyInject("bridge.topics.dead-letter") String topic) {
        return new DeadLetterRecords(topic, clock, replayOrigin);
    }

    /** Kafka's own producer with the bridge's producer settings (camel-kafka's), stopped with the context. */
    @BindToRegistry(lazy = true)
    public DeadLetterPublisher deadLetterPublisher(CamelContext camelContext) throws Exception {
        DeadLetterPublisher publisher = new DeadLetterPublisher(kafkaProducerSettings(camelContext));
        camelContext.addService(publisher, true, true);
        return publisher;
    }

    /** Counts into the registry camel-micrometer-prometheus serves on /observe/metrics. */
    @BindToRegistry(lazy = true)
    public DeliveryStats deliveryStats(CamelContext camelContext) {
        return new DeliveryStats(MeterRegistries.of(camelContext));
    }

    /** camel-kafka's client factory (camel.component.kafka.kafka-client-factory): consumer lag on /observe/metrics. */
    @BindToRegistry(lazy = true)
    public MeteredKafkaClientFactory meteredKafkaClients(CamelContext camelContext) {
        return new MeteredKafkaClientFactory(camelContext);
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        Duration quotaWait = ApiCallQuota.worstWait(
                camelContext.resolvePropertyPlaceholders("{{" + ApiCallQuota.SETTING + ":}}"),
                (int) setting(camelContext, "bridge.api.max-in-flight"));
        BatchTimeBudget budget = new BatchTimeBudget(key -> setting(camelContext, key), quotaWait);
        budget.requireWithin(Duration.ofMillis(setting(camelContext, "bridge.consumer.max-poll-interval-ms")));
        LOG.info("One batch keeps the consumer from polling for at most {} ms: {}", budget.worstCase().toMillis(),
                budget.describe());
        camelContext.addService(new BridgeManagement(camelContext));
        if (flag(camelContext, "camel.management.jolokia-enabled")) {
            // found by name in place of Camel's Jolokia plugin; a service, so it stops (and leaves JMX) with the context
            JolokiaPlugin jolokia = new JolokiaPlugin(JolokiaPolicy.load(
                    camelContext.resolvePropertyPlaceholders("{{bridge.ops.jolokia-policy}}"),
                    flag(camelContext, "bridge.ops.remote-operations")));
            camelContext.getRegistry().bind(JolokiaPlugin.NAME, jolokia);
            camelContext.addService(jolokia);
        }
        camelContext.addService(new ServiceSupport() {
            @Override
            protected void doStart() throws Exception {
                new DeadLetterCapacityCheck(kafkaProducerSettings(camelContext), Duration.ofSeconds(10)).check(
                        camelContext.resolvePropertyPlaceholders("{{bridge.topics.changes}}"),
                        camelContext.resolvePropertyPlaceholders("{{bridge.topics.dead-letter}}"),
                        setting(camelContext, "bridge.producer.max-request-size"));
            }
        });
        camelContext.addStartupListener(new StaticMembershipGuard());
        if (Boolean.parseBoolean(camelContext.resolvePropertyPlaceholders("{{" + EventReceiver.ENABLED + "}}"))) {
            camelContext.addService(new EventReceiver(key -> camelContext.resolvePropertyPlaceholders("{{" + key + "}}"),
                    () -> kafkaProducerSettings(camelContext), () -> kafkaConnectionSettings(camelContext),
                    () -> MeterRegistries.of(camelContext), conferenceID -> new CancelledInApp(camelContext.getRegistry()
                            .lookupByNameAndType("seriesLedger", SeriesLedger.class)).seriesCancelled(conferenceID),
                    Clock.systemUTC()));
        }
    }

    /** camel-kafka's producer settings: brokers, security, acks, idempotence, timeouts, size limit. */
    private static Properties kafkaProducerSettings(CamelContext camelContext) {
        KafkaConfiguration kafka = camelContext.getComponent("kafka", KafkaComponent.class).getConfiguration();
        Properties settings = kafka.createProducerProperties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokers());
        return settings;
    }

    /** The bridge's brokers and security settings only, so its side clients reach a secured cluster too. */
    private static Properties kafkaConnectionSettings(CamelContext camelContext) {
        Properties connection = new Properties();
        kafkaProducerSettings(camelContext).forEach((key, value) -> {
            String name = key.toString();
            if (name.equals("bootstrap.servers") || name.startsWith("security.") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                connection.put(key, value);
            }
        });
        return connection;
    }

    private static boolean flag(CamelContext camelContext, String key) {
        return Boolean.parseBoolean(camelContext.resolvePropertyPlaceholders("{{" + key + ":false}}").trim());
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
            CamelContext camelContext) {
        if (!enabled) {
            return new NoDuplicateFilter();
        }
        Properties connection = kafkaConnectionSettings(camelContext);
        Properties consumer = new Properties();
        consumer.putAll(connection);
        KafkaIdempotentRepository repository = new KafkaIdempotentRepository(topic, consumer, connection);
        repository.setMaxCacheSize(cacheSize);
        return repository;
    }

    /** The threads that run lanes: at most this many PUTs are in flight at once. */
    @BindToRegistry(lazy = true)
    public ExecutorService laneExecutor(CamelContext camelContext,
                                        @PropertyInject("bridge.api.max-in-flight") int maxInFlight) {
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "lane", maxInFlight);
    }
}
