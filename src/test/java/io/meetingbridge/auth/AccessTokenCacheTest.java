package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.MutableClock;
import io.meetingbridge.testing.TestCredentials;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

    private MeetingApiSimulator api;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void start() throws Exception {
        api = MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY)
                .tokenValidity(Duration.ofHours(12)).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private AccessTokenCache cache(String appKey) {
        AppAuthClient client = new AppAuthClient(HttpClient.newHttpClient(), api.baseUri().toString(),
                new AppCredentials(TestCredentials.APP_ID, appKey, "u1"), Duration.ofSeconds(5), clock);
        return new AccessTokenCache(client, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofSeconds(1), clock);
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpires() throws Exception {
        AccessTokenCache tokens = cache(TestCredentials.APP_KEY);
        String first = tokens.token();
        clock.advance(Duration.ofHours(11).plusMinutes(54));
        assertThat(tokens.token()).isEqualTo(first);
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokens.token()).isNotEqualTo(first);
        assertThat(api.traffic().authCalls()).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentCallersAtExpiryCauseExactlyOneRefresh() throws Exception {
        AccessTokenCache tokens = cache(TestCredentials.APP_KEY);
        tokens.token();
        clock.advance(Duration.ofHours(12));

        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Callable<String> call = () -> {
                    go.await();
                    return tokens.token();
                };
                calls.add(pool.submit(call));
            }
            go.countDown();
            for (Future<String> call : calls) {
                seen.add(call.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(1);
        assertThat(api.traffic().authCalls()).isEqualTo(2);
        assertThat(tokens.authentications()).isEqualTo(2);
    }

    @Test
    void wrongKeyIsReportedWithoutTheKeyAndWithoutRetryingAtOnce() {
        AccessTokenCache tokens = cache("not-the-key");
        assertThatThrownBy(tokens::token).isInstanceOf(AuthUnavailableException.class)
                .hasMessageContaining("HTTP 401").hasMessageNotContaining("not-the-key");
        assertThat(tokens.currentFailure()).contains("401");
        assertThat(tokens.validUntil()).isNull();
        assertThat(api.traffic().authCalls()).isEqualTo(1);
    }

    @Test
    void twoRequestsRejectedWithTheSameTokenCauseOneNewToken() throws Exception {
        AccessTokenCache tokens = cache(TestCredentials.APP_KEY);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange first = new DefaultExchange(camel);
            Exchange second = new DefaultExchange(camel);
            tokens.authorize(first);
            tokens.authorize(second);
            String rejected = first.getMessage().getHeader(AccessTokenCache.HEADER, String.class);

            tokens.reauthorize(first);
            tokens.reauthorize(second);

            String fresh = first.getMessage().getHeader(AccessTokenCache.HEADER, String.class);
            assertThat(fresh).isNotEqualTo(rejected);
            assertThat(second.getMessage().getHeader(AccessTokenCache.HEADER, String.class)).isEqualTo(fresh);
            assertThat(api.traffic().authCalls()).isEqualTo(2);

            tokens.invalidate();
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                assertThat(other.submit(tokens::token).get(10, TimeUnit.SECONDS)).as("another thread gets the lock")
                        .isNotEqualTo(fresh);
            } finally {
                other.shutdownNow();
            }
        }
    }

    @Test
    void failuresInARowWaitTwiceAsLongEachUpToTheCapAndASuccessResetsThem() throws Exception {
        AccessTokenCache tokens = cache(TestCredentials.APP_KEY);
        api.faults().failAuth(503);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            assertThatThrownBy(tokens::token).isInstanceOf(AuthUnavailableException.class);
            waits.add(Duration.ofNanos(System.nanoTime() - start));
        }
        // 0, then 100 ms doubling: 100, 200, 400, 800, and the 1 s cap where doubling would make 1.6 s
        long[] least = {0, 100, 200, 400, 800, 1000};
        for (int i = 1; i < least.length; i++) {
            assertThat(waits.get(i)).as("wait %d of %s", i, waits).isGreaterThanOrEqualTo(Duration.ofMillis(least[i]));
        }
        assertThat(waits.get(5)).as("capped at 1 s, %s", waits).isLessThan(Duration.ofMillis(1600));
        assertThat(tokens.failures()).isEqualTo(6);
        assertThat(tokens.lastFailureAt()).isEqualTo(clock.instant());
        assertThat(tokens.obtainedAt()).isNull();

        api.faults().clearAuthFailure();
        clock.advance(Duration.ofSeconds(2));
        long start = System.nanoTime();
        tokens.token();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the back-off is over").isLessThan(Duration.ofMillis(1000));
        assertThat(tokens.currentFailure()).isNull();
        assertThat(tokens.obtainedAt()).isEqualTo(clock.instant());
        assertThat(tokens.validUntil()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));

        api.faults().failAuth(503);
        tokens.invalidate();
        start = System.nanoTime();
        assertThatThrownBy(tokens::token).isInstanceOf(AuthUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a success starts the count afresh")
                .isLessThan(Duration.ofMillis(1000));
    }
}
