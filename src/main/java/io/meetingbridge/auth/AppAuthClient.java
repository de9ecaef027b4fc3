package io.meetingbridge.auth;

import io.meetingbridge.failure.AuthUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meetingbridge.api.ApiCallQuota;
import io.meetingbridge.failure.MeetingApiError;
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

/** Obtains an access token with App ID authentication ({@code POST /v2/usg/acs/auth/appauth}). */
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
    private final ObjectMapper json = new ObjectMapper();

    public AppAuthClient(HttpClient http, String baseUrl, AppCredentials credentials, Duration timeout, Clock clock) {
        this(http, baseUrl, credentials, timeout, clock, ApiCallQuota.unlimited());
    }

    /** @param quota authentication counts against the API's quota like any other call */
    public AppAuthClient(HttpClient http, String baseUrl, AppCredentials credentials, Duration timeout, Clock clock,
                         ApiCallQuota quota) {
        this.quota = quota;
        this.http = http;
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + PATH);
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
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
        String signature = AppAuthSigner.sign(credentials.appId(), credentials.appKey(), credentials.userId(), expireTime, nonce);

        ObjectNode body = json.createObjectNode()
                .put("appId", credentials.appId())
                .put("clientType", CLIENT_TYPE_API_CALLER)
                .put("expireTime", expireTime)
                .put("nonce", nonce);
        if (credentials.userId() != null) {
            body.put("userId", credentials.userId());
        }
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", AppAuthSigner.authorizationHeader(signature))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();

        HttpResponse<String> response;
        quota.acquire();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AuthUnavailableException("authentication service unreachable at " + endpoint + ": "
                    + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while authenticating", e);
        }
        if (response.statusCode() != 200) {
            MeetingApiError error = MeetingApiError.parse(response.body());
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
