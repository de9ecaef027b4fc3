package io.meetingbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.ops.BridgeManagement;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiOutageTest {

    private static final int CHANGES = 40;
    private static final int MAX_IN_FLIGHT = 4;
    private static final int REDELIVERIES = 3;
    private static final Duration OPEN_WAIT = Duration.ofSeconds(1);
    private static final int PROBE_CALLS = 1;
    /** How long the test watches the open circuit: a few of its probe periods. */
    private static final Duration WATCHED = OPEN_WAIT.multipliedBy(4);

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1);

    @Test
    void sustainedOutagePausesConsumptionInsteadOfDrainingTheInputIntoTheDeadLetterTopic() throws Exception {
        world.api.faults().failNextPuts(Integer.MAX_VALUE, ApiResponse.error(503, "MMC.111070003", "down"));
        List<ProducerRecord<byte[], byte[]>> changes = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            changes.add(SampleChanges.keyed(world.topics.changes(), "7" + i, SampleChanges.weekly("outage-" + i, "7" + i)));
        }
        world.publish(changes);
        // all changes wait in one batch, and every lane's first attempt fails before any retry is due: the
        // circuit has seen its minimum number of failures before the first record runs out of retries
        world.startBridge(s -> s
                .set("bridge.api.max-in-flight", Integer.toString(MAX_IN_FLIGHT))
                .set("bridge.retry.redeliveries", Integer.toString(REDELIVERIES))
                .set("bridge.retry.initial-delay-ms", "100")
                .set("bridge.circuit.minimum-calls", "4")
                .set("bridge.circuit.open-wait-ms", Long.toString(OPEN_WAIT.toMillis()))
                .set("bridge.circuit.probe-calls", Integer.toString(PROBE_CALLS)));

        // readiness is also DOWN for a moment at start, until the series ledger is read
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> readiness().body().contains("meeting-api"));
        assertThat(readiness().statusCode()).isEqualTo(503);
        assertThat(readiness().body()).contains("meeting-api").contains("circuit");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName delivery = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.DELIVERY_MBEAN);
        assertThat((String) jmx.getAttribute(delivery, "PausedReason")).contains("Meeting API circuit");

        long callsBefore = world.api.traffic().putCalls();
        long watchStart = System.nanoTime();
        Awaitility.await("the circuit stays open while the API fails").during(WATCHED).atMost(WATCHED.plus(BridgeFixture.WAIT))
                .until(() -> jmx.getAttribute(delivery, "PausedReason") != null);
        long callsWhileOpen = world.api.traffic().putCalls() - callsBefore;
        long probePeriods = Duration.ofNanos(System.nanoTime() - watchStart).dividedBy(OPEN_WAIT) + 1;
        // the circuit's probes, and the calls let through just before it opened; a retry asks the circuit again
        long allowed = probePeriods * PROBE_CALLS + MAX_IN_FLIGHT;

        world.api.faults().clearAll();
        world.awaitAllCommitted();

        assertThat(world.kafka.endOffsetSum(world.topics.deadLetter())).isZero();
        assertThat(world.occurrences()).hasSize(CHANGES * 8);
        assertThat(callsWhileOpen).as("calls while the circuit was open for %d probe periods", probePeriods)
                .isLessThanOrEqualTo(allowed);
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> readiness().statusCode() == 200);
    }

    private HttpResponse<String> readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(world.bridge().managementUrl() + "/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
