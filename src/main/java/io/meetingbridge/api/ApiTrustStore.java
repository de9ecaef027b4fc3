package io.meetingbridge.api;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * The certificates trusted for HTTPS to the Meeting API: the JVM's own by default, or a trust store of
 * the operator's (for a proxy or a private CA). Hostname and chain are verified either way.
 */
public final class ApiTrustStore {

    private ApiTrustStore() {
    }

    /** @param path empty for the JVM's default trust store, else a file path of a PKCS12 or JKS store */
    public static SSLContextParameters of(String path, String password, String type) {
        SSLContextParameters tls = new SSLContextParameters();
        if (path != null && !path.isBlank()) {
            KeyStoreParameters store = new KeyStoreParameters();
            store.setResource("file:" + path);
            store.setPassword(password == null || password.isEmpty() ? null : password);
            store.setType(type);
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setKeyStore(store);
            tls.setTrustManagers(trust);
        }
        return tls;
    }

    /** The TLS context of these parameters, for a client Camel does not build (the JDK HttpClient). */
    public static SSLContext sslContext(SSLContextParameters tls, CamelContext camelContext) {
        try {
            return tls.createSSLContext(camelContext);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load meeting.api.trust-store", e);
        }
    }
}
