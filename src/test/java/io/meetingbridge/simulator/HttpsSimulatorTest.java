package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsSimulatorTest {

    private static final char[] PASSWORD = "simulator-test".toCharArray();

    private static KeyStore keyStore;

    /** A throw-away self-signed certificate for 127.0.0.1, made by the JDK's own keytool. */
    @BeforeAll
    static void createCertificate(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("simulator.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "simulator", "-keyalg", "EC", "-keysize", "256", "-validity", "1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, PASSWORD);
        }
    }

    private static SSLContext serverContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContextTrustingTheCertificate() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void servesTheApiOverHttpsWithTheGivenContext() throws IOException, GeneralSecurityException {
        try (MeetingApiSimulator simulator = MeetingApiSimulator.builder()
                .credential(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY)
                .https(serverContext())
                .start()) {
            HttpClient https = HttpClient.newBuilder().sslContext(clientContextTrustingTheCertificate()).build();
            SimulatorTestClient client = new SimulatorTestClient(simulator.baseUri(), https);

            assertThat(simulator.baseUri().getScheme()).isEqualTo("https");
            assertThat(client.putSeries(client.accessToken()).statusCode()).isEqualTo(200);
        }
    }
}
