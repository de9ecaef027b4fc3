package io.meetingbridge.api;

import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.failure.ApiUnavailableException;
import io.meetingbridge.failure.FailureClassifier;
import io.meetingbridge.flow.FlowProperties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Each attempt of a request to the Meeting API: it lets the attempt through the circuit and the quota, and learns
 * from it: it counts the attempts of the change in flight (the DLQ's {@code dlq-attempts}), tells the circuit
 * whether the API answered, and honours a Retry-After. A failure before any request was sent (no access token,
 * the circuit still open) is none of these: it counts no attempt and says nothing about the API.
 */
public final class ApiAttempts implements Processor {

    private final ApiCircuit circuit;
    private final ApiCallQuota quota;
    private final FailureClassifier classifier;
    private final RetryAfterDelay retryAfter;
    private final int maxTransientRetries;
    private final String credentialHeader;

    /** @param credentialHeader the request's header that carries the access token, forgotten once answered */
    public ApiAttempts(ApiCircuit circuit, ApiCallQuota quota, FailureClassifier classifier, RetryAfterDelay retryAfter,
                       int maxTransientRetries, String credentialHeader) {
        this.maxTransientRetries = maxTransientRetries;
        this.circuit = circuit;
        this.quota = quota;
        this.classifier = classifier;
        this.retryAfter = retryAfter;
        this.credentialHeader = credentialHeader;
    }

    /** The error handler's hook for every failed step of a call, before the retry policy decides. */
    @Override
    public void process(Exchange exchange) {
        if (classifier.isCallFailure(exchange)) {
            count(exchange);
            circuit.onCallFailed(classifier.isTransient(exchange));
        }
        retryAfter.apply(exchange);
    }

    /**
     * Lets an attempt through the circuit (a change waits for the next probe while the API is down), then takes
     * its own permit of the quota, noting both waits for the request's span.
     */
    public void admit(Exchange exchange) throws ApiUnavailableException, InterruptedException {
        long start = System.nanoTime();
        circuit.awaitPermission();
        exchange.setProperty(FlowProperties.API_CIRCUIT_WAIT_MS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        quota.acquireFor(exchange);
    }

    /** The API answered 2xx: the token is no longer needed on the exchange. */
    public void answered(Exchange exchange) {
        exchange.getMessage().removeHeader(credentialHeader);
        count(exchange);
        circuit.onCallFailed(false);
    }

    /**
     * Whether a transient failure may be retried: each change has its own count of these retries, apart
     * from the one retry after a 401, so neither uses up the other's.
     */
    public boolean transientRetryLeft(Exchange exchange) {
        if (isCreate(exchange)) {
            return false; // never sent again blindly: see createRetryLeft
        }
        return takeRetry(exchange, FlowProperties.TRANSIENT_RETRIES, maxTransientRetries);
    }

    /**
     * Whether a create whose POST failed transiently (no answer, or a status worth retrying) may try again.
     * The API may have made the series all the same, so the POST is not repeated as it is: the series is
     * looked for first, as after a crash, and the POST is sent again only when none was made. It takes
     * its retry from the change's count of transient retries.
     */
    public boolean createRetryLeft(Exchange exchange) {
        return classifier.isTransient(exchange) && takeRetry(exchange, FlowProperties.TRANSIENT_RETRIES, maxTransientRetries);
    }

    /** The only POST among the meeting calls is the create of a series. */
    private static boolean isCreate(Exchange exchange) {
        return "POST".equals(exchange.getProperty(FlowProperties.API_METHOD, String.class));
    }

    /** Whether the one retry with a fresh token after a 401 is still to be made. */
    public boolean tokenRetryLeft(Exchange exchange) {
        return takeRetry(exchange, FlowProperties.TOKEN_RETRIES, 1);
    }

    private static boolean takeRetry(Exchange exchange, String counter, int allowed) {
        Integer used = exchange.getProperty(counter, Integer.class);
        int before = used == null ? 0 : used;
        if (before >= allowed) {
            return false;
        }
        exchange.setProperty(counter, before + 1);
        return true;
    }

    private static void count(Exchange exchange) {
        Integer before = exchange.getProperty(FlowProperties.API_ATTEMPTS, Integer.class);
        exchange.setProperty(FlowProperties.API_ATTEMPTS, before == null ? 1 : before + 1);
    }
}
