package io.meetingbridge.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.meetingbridge.flow.FlowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;

/**
 * This instance's share of the Meeting API's quota ({@code bridge.api.max-calls-per-second}): every call,
 * authentication included, first takes a permit from a Resilience4j rate limiter and waits for one when
 * the quota is used up. Off (0 or empty) means no limiter at all.
 *
 * <p>Resilience4j hands out permits per cycle. With one permit per cycle of 1/N s, a call at the end of
 * one cycle and another at the start of the next are nearly simultaneous, so one second could see N + 1
 * calls; cycles of 1/(N - 1) s keep every one-second window at N calls or fewer. Cycles a quarter longer
 * leave room for calls that reach the API later than their permit (a busy machine's thread stalls, the
 * network): seen here, such stalls squeeze up to 170 ms of permits into one burst. The price is a
 * sustained rate of about three quarters of N (15 a second for a limit of 20).
 *
 * <p>A caller waits at most for every other caller queued before it (the lanes, plus one token request),
 * so the wait is bounded; a wait beyond that fails the call without sending it, and the batch reads the
 * change again later: a throttled change is never dead-lettered.
 */
public final class ApiCallQuota {

    public static final String SETTING = "bridge.api.max-calls-per-second";
    public static final String WAIT_METRIC = "meeting.bridge.api.quota.wait";

    /** A second, plus how much later than its permit a call may reach the API compared with another call. */
    private static final Duration ONE_SECOND_AND_DELIVERY_JITTER = Duration.ofMillis(1250);

    private final RateLimiter limiter;
    private final Timer waits;

    private ApiCallQuota(RateLimiter limiter, Timer waits) {
        this.limiter = limiter;
        this.waits = waits;
    }

    public static ApiCallQuota unlimited() {
        return new ApiCallQuota(null, null);
    }

    /**
     * @param maxCallsPerSecond the setting's text: empty or 0 for no limit, else a whole number of at least 2
     * @param maxCallers        how many threads can call at once (the lanes): the longest queue a caller meets
     */
    public static ApiCallQuota of(String maxCallsPerSecond, int maxCallers, MeterRegistry meters) {
        int perSecond = perSecond(maxCallsPerSecond);
        if (perSecond == 0) {
            return unlimited();
        }
        RateLimiter limiter = RateLimiter.of("meeting-api-quota", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(cycle(perSecond))
                .timeoutDuration(worstWait(perSecond, maxCallers))
                .build());
        Timer waits = Timer.builder(WAIT_METRIC)
                .description("Time calls to the Meeting API waited for this instance's share of the quota")
                .register(meters);
        return new ApiCallQuota(limiter, waits);
    }

    /** The longest one call can wait for its permit: zero when there is no limit (start-up time budget). */
    public static Duration worstWait(String maxCallsPerSecond, int maxCallers) {
        int perSecond = perSecond(maxCallsPerSecond);
        return perSecond == 0 ? Duration.ZERO : worstWait(perSecond, maxCallers);
    }

    /**
     * Waits for a permit for one call; throws {@code RequestNotPermitted} (call not sent) past the bound.
     * Returns how long it waited, in nanoseconds.
     */
    public long acquire() {
        if (limiter == null) {
            return 0;
        }
        long start = System.nanoTime();
        try {
            RateLimiter.waitForPermission(limiter);
        } finally {
            waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return System.nanoTime() - start;
    }

    /** {@link #acquire()} for the Meeting API request in flight; its span shows the wait. */
    public void acquireFor(Exchange exchange) {
        exchange.setProperty(FlowProperties.API_QUOTA_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(acquire()));
    }

    public boolean isLimited() {
        return limiter != null;
    }

    private static Duration cycle(int perSecond) {
        return ONE_SECOND_AND_DELIVERY_JITTER.dividedBy(perSecond - 1);
    }

    private static Duration worstWait(int perSecond, int maxCallers) {
        // every lane and one token request queued ahead, plus the rest of the current cycle
        return cycle(perSecond).multipliedBy(maxCallers + 2L);
    }

    private static int perSecond(String setting) {
        String text = setting == null ? "" : setting.trim();
        int perSecond = text.isEmpty() ? 0 : Integer.parseInt(text);
        if (perSecond < 0 || perSecond == 1) {
            // one call per second cannot be kept in every window by a per-cycle limiter (see above)
            throw new IllegalArgumentException(SETTING + " must be 0 (no limit) or at least 2, not " + perSecond);
        }
        return perSecond;
    }
}
