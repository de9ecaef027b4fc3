package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.ApiCallQuota;
import io.meetingbridge.failure.MeetingApiError;
import io.meetingbridge.failure.TenantRefusedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * Obtains an access token with App ID authentication ({@code POST /v2/usg/acs/auth/appauth}): the enterprise's
 * own, or in SP mode one enterprise's ({@link #forTenant}), signed and sent as facts §7 says.
 */
public final class AppAuthClient {

    static final String PATH = "/v2/usg/acs/auth/appauth";
    private static final int CLIENT_TYPE_API_CALLER = 72;
    /** How long the signed request stays acceptable, as the official SDK does. */
    private static final Duration SIGNATURE_VALIDITY = Duration.ofMinutes(10);

    private final HttpClient http;
    private final URI endpoint;
    private final AppCredentials credentials;
    private final Duration timeout;
    private final Clock clock;
    private final ApiCallQuota quota;
    private final AuthHeaderForm headerForm;
    /** SP mode: the enterprise whose token this client obtains; null for the App's own enterprise. */
    private final String corpId;
    private final ObjectMapper json = new ObjectMapper();

    public AppAuthClient(HttpClient http, String baseUrl, AppCredentials credentials, Duration timeout, Clock clock) {
        this(http, baseUrl, credentials, timeout, clock, ApiCallQuota.unlimited(), AuthHeaderForm.DOCUMENTED);
    }

    /** @param quota authentication counts against the API's quota like any other call */
    public AppAuthClient(HttpClient http, String baseUrl, AppCredentials credentials, Duration timeout, Clock clock,
                         ApiCallQuota quota, AuthHeaderForm headerForm) {
        this(http, URI.create(baseUrl.replaceAll("/+$", "") + PATH), credentials, timeout, clock, quota, headerForm,
                null);
    }

    private AppAuthClient(HttpClient http, URI endpoint, AppCredentials credentials, Duration timeout, Clock clock,
                          ApiCallQuota quota, AuthHeaderForm headerForm, String corpId) {
        this.quota = quota;
        this.http = http;
        this.endpoint = endpoint;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.headerForm = headerForm;
        this.corpId = corpId;
    }

    /** SP mode: a client for one enterprise's tokens, sharing this one's connection, credentials and quota. */
    public AppAuthClient forTenant(String tenant) {
        return new AppAuthClient(http, endpoint, credentials, timeout, clock, quota, headerForm, tenant);
    }

    /** The JDK client authentication runs on, with the TLS the PUTs use. */
    public static HttpClient httpClient(SSLContext tls, Duration connectTimeout) {
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout).build();
    }

    public AccessToken authenticate() throws AuthUnavailableException {
        if (credentials.appId() == null || credentials.appId().isBlank()
                || credentials.appKey() == null || credentials.appKey().isBlank()) {
            throw new AuthUnavailableException("meeting.auth.app-id and meeting.auth.app-key (or app-key-file) must be set");
        }
        Instant now = clock.instant();
        long expireTime = now.plus(SIGNATURE_VALIDITY).getEpochSecond();
        String nonce = UUID.randomUUID().toString().replace("-", "");
        String signature = corpId == null
                ? AppAuthSigner.sign(credentials.appId(), credentials.appKey(), credentials.userId(), expireTime, nonce)
                : AppAuthSigner.signForTenant(credentials.appId(), credentials.appKey(), corpId, credentials.userId(),
                        expireTime, nonce);

        ObjectNode body = json.createObjectNode()
                .put("appId", credentials.appId())
                .put("clientType", CLIENT_TYPE_API_CALLER)
                .put("expireTime", expireTime)
                .put("nonce", nonce);
        if (credentials.userId() != null) {
            body.put("userId", credentials.userId());
        }
        if (corpId != null) {
            body.put("corpId", corpId);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headerForm.sign(request, signature, credentials.appId());

        HttpResponse<String> response;
        quota.acquire();
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AuthUnavailableException("authentication service unreachable at " + endpoint + ": "
                    + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while authenticating", e);
        }
        if (response.statusCode() != 200) {
            MeetingApiError error = MeetingApiError.parse(response.body());
            if (corpId != null && (response.statusCode() == 401 || response.statusCode() == 403)) {
                throw new TenantRefusedException(corpId, response.statusCode(), error.errorCode(),
                        "authentication for corpId " + corpId + " refused with HTTP " + response.statusCode()
                                + error.describe());
            }
            throw new AuthUnavailableException("authentication rejected with HTTP " + response.statusCode()
                    + error.describe() + " (check meeting.auth.app-id, app-key and user-id)");
        }
        return tokenFrom(response.body(), now);
    }

    /** Names the cause an operator can act on (e.g. an untrusted certificate vs a hostname mismatch). */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure || root.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private AccessToken tokenFrom(String body, Instant now) throws AuthUnavailableException {
        try {
            JsonNode answer = json.readTree(body);
            String token = answer.path("accessToken").asText("");
            if (token.isEmpty()) {
                throw new AuthUnavailableException("authentication answer carries no accessToken");
            }
            // validPeriod counts from our own clock, so a skew between our clock and the server's does
            // not shorten or stretch the token's life; expireTime is the fallback
            Instant expiresAt = answer.path("validPeriod").asLong(0) > 0
                    ? now.plusSeconds(answer.get("validPeriod").asLong())
                    : Instant.ofEpochSecond(answer.path("expireTime").asLong(0));
            return new AccessToken(token, now, expiresAt);
        } catch (IOException e) {
            throw new AuthUnavailableException("authentication answer is not JSON", e);
        }
    }
}
