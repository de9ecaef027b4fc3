package io.meetingbridge.security;

import static io.meetingbridge.testing.BridgeFixture.WAIT;
import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kafka security passes through the camel.component.kafka.* settings: the bridge works on a SASL/SCRAM listener. */
class KafkaSaslTest {

    private static final String BRIDGE_USER = "meeting-bridge";
    private static final String BRIDGE_PASSWORD = "bridge-scram-secret-8d41";
    private static final String CONFERENCE = "731731";
    /**
     * Kafka's own reconnect backoff (50 ms, doubling) allows about seven sign-ins in the few seconds
     * watched; a consumer recreated in a loop would make dozens.
     */
    private static final int MOST_SIGN_INS_WITHOUT_A_STORM = 10;

    private static EmbeddedKafka broker;
    private EmbeddedKafka.Topics topics;
    private MeetingApiSimulator api;
    private RunningBridge bridge;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafka.withScram();
        broker.addScramUser(BRIDGE_USER, BRIDGE_PASSWORD);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void start() throws Exception {
        topics = broker.createTopics(1);
        api = MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start();
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        api.close();
    }

    @Test
    void bridgeSigningInWithScramConsumesAppliesAndPublishesWithoutShowingItsPassword() {
        Map<String, String> captured = new LinkedHashMap<>();
        try (LogCapture logs = LogCapture.open("io.meetingbridge", "org.apache.camel")) {
            bridge = startBridge(BRIDGE_PASSWORD);
            publishChange("sasl-applied");

            Awaitility.await("the change is committed").atMost(WAIT)
                    .until(() -> broker.committedOffsetSum(group(), topics.changes()) == 1);
            assertThat(broker.read(topics.occurrences(), 8, WAIT)).hasSize(8)
                    .allSatisfy(r -> assertThat(header(r, "meeting-change-id")).isEqualTo("sasl-applied"));
            assertThat(broker.endOffsetSum(topics.occurrences())).isEqualTo(8);
            assertThat(broker.endOffsetSum(topics.deadLetter())).isZero();
            assertThat(api.traffic().putCalls(CONFERENCE)).isEqualTo(1);

            captured.put("JMX", JmxAttributes.readAll());
            captured.put("health", new OperatorView(bridge)
                    .get("/observe/health?exposureLevel=full&stackTrace=true&data=true").body());
            bridge.close();
            bridge = null;
            captured.put("logs", logs.text());
        }
        assertThat(captured.get("logs")).contains("Applied change sasl-applied");
        assertThat(captured.get("health")).contains("consumer:consume-changes").contains(topics.changes());
        assertThat(LeakScan.find(Map.of("Kafka password", BRIDGE_PASSWORD), captured)).isEmpty();
    }

    @Test
    void bridgeWithAWrongPasswordConsumesNothingAndStaysUpWithoutARetryStorm() {
        try (LogCapture logs = LogCapture.open()) {
            bridge = startBridge("not-the-password");
            publishChange("sasl-refused");

            Awaitility.await("the consumer's sign-in is refused").atMost(WAIT)
                    .until(() -> failedConsumerSignIns(logs) >= 1);
            Awaitility.await("nothing consumed, no crash, no storm").atMost(Duration.ofSeconds(6))
                    .during(Duration.ofSeconds(4))
                    .until(() -> broker.committedOffsetSum(group(), topics.changes()) == 0
                            && bridge.context().getStatus() == ServiceStatus.Started
                            && bridge.context().getRouteController().getRouteStatus("consume-changes")
                                    == ServiceStatus.Started
                            && failedConsumerSignIns(logs) <= MOST_SIGN_INS_WITHOUT_A_STORM);
        }
        assertThat(broker.endOffsetSum(topics.occurrences())).isZero();
        assertThat(broker.endOffsetSum(topics.deadLetter())).isZero();
        assertThat(api.traffic().authCalls() + api.traffic().putCalls()).isZero();
        HttpResponse<String> readiness = new OperatorView(bridge).readiness();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("consumer:consume-changes");
    }

    private static long failedConsumerSignIns(LogCapture logs) {
        return logs.lines().stream()
                .filter(line -> line.contains("[Consumer clientId=") && line.contains("failed authentication")).count();
    }

    private RunningBridge startBridge(String password) {
        return RunningBridge.with(broker, topics, api.baseUri().toString())
                .set("kafka.bootstrap-servers", broker.saslBootstrapServers())
                .set("camel.component.kafka.security-protocol", "SASL_PLAINTEXT")
                .set("camel.component.kafka.sasl-mechanism", EmbeddedKafka.SCRAM_MECHANISM)
                .set("camel.component.kafka.sasl-jaas-config", EmbeddedKafka.scramJaasConfig(BRIDGE_USER, password))
                .start();
    }

    private void publishChange(String changeId) {
        broker.send(topics.changes(), List.of(SampleChanges.keyed(topics.changes(), CONFERENCE,
                SampleChanges.weekly(changeId, CONFERENCE))));
    }

    private String group() {
        return "bridge-" + topics.changes();
    }
}
