package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.SelfSignedCertificate;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsSimulatorTest {

    private static SelfSignedCertificate certificate;

    /** A throw-away self-signed certificate for 127.0.0.1. */
    @BeforeAll
    static void createCertificate(@TempDir Path directory) throws IOException {
        certificate = SelfSignedCertificate.generate(directory, "simulator", "IP:127.0.0.1");
    }

    @Test
    void servesTheApiOverHttpsWithTheGivenContext() throws IOException, GeneralSecurityException {
        try (MeetingApiSimulator simulator = MeetingApiSimulator.builder()
                .credential(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY)
                .https(certificate.serverContext())
                .start()) {
            HttpClient https = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
            SimulatorTestClient client = new SimulatorTestClient(simulator.baseUri(), https);

            assertThat(simulator.baseUri().getScheme()).isEqualTo("https");
            assertThat(client.putSeries(client.accessToken()).statusCode()).isEqualTo(200);
        }
    }
}
