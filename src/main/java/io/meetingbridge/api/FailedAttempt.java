package io.meetingbridge.api;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * What the bridge learns from each failed PUT attempt, before the retry policy decides: whether the
 * API looks down (the circuit) and when it asked to be called again (Retry-After).
 */
public final class FailedAttempt implements Processor {

    private final ApiCircuit circuit;
    private final RetryAfterDelay retryAfter;

    public FailedAttempt(ApiCircuit circuit, RetryAfterDelay retryAfter) {
        this.circuit = circuit;
        this.retryAfter = retryAfter;
    }

    @Override
    public void process(Exchange exchange) {
        circuit.onFailure(exchange);
        retryAfter.apply(exchange);
    }
}
