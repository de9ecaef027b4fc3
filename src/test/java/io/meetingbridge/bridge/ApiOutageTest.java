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
                .set("bridge.api.max-in-flight", "4")
                .set("bridge.retry.redeliveries", "1")
                .set("bridge.retry.initial-delay-ms", "500")
                .set("bridge.circuit.minimum-calls", "4")
                .set("bridge.circuit.open-wait-ms", "300"));

        // readiness is also DOWN for a moment at start, until the series ledger is read
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> readiness().body().contains("meeting-api"));
        assertThat(readiness().statusCode()).isEqualTo(503);
        assertThat(readiness().body()).contains("meeting-api").contains("circuit");
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName delivery = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.DELIVERY_MBEAN);
        assertThat((String) jmx.getAttribute(delivery, "PausedReason")).contains("Meeting API circuit");
        long callsWhileDown = world.api.traffic().putCalls();

        world.api.faults().clearAll();
        world.awaitAllCommitted();

        assertThat(world.kafka.endOffsetSum(world.topics.deadLetter())).isZero();
        assertThat(world.occurrences()).hasSize(CHANGES * 8);
        assertThat(callsWhileDown).as("the circuit kept the API from being hammered").isLessThan(CHANGES * 2);
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> readiness().statusCode() == 200);
    }

    private HttpResponse<String> readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(world.bridge().managementUrl() + "/observe/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
