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
import io.meetingbridge.deadletter.DeadLetterCapacityAtStart;
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
import io.meetingbridge.ops.SharedKafkaProducer;
import io.meetingbridge.ops.StaticMembershipGuard;
import io.meetingbridge.patch.SeriesPatching;
import io.meetingbridge.trace.ChangeTraces;
import io.vertx.core.VertxOptions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.support.subcription.SubscribeAdapter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
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

    /**
     * Each change of a lane begins and ends its trace in the lane's own steps (changeTraces: see TraceSetup). Lazy:
     * the command-line tools start no routes and set no traces up.
     */
    @BindToRegistry(lazy = true)
    public LaneSteps laneSteps(ChangeTraces changeTraces) {
        return new LaneSteps(changeTraces::begin, changeTraces::end);
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
    public SeriesLedger seriesLedger(CamelContext camelContext, SharedKafkaProducer sharedProducer,
                                     @PropertyInject("bridge.topics.series") String topic,
                                     @PropertyInject("bridge.topics.changes") String inputTopic,
                                     @PropertyInject("bridge.ledger.partitions") int partitions,
                                     @PropertyInject("bridge.ledger.write-timeout-ms") long writeTimeoutMs,
                                     @PropertyInject("bridge.ledger.catch-up-timeout-ms") long catchUpTimeoutMs)
            throws Exception {
        SeriesLedger ledger = new SeriesLedger(topic, inputTopic, sharedProducer.producer(),
                kafkaConnectionSettings(camelContext), partitions, Duration.ofMillis(writeTimeoutMs),
                Duration.ofMillis(catchUpTimeoutMs));
        camelContext.addService(ledger, true, true);
        return ledger;
    }

    @BindToRegistry(lazy = true)
    public SeriesResolution seriesResolution(ChangeValidation changeValidation, SeriesLedger seriesLedger,
                                             ReplayOrigin replayOrigin) {
        return new SeriesResolution(changeValidation, seriesLedger, replayOrigin);
    }

    @BindToRegistry(lazy = true)
    public SeriesChanges seriesChanges(SeriesLedger seriesLedger,
                                       @PropertyInject("bridge.ledger.unshown-max-bytes") int unshownMaxBytes) {
        return new SeriesChanges(seriesLedger, unshownMaxBytes);
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

    /** The JDK client of the Meeting API calls the bridge makes itself (authentication, event push registration). */
    @BindToRegistry(lazy = true)
    public HttpClient meetingApiHttpClient(CamelContext camelContext, SSLContextParameters meetingApiTls,
            @PropertyInject("meeting.api.connect-timeout-ms") long connectTimeoutMs) {
        return AppAuthClient.httpClient(ApiTrustStore.sslContext(meetingApiTls, camelContext), Duration.ofMillis(connectTimeoutMs));
    }

    @BindToRegistry(lazy = true)
    public AppAuthClient appAuthClient(
            HttpClient meetingApiHttpClient,
            ApiCallQuota apiCallQuota,
            Clock clock,
            @PropertyInject("meeting.api.base-url") String baseUrl,
            @PropertyInject("meeting.auth.app-id") String appId,
            @PropertyInject(value = "meeting.auth.app-key", defaultValue = "") String appKey,
            @PropertyInject(value = "meeting.auth.app-key-file", defaultValue = "") String appKeyFile,
            @PropertyInject(value = "meeting.auth.user-id", defaultValue = "") String userId,
            @PropertyInject(value = AuthHeaderForm.SETTING, defaultValue = "documented") String headerForm,
            @PropertyInject("meeting.api.response-timeout-ms") long responseTimeoutMs) {
        AppCredentials credentials = new AppCredentials(appId, AppCredentials.keyFrom(appKey, appKeyFile), userId);
        return new AppAuthClient(meetingApiHttpClient, baseUrl, credentials, Duration.ofMillis(responseTimeoutMs), clock, apiCallQuota,
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
            HttpClient meetingApiHttpClient, AccessTokenCache accessTokens,
            @PropertyInject("meeting.api.base-url") String baseUrl,
            @PropertyInject("bridge.events.subscriber-id") String subscriberId,
            @PropertyInject("bridge.events.subscriber-key-file") String subscriberKeyFile,
            @PropertyInject("meeting.api.response-timeout-ms") long responseTimeoutMs,
            @PropertyInject(value = AuthMode.SETTING, defaultValue = "enterprise") String mode,
            @PropertyInject(value = "bridge.events.sp-id", defaultValue = "") String spId) {
        return new EventPushRegistration(meetingApiHttpClient, baseUrl, accessTokens, subscriberId, subscriberKeyFile,
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

    /** Lets each attempt through the circuit and the quota, counts each call of a change, feeds the circuit, honours Retry-After. */
    @BindToRegistry(lazy = true)
    public ApiAttempts apiAttempts(ApiCircuit apiCircuit, ApiCallQuota apiCallQuota, FailureClassifier failureClassifier,
                                   Clock clock,
                                   @PropertyInject("bridge.retry.max-delay-ms") long maxDelayMs,
                                   @PropertyInject("bridge.retry.redeliveries") int redeliveries) {
        return new ApiAttempts(apiCircuit, apiCallQuota, failureClassifier,
                new RetryAfterDelay(Duration.ofMillis(maxDelayMs), clock), redeliveries, AccessTokenCache.HEADER);
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

    /** Writes dead letters with the bridge's one producer. */
    @BindToRegistry(lazy = true)
    public DeadLetterPublisher deadLetterPublisher(SharedKafkaProducer sharedProducer) {
        return new DeadLetterPublisher(sharedProducer.producer());
    }

    /** Counts into the registry camel-micrometer-prometheus serves on /observe/metrics. */
    @BindToRegistry(lazy = true)
    public DeliveryStats deliveryStats(CamelContext camelContext) {
        return new DeliveryStats(MeterRegistries.of(camelContext));
    }

    /**
     * Vert.x of the management server (health, metrics, Jolokia). Its handlers run on worker threads, and Vert.x
     * starts a new one for each request until it holds 20 (its default): health probes alone would keep 20.
     */
    @BindToRegistry
    public VertxOptions managementVertxOptions(@PropertyInject("bridge.ops.http-worker-threads") int workers) {
        return new VertxOptions().setWorkerPoolSize(workers);
    }

    /**
     * The one Kafka producer of the bridge, with camel-kafka's producer settings; not lazy, so that it is the first
     * service added and the last stopped, after every writer that uses it.
     */
    @BindToRegistry
    public SharedKafkaProducer sharedProducer(CamelContext camelContext) throws Exception {
        SharedKafkaProducer producer = new SharedKafkaProducer(() -> kafkaProducerSettings(camelContext));
        camelContext.addService(producer, true, true);
        return producer;
    }

    /**
     * camel-kafka's client factory (camel.component.kafka.kafka-client-factory): the shared producer, consumer lag
     * on /observe/metrics.
     */
    @BindToRegistry(lazy = true)
    public MeteredKafkaClientFactory meteredKafkaClients(CamelContext camelContext,
            @PropertyInject("bridge.consumer.idle-poll-timeout-ms") long idlePollTimeoutMs,
            SharedKafkaProducer sharedProducer) {
        return new MeteredKafkaClientFactory(camelContext, Duration.ofMillis(idlePollTimeoutMs), sharedProducer);
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
        DeadLetterCapacityAtStart capacity = new DeadLetterCapacityAtStart(() -> {
            new DeadLetterCapacityCheck(kafkaProducerSettings(camelContext), Duration.ofSeconds(10)).check(
                    camelContext.resolvePropertyPlaceholders("{{bridge.topics.changes}}"),
                    camelContext.resolvePropertyPlaceholders("{{bridge.topics.dead-letter}}"),
                    setting(camelContext, "bridge.producer.max-request-size"));
            return null;
        });
        camelContext.addService(capacity);
        camelContext.addStartupListener(capacity);
        camelContext.addStartupListener(new StaticMembershipGuard());
        if (Boolean.parseBoolean(camelContext.resolvePropertyPlaceholders("{{" + EventReceiver.ENABLED + "}}"))) {
            camelContext.addService(new EventReceiver(key -> camelContext.resolvePropertyPlaceholders("{{" + key + "}}"),
                    camelContext.getRegistry().lookupByNameAndType("sharedProducer", SharedKafkaProducer.class).producer(),
                    () -> kafkaConnectionSettings(camelContext),
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

    /**
     * The threads that run lanes: at most this many PUTs are in flight at once. A lane thread idle for a minute
     * ends, so a replica between bursts does not keep max-in-flight threads.
     */
    @BindToRegistry(lazy = true)
    public ExecutorService laneExecutor(CamelContext camelContext,
                                        @PropertyInject("bridge.api.max-in-flight") int maxInFlight) {
        ThreadPoolProfile lanes = new ThreadPoolProfileBuilder("lane").poolSize(maxInFlight).maxPoolSize(maxInFlight)
                .keepAliveTime(60L, TimeUnit.SECONDS).allowCoreThreadTimeOut(true).build();
        return camelContext.getExecutorServiceManager().newThreadPool(this, "lane", lanes);
    }
}
