package io.meetingbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The quota's arithmetic and its permits, without a bridge (the running bridge's share of the quota is
 * bridge/ApiCallQuotaTest): cycles of 1.25 s / (N - 1), a wait bounded by every caller queued ahead.
 */
@Timeout(30)
class ApiCallQuotaPermitsTest {

    @Test
    void noLimitMeansNoWait() {
        assertThat(ApiCallQuota.worstWait("", 32)).isZero();
        assertThat(ApiCallQuota.worstWait(" 0 ", 32)).isZero();
        assertThat(ApiCallQuota.worstWait(null, 32)).isZero();
        assertThat(ApiCallQuota.of("0", 4, new SimpleMeterRegistry()).isLimited()).isFalse();
        ApiCallQuota.unlimited().acquire();
    }

    @Test
    void theWorstWaitIsACycleForEveryLaneAndATokenRequestAheadAndTheCurrentOne() {
        // 21 a second: cycles of 1250 / 20 = 62.5 ms; 30 lanes + a token request + the current cycle = 32 cycles
        assertThat(ApiCallQuota.worstWait("21", 30)).isEqualTo(Duration.ofMillis(2000));
        assertThat(ApiCallQuota.worstWait("2", 0)).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void oneOrANegativeNumberIsRefused() {
        assertThatThrownBy(() -> ApiCallQuota.worstWait("1", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bridge.api.max-calls-per-second must be 0 (no limit) or at least 2, not 1");
        assertThatThrownBy(() -> ApiCallQuota.of("-5", 4, new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("not -5");
    }

    @Test
    void callsBeyondTheQuotaWaitAndEachWaitIsTimed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ApiCallQuota quota = ApiCallQuota.of("6", 8, meters); // a permit every 250 ms
        assertThat(quota.isLimited()).isTrue();

        long start = System.nanoTime();
        long returnedWaits = 0;
        for (int i = 0; i < 4; i++) {
            returnedWaits += quota.acquire();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("the first permit at once, then one a cycle").isGreaterThanOrEqualTo(Duration.ofMillis(2 * 250));
        assertThat(meters.get(ApiCallQuota.WAIT_METRIC).timer().count()).isEqualTo(4);
        assertThat(meters.get(ApiCallQuota.WAIT_METRIC).timer().totalTime(TimeUnit.NANOSECONDS))
                .as("the waits, no more").isBetween((double) Duration.ofMillis(2 * 250 - 50).toNanos(), (double) took.toNanos());
        assertThat(returnedWaits).as("each call's own wait, for its span")
                .isBetween(Duration.ofMillis(2 * 250 - 50).toNanos(), took.toNanos());
    }

    @Test
    void aCallerWhoseQueueOutlastsTheBoundIsRefusedWithoutACall() throws Exception {
        // 1.25 s cycles and no lane: a wait of two cycles at most. Of four callers at once, the first gets this
        // cycle's permit, the next two the following cycles' permits, the fourth would wait past the bound
        ApiCallQuota quota = ApiCallQuota.of("2", 0, new SimpleMeterRegistry());
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(quota::acquire));
            }
            int refused = 0;
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(RequestNotPermitted.class);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(1);
        } finally {
            callers.shutdownNow();
        }
    }
}
