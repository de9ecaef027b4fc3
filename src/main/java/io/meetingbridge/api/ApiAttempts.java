package io.meetingbridge.api;

import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.failure.FailureClassifier;
import io.meetingbridge.flow.FlowProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What the bridge learns from each request to the Meeting API: it counts the attempts of the change in
 * flight (the DLQ's {@code dlq-attempts}), tells the circuit whether the API answered, and honours a
 * Retry-After. A failure before any request was sent (no access token, the circuit still open) is none
 * of these: it counts no attempt and says nothing about the API.
 */
public final class ApiAttempts implements Processor {

    private final ApiCircuit circuit;
    private final FailureClassifier classifier;
    private final RetryAfterDelay retryAfter;
    private final int maxTransientRetries;

    public ApiAttempts(ApiCircuit circuit, FailureClassifier classifier, RetryAfterDelay retryAfter,
                       int maxTransientRetries) {
        this.maxTransientRetries = maxTransientRetries;
        this.circuit = circuit;
        this.classifier = classifier;
        this.retryAfter = retryAfter;
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

    /** The API answered 2xx. */
    public void answered(Exchange exchange) {
        count(exchange);
        circuit.onCallFailed(false);
    }

    /**
     * Whether a transient failure may be retried: each change has its own count of these retries, apart
     * from the one retry after a 401, so neither uses up the other's.
     */
    public boolean transientRetryLeft(Exchange exchange) {
        return takeRetry(exchange, FlowProperties.TRANSIENT_RETRIES, maxTransientRetries);
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
