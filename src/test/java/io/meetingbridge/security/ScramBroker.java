package io.meetingbridge.security;

import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.FreePort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.awaitility.Awaitility;

/**
 * An embedded KRaft broker with one more listener, {@code SASL}, that accepts only SASL/SCRAM-SHA-256
 * clients. The test kit's own listeners (its bootstrap, the controller's) stay plaintext, so the test's
 * tools ({@link #kafka()}) work unchanged while the bridge is pointed at the SASL listener alone.
 */
final class ScramBroker implements AutoCloseable {

    static final String MECHANISM = "SCRAM-SHA-256";

    private final EmbeddedKafka kafka;
    private final int saslPort;

    private ScramBroker(EmbeddedKafka kafka, int saslPort) {
        this.kafka = kafka;
        this.saslPort = saslPort;
    }

    /**
     * The test kit binds the listeners it knows to port 0 but reports only its own; this one needs a known
     * port, picked free just before the broker binds it. Another process may take it in between: try again.
     */
    static ScramBroker start() {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOn(FreePort.loopback());
            } catch (IllegalStateException portTaken) {
                if (attempt == 3) {
                    throw portTaken;
                }
            }
        }
    }

    private static ScramBroker startOn(int saslPort) {
        EmbeddedKafka kafka = EmbeddedKafka.start(Map.of(
                "listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0,SASL://localhost:" + saslPort,
                "listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL:SASL_PLAINTEXT",
                "listener.name.sasl.sasl.enabled.mechanisms", MECHANISM,
                "listener.name.sasl.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
        return new ScramBroker(kafka, saslPort);
    }

    /** The broker through its plaintext listener, for the test's own admin, producer and consumer. */
    EmbeddedKafka kafka() {
        return kafka;
    }

    String saslBootstrapServers() {
        return "localhost:" + saslPort;
    }

    /** Adds a SCRAM user and waits until it can sign in on the SASL listener. */
    void addUser(String user, String password) throws Exception {
        kafka.admin().alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password))).all().get();
        try (Admin client = Admin.create(Map.of("bootstrap.servers", saslBootstrapServers(),
                "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaasConfig(user, password)))) {
            Awaitility.await("SCRAM user " + user + " can sign in").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> client.describeCluster().clusterId().get(5, TimeUnit.SECONDS) != null);
        }
    }

    static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        kafka.close();
    }
}
