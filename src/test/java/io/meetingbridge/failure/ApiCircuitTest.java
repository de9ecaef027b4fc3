package io.meetingbridge.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The circuit opens on transient failures only, holds calls back for one open period, then lets probes through. */
@Timeout(10)
class ApiCircuitTest {

    private static final Duration OPEN_WAIT = Duration.ofMillis(300);

    private final FailureClassifier classifier = new FailureClassifier("503");
    private final ApiCircuit circuit = new ApiCircuit(classifier, 50, 2, Duration.ofSeconds(30), OPEN_WAIT, 1);

    @Test
    void aClosedCircuitLetsCallsThroughAndCallsNothingAnOutage() throws Exception {
        circuit.awaitPermission();
        assertThat(circuit.state()).isEqualTo("CLOSED");
        assertThat(circuit.isOpen()).isFalse();
        assertThat(circuit.isOutage(failedWith(503))).isFalse();
        assertThat(circuit.describe()).isEqualTo("0 of the last 0 calls failed");
    }

    @Test
    void halfTheCallsFailingTransientlyOpenItAndAnOpenCircuitMakesTransientFailuresAnOutage() {
        circuit.onCallFailed(false);
        circuit.onCallFailed(true);
        assertThat(circuit.state()).isEqualTo("OPEN");
        assertThat(circuit.isOutage(failedWith(503))).isTrue();
        assertThat(circuit.isOutage(failedWith(400))).as("the record's own fault").isFalse();
    }

    @Test
    void whileOpenACallWaitsOneOpenPeriodForAProbeSlot() throws Exception {
        circuit.onCallFailed(true);
        circuit.onCallFailed(true);

        long start = System.nanoTime();
        circuit.awaitPermission(); // the probe, once the open period is over
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(OPEN_WAIT.minusMillis(50));
        assertThat(circuit.state()).isEqualTo("HALF_OPEN");
        assertThat(circuit.isOpen()).as("not closed until the probe answers").isTrue();

        start = System.nanoTime();
        assertThatThrownBy(circuit::awaitPermission).as("one probe at a time").isInstanceOf(ApiUnavailableException.class)
                .hasMessageStartingWith("Meeting API circuit is HALF_OPEN: ");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(OPEN_WAIT);

        circuit.onCallFailed(false);
        assertThat(circuit.state()).as("the probe answered").isEqualTo("CLOSED");
    }

    private static Exchange failedWith(int status) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(new HttpOperationFailedException("http://api", status, "status", null, Map.of(), "{}"));
        return exchange;
    }
}
