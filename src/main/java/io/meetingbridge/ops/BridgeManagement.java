package io.meetingbridge.ops;

import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.auth.AccessTokenCache;
import io.meetingbridge.auth.RequestAuthorization;
import io.meetingbridge.auth.TenantTokens;
import io.meetingbridge.deadletter.DeadLetterReplay;
import io.meetingbridge.events.EventPushRegistration;
import io.meetingbridge.ledger.SeriesLedger;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.ManagementAgent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Registers the bridge's own MBeans next to Camel's, its readiness checks, and the token and
 * consumption gauges, for as long as the Camel context runs.
 */
public final class BridgeManagement extends ServiceSupport {

    public static final String TOKEN_MBEAN = "access-token";
    public static final String DELIVERY_MBEAN = "delivery";
    public static final String REPLAY_MBEAN = "dead-letter-replay";
    public static final String LEDGER_MBEAN = "series-ledger";
    public static final String TENANTS_MBEAN = "tenant-tokens";
    public static final String EVENT_PUSH_MBEAN = "event-push";

    private final CamelContext camelContext;
    private Clock clock;
    /** SP mode's tokens per enterprise; null in enterprise mode. */
    private TenantTokens tenants;
    private final List<ObjectName> registered = new ArrayList<>();

    /** The beans are looked up at start, once every service they count into (metrics) is running. */
    public BridgeManagement(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    /** {@code org.apache.camel:context=<name>,type=bridge,name="<name>"}. */
    public static ObjectName objectName(String contextName, String name) throws Exception {
        return new ObjectName("org.apache.camel:context=" + contextName + ",type=bridge,name=\"" + name + "\"");
    }

    @Override
    protected void doStart() throws Exception {
        Registry registry = camelContext.getRegistry();
        AccessTokenCache tokens = registry.lookupByNameAndType("accessTokens", AccessTokenCache.class);
        ConsumptionState consumption = registry.lookupByNameAndType("consumptionState", ConsumptionState.class);
        DeliveryStats stats = registry.lookupByNameAndType("deliveryStats", DeliveryStats.class);
        SeriesLedger ledger = registry.lookupByNameAndType("seriesLedger", SeriesLedger.class);
        MeterRegistry meters = MeterRegistries.of(camelContext);
        clock = registry.lookupByNameAndType("clock", Clock.class);
        tenants = registry.lookupByNameAndType("requestAuthorization", RequestAuthorization.class).tenants();

        ManagementAgent agent = agent();
        if (agent != null) {
            register(agent, new ManagedAccessToken(tokens, clock), TOKEN_MBEAN);
            register(agent, new ManagedDelivery(stats, consumption), DELIVERY_MBEAN);
            register(agent, new ManagedReplay(DeadLetterReplay.of(camelContext)), REPLAY_MBEAN);
            register(agent, new ManagedSeriesLedger(ledger), LEDGER_MBEAN);
            if (tenants != null) {
                register(agent, new ManagedTenantTokens(tenants), TENANTS_MBEAN);
            }
            register(agent, new ManagedEventPush(registry.lookupByNameAndType("eventPushRegistration",
                    EventPushRegistration.class)), EVENT_PUSH_MBEAN);
        }
        HealthCheckRegistry health = HealthCheckRegistry.get(camelContext);
        health.register(new ReadinessCheck("access-token", consumption::authenticationProblem));
        health.register(new ReadinessCheck("meeting-api", consumption::apiProblem));
        health.register(new ReadinessCheck("series-ledger", ledger::restoreProblem));
        Gauge.builder("meeting.bridge.ledger.series", ledger, SeriesLedger::size)
                .description("Series the series ledger knows").register(meters);
        Gauge.builder("meeting.bridge.ledger.restore.seconds", ledger, l -> l.restoreMillis() / 1000.0)
                .description("Seconds the series ledger took to be read at start (-0.001 until then)").register(meters);

        Gauge.builder("meeting.bridge.token.valid.seconds", tokens, this::secondsLeft)
                .description("Seconds the cached access token stays valid, 0 when none is cached").register(meters);
        FunctionCounter.builder("meeting.bridge.token.authentications", tokens, AccessTokenCache::authentications)
                .description("Authentication calls made").register(meters);
        FunctionCounter.builder("meeting.bridge.token.failures", tokens, AccessTokenCache::failures)
                .description("Authentication calls that failed").register(meters);
        if (tenants != null) {
            registerTenantMeters(meters);
        }
        Gauge.builder("meeting.bridge.api.circuit.open", registry.lookupByNameAndType("apiCircuit", ApiCircuit.class),
                        circuit -> circuit.isOpen() ? 1 : 0)
                .description("1 while the circuit to the Meeting API is open (or half-open, probing)").register(meters);
        Gauge.builder("meeting.bridge.ready", camelContext, BridgeManagement::ready)
                .description("1 while every readiness check is UP, as /observe/health/ready answers").register(meters);
        Gauge.builder("meeting.bridge.consumption.paused", consumption, c -> c.isPaused() ? 1 : 0)
                .description("1 while consumption waits for authentication or for the API").register(meters);
    }

    @Override
    protected void doStop() throws Exception {
        ManagementAgent agent = agent();
        if (agent != null) {
            for (ObjectName name : registered) {
                agent.unregister(name);
            }
        }
        registered.clear();
    }

    /** Registers one of the bridge's MBeans and remembers it, so that a stop unregisters exactly what a start did. */
    private void register(ManagementAgent agent, Object mbean, String name) throws Exception {
        ObjectName objectName = objectName(camelContext.getName(), name);
        agent.register(mbean, objectName);
        registered.add(objectName);
    }

    /** Totals over all enterprises, never a label per corpId: the series count stays bounded whatever the tenants. */
    private void registerTenantMeters(MeterRegistry meters) {
        Gauge.builder("meeting.bridge.tenant.tokens", tenants, TenantTokens::tokensHeld)
                .description("SP mode: enterprises whose token is cached").register(meters);
        Gauge.builder("meeting.bridge.tenant.refused", tenants, TenantTokens::refusedNow)
                .description("SP mode: enterprises the authentication service refused, remembered now").register(meters);
        FunctionCounter.builder("meeting.bridge.tenant.refusals", tenants, TenantTokens::refusals)
                .description("SP mode: refusals of an enterprise by the authentication service").register(meters);
        FunctionCounter.builder("meeting.bridge.tenant.evictions", tenants, TenantTokens::evictions)
                .description("SP mode: enterprises dropped because meeting.auth.max-tenants were held").register(meters);
    }

    private double secondsLeft(AccessTokenCache cache) {
        Instant until = cache.validUntil();
        return until == null ? 0 : Math.max(0, Duration.between(clock.instant(), until).toSeconds());
    }

    private static double ready(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .allMatch(result -> result.getState() == HealthCheck.State.UP) ? 1 : 0;
    }

    private ManagementAgent agent() {
        return camelContext.getManagementStrategy() == null ? null
                : camelContext.getManagementStrategy().getManagementAgent();
    }
}
