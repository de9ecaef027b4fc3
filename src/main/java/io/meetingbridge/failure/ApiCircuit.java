package io.meetingbridge.failure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Resilience4j circuit breaker over the PUTs. Transient failures (timeouts, refused connections,
 * 408/429/5xx listed as transient) count against the API; any other answer, 4xx or 500 included,
 * shows it is up. While the circuit is open, a change waits for the next probe instead of calling,
 * and its batch is retried later: consumption pauses until the API answers again.
 */
public final class ApiCircuit {

    private static final Logger LOG = LoggerFactory.getLogger(ApiCircuit.class);

    private final CircuitBreaker breaker;
    private final FailureClassifier classifier;
    private final Duration openWait;

    public ApiCircuit(FailureClassifier classifier, float failureRatePercent, int minimumCalls, Duration window,
                      Duration openWait, int probeCalls) {
        this.classifier = classifier;
        this.openWait = openWait;
        this.breaker = CircuitBreaker.of("meeting-api", CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRatePercent)
                .minimumNumberOfCalls(minimumCalls)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .slidingWindowSize((int) Math.max(1, window.toSeconds()))
                .waitDurationInOpenState(openWait)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(probeCalls)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("Meeting API circuit {}: {}",
                event.getStateTransition(), describe()));
    }

    /** Lets a PUT through, or waits up to one open period for a probe slot, then gives up on the batch. */
    public void awaitPermission() throws ApiUnavailableException, InterruptedException {
        long deadline = System.nanoTime() + openWait.toNanos();
        while (!breaker.tryAcquirePermission()) {
            if (System.nanoTime() >= deadline) {
                throw new ApiUnavailableException("Meeting API circuit is " + breaker.getState() + ": " + describe());
            }
            TimeUnit.MILLISECONDS.sleep(Math.min(200, openWait.toMillis()));
        }
    }

    /**
     * The outcome of one request that reached for the API: held against it only when transient (no answer,
     * or a status listed as transient); any other answer, 4xx and 500 included, shows the API is up.
     */
    public void onCallFailed(boolean transientFailure) {
        if (transientFailure) {
            breaker.onError(0, TimeUnit.MILLISECONDS, new ApiUnavailableException("transient failure of a call"));
        } else {
            breaker.onSuccess(0, TimeUnit.MILLISECONDS);
        }
    }

    /** A transient failure that exhausted its retries while the whole API looks down: not the record's fault. */
    public boolean isOutage(Exchange exchange) {
        return isOpen() && classifier.isTransient(exchange);
    }

    public boolean isOpen() {
        return breaker.getState() != CircuitBreaker.State.CLOSED;
    }

    public String state() {
        return breaker.getState().name();
    }

    public String describe() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        return String.format("%d of the last %d calls failed", metrics.getNumberOfFailedCalls(),
                metrics.getNumberOfBufferedCalls());
    }
}
