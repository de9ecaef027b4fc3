package io.meetingbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server certificate made at test time with the JDK's own keytool (so no key material is checked
 * in), and a PKCS12 trust store that holds that certificate alone, as an operator would ship it.
 */
public final class SelfSignedCertificate {

    public static final String TRUST_STORE_PASSWORD = "trust-store-pass";
    public static final String KEY_STORE_PASSWORD = "key-store-pass";
    private static final String ALIAS = "meeting-api";

    private final Path keyStore;
    private final Path trustStore;

    private SelfSignedCertificate(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /** @param subjectAlternativeNames keytool's SAN syntax, e.g. {@code IP:127.0.0.1,DNS:localhost} */
    public static SelfSignedCertificate generate(Path dir, String name, String subjectAlternativeNames) throws IOException {
        Path keyStore = dir.resolve(name + "-server.p12");
        Path certificate = dir.resolve(name + ".pem");
        Path trustStore = dir.resolve(name + "-trust.p12");
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=" + subjectAlternativeNames,
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", KEY_STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", KEY_STORE_PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", TRUST_STORE_PASSWORD);
        return new SelfSignedCertificate(keyStore, trustStore);
    }

    /** The PKCS12 key store (private key and certificate, {@link #KEY_STORE_PASSWORD}) a server presents. */
    public Path keyStore() {
        return keyStore;
    }

    /** The trust store (certificate only, no private key) to give the bridge. */
    public Path trustStore() {
        return trustStore;
    }

    /** A TLS context that presents this certificate, for the simulator's HTTPS server. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore keys = load(keyStore, KEY_STORE_PASSWORD);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, KEY_STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return context;
    }

    /** A TLS context that trusts this certificate alone, for a client of that server. */
    public SSLContext clientContext() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(trustStore, TRUST_STORE_PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // keytool prompts for nothing when every password is given, so its output ends when it exits
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
