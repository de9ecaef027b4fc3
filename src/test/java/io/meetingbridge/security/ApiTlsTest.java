package io.meetingbridge.security;

import static io.meetingbridge.testing.BridgeFixture.WAIT;
import static io.meetingbridge.testing.BridgeFixture.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.SelfSignedCertificate;
import io.meetingbridge.testing.TestCredentials;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;
import org.apache.camel.Exchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to the Meeting API: the chain and the hostname are verified, and a custom trust store can be set. */
class ApiTlsTest {

    private static final String CONFERENCE = "914087436";
    /** The PUT attempts the retry policy may make for one record: the first and bridge.retry.redeliveries more. */
    private static final int ATTEMPTS_PER_RECORD = 4;

    @TempDir
    static Path certificates;
    private static SelfSignedCertificate loopback;
    private static SelfSignedCertificate otherHost;

    private final EmbeddedKafka kafka = EmbeddedKafka.shared();
    private final EmbeddedKafka.Topics topics = kafka.createTopics(1);
    private MeetingApiSimulator api;
    private RunningBridge bridge;

    @BeforeAll
    static void makeCertificates() throws Exception {
        loopback = SelfSignedCertificate.generate(certificates, "loopback", "IP:127.0.0.1,DNS:localhost");
        otherHost = SelfSignedCertificate.generate(certificates, "other-host", "DNS:example.invalid");
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void untrustedCertificateHoldsTheChangeBackUncommittedUntilTheTrustStoreIsConfigured() throws Exception {
        api = httpsSimulator(loopback);
        bridge = startBridge(UnaryOperator.identity());
        publishChange("tls-held-back");

        OperatorView operator = new OperatorView(bridge);
        awaitMoreFailedSignInsThanOneRecordsAttempts(operator);
        assertNothingCommittedNothingDeadLettered();
        HttpResponse<String> readiness = operator.readiness();
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("access-token").contains("SSLHandshakeException");
        assertThat((String) operator.tokenAttribute("LastFailureReason")).contains("SSLHandshakeException");
        assertThat(api.traffic().authCalls()).as("no request gets past the TLS handshake").isZero();

        bridge.close();
        bridge = startBridge(trusting(loopback));
        Awaitility.await("the held-back change is committed").atMost(WAIT)
                .until(() -> kafka.committedOffsetSum(group(), topics.changes()) == 1);
        List<ConsumerRecord<byte[], byte[]>> occurrences = kafka.read(topics.occurrences(), 8, WAIT);
        assertThat(occurrences).hasSize(8)
                .allSatisfy(r -> assertThat(header(r, "meeting-change-id")).isEqualTo("tls-held-back"));
        assertThat(kafka.endOffsetSum(topics.occurrences())).isEqualTo(8);
        assertThat(kafka.endOffsetSum(topics.deadLetter())).isZero();
        assertThat(api.traffic().putCalls(CONFERENCE)).isEqualTo(1);
        assertThat(new OperatorView(bridge).readiness().statusCode()).isEqualTo(200);
    }

    @Test
    void trustedCertificateOfAnotherHostIsRefusedByTheAuthenticationAndThePutClients() throws Exception {
        api = httpsSimulator(otherHost);
        bridge = startBridge(trusting(otherHost));
        publishChange("tls-wrong-host");

        OperatorView operator = new OperatorView(bridge);
        awaitMoreFailedSignInsThanOneRecordsAttempts(operator);
        assertNothingCommittedNothingDeadLettered();
        assertThat(operator.readiness().statusCode()).isEqualTo(503);
        assertThat((String) operator.tokenAttribute("LastFailureReason")).contains("SSLHandshakeException");
        assertThat(api.traffic().authCalls()).as("no request gets past the TLS handshake").isZero();

        // authentication fails first, so the PUT's client is asked directly: the bridge's https component as configured
        Exchange put = bridge.context().createProducerTemplate().request(
                api.baseUri() + "/v1/mmc/management/cycleconferences?httpMethod=PUT",
                exchange -> exchange.getMessage().setBody("{}"));
        assertThat(put.getException()).isNotNull();
        assertThat(causes(put.getException())).anySatisfy(cause -> assertThat(cause)
                .isInstanceOf(SSLException.class)
                .extracting(Throwable::getMessage, InstanceOfAssertFactories.STRING)
                .as("refused for the name, not for the chain").contains("127.0.0.1"));
        assertThat(api.traffic().putCalls()).isZero();
    }

    /** Had the failed sign-ins been charged to the record like failed PUTs, it would be dead-lettered by then. */
    private void awaitMoreFailedSignInsThanOneRecordsAttempts(OperatorView operator) {
        Awaitility.await("authentication keeps failing").atMost(WAIT)
                .until(() -> operator.authenticationFailures() > ATTEMPTS_PER_RECORD
                        || kafka.endOffsetSum(topics.deadLetter()) > 0);
    }

    private void assertNothingCommittedNothingDeadLettered() {
        assertThat(kafka.endOffsetSum(topics.deadLetter())).as("records dead-lettered").isZero();
        assertThat(kafka.committedOffsetSum(group(), topics.changes())).as("input records committed").isZero();
        assertThat(kafka.endOffsetSum(topics.occurrences())).as("occurrences published").isZero();
    }

    private MeetingApiSimulator httpsSimulator(SelfSignedCertificate certificate) throws Exception {
        return MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY)
                .https(certificate.serverContext()).start();
    }

    private RunningBridge startBridge(UnaryOperator<RunningBridge.Builder> settings) {
        return settings.apply(RunningBridge.with(kafka, topics, api.baseUri().toString())
                .set("bridge.retry.redeliveries", Integer.toString(ATTEMPTS_PER_RECORD - 1))).start();
    }

    private static UnaryOperator<RunningBridge.Builder> trusting(SelfSignedCertificate certificate) {
        return settings -> settings.set("meeting.api.trust-store", certificate.trustStore().toString())
                .set("meeting.api.trust-store-password", SelfSignedCertificate.TRUST_STORE_PASSWORD)
                .set("meeting.api.trust-store-type", "PKCS12");
    }

    private void publishChange(String changeId) {
        kafka.send(topics.changes(), List.of(SampleChanges.keyed(topics.changes(), CONFERENCE,
                SampleChanges.weekly(changeId, CONFERENCE))));
    }

    private String group() {
        return "bridge-" + topics.changes();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
