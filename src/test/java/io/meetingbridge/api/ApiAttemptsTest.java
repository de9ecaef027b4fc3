package io.meetingbridge.api;

import io.meetingbridge.failure.ApiCircuit;
import io.meetingbridge.failure.ApiUnavailableException;
import io.meetingbridge.failure.FailureClassifier;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.flow.FlowProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The circuit hears only about requests that reached for the API; each change counts its own attempts and retries. */
@Timeout(10)
class ApiAttemptsTest {

    private final FailureClassifier classifier = new FailureClassifier("408,429,502,503,504");
    private final ApiCircuit circuit = new ApiCircuit(classifier, 50, 2, Duration.ofSeconds(30), Duration.ofMillis(50), 1);
    private final ApiAttempts attempts = new ApiAttempts(circuit, ApiCallQuota.unlimited(), classifier,
            new RetryAfterDelay(Duration.ofSeconds(1), Clock.systemUTC()), 3, "X-Access-Token");

    @Test
    void failuresThatSentNoRequestNeitherCountNorCloseTheCircuit() {
        attempts.process(failedWith(http(503)));
        attempts.process(failedWith(new AuthUnavailableException("auth service down", new IOException("reset"))));
        attempts.process(failedWith(new ApiUnavailableException("circuit open")));
        assertThat(circuit.describe()).isEqualTo("1 of the last 1 calls failed");

        attempts.process(failedWith(http(503)));
        assertThat(circuit.isOpen()).as("two transient failures of two calls").isTrue();
    }

    @Test
    void answersOtherThanTransientShowTheApiIsUp() {
        attempts.process(failedWith(http(400)));
        attempts.process(failedWith(http(500)));
        assertThat(circuit.describe()).isEqualTo("0 of the last 2 calls failed");
    }

    @Test
    void attemptsAndTheTwoKindsOfRetryAreCountedApart() {
        Exchange exchange = failedWith(http(503));
        attempts.process(exchange);
        attempts.process(exchange);
        assertThat(exchange.getProperty(FlowProperties.API_ATTEMPTS)).isEqualTo(2);
        assertThat(attempts.transientRetryLeft(exchange)).isTrue();
        assertThat(attempts.transientRetryLeft(exchange)).isTrue();
        assertThat(attempts.tokenRetryLeft(exchange)).as("a 401 after two transient retries").isTrue();
        assertThat(attempts.tokenRetryLeft(exchange)).as("only one").isFalse();
        assertThat(attempts.transientRetryLeft(exchange)).isTrue();
        assertThat(attempts.transientRetryLeft(exchange)).as("three transient retries at most").isFalse();
    }

    private static HttpOperationFailedException http(int status) {
        return new HttpOperationFailedException("http://api", status, "status", null, Map.of(), "{}");
    }

    private static Exchange failedWith(Exception failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(failure);
        return exchange;
    }
}
