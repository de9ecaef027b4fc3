package io.meetingbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.events.EventReceiver;
import io.meetingbridge.simulator.EventPusher;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** With a key store configured, the events receiver speaks HTTPS only (Huawei pushes to HTTPS URLs). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EventsOverHttpsTest {

    @TempDir
    Path dir;

    @Test
    void theReceiverServesHttpsWithTheConfiguredKeyStore() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, "events", "IP:127.0.0.1");
        Path key = Files.writeString(dir.resolve("subscriber.key"), "https-subscriber-key");
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedKafka.Topics topics = kafka.createTopics(1);
        String events = "events-" + topics.changes();
        kafka.createTopic(events, 1);
        try (RunningBridge bridge = RunningBridge.with(kafka, topics, "http://127.0.0.1:9")
                .set("bridge.topics.events", events).set("bridge.events.enabled", "true")
                .set("bridge.events.host", "127.0.0.1").set("bridge.events.port", "0")
                .set("bridge.events.subscriber-id", "https-subscriber")
                .set("bridge.events.subscriber-key-file", key.toString())
                .set("bridge.events.key-store", certificate.keyStore().toString())
                .set("bridge.events.key-store-password", SelfSignedCertificate.KEY_STORE_PASSWORD).start()) {
            int port = bridge.context().hasService(EventReceiver.class).port();
            String info = EventPusher.eventInfo("meeting.started", 1L, "917001", "uuid-917001", null);

            EventPusher overTls = new EventPusher(HttpClient.newBuilder().sslContext(trusting(certificate)).build(),
                    URI.create("https://127.0.0.1:" + port + "/meeting/events"), "https-subscriber",
                    "https-subscriber-key", List.of(), Clock.systemUTC());
            assertThat(overTls.pushOnce(info).statusCode()).isEqualTo(200);

            EventPusher plain = new EventPusher(HttpClient.newHttpClient(),
                    URI.create("http://127.0.0.1:" + port + "/meeting/events"), "https-subscriber",
                    "https-subscriber-key", List.of(), Clock.systemUTC());
            assertThatThrownBy(() -> plain.pushOnce(info)).isInstanceOf(IOException.class);
            assertThat(kafka.endOffsetSum(events)).isEqualTo(1);
        }
    }

    private static SSLContext trusting(SelfSignedCertificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.trustStore())) {
            trusted.load(in, SelfSignedCertificate.TRUST_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
