package io.meetingbridge.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.meeting.v1.model.AppAuthInfoV2;
import com.huaweicloud.sdk.meeting.v1.model.TenantSceneEnum;
import io.meetingbridge.testing.HttpCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

/**
 * Talks to a simulator over real HTTP with the JDK's client. App ID signatures come from the
 * official SDK, so the simulator's check is proven against an independent implementation.
 */
final class SimulatorTestClient {

    static final String APP_ID = "test-app";
    static final String APP_KEY = "test-app-key";
    static final String USER_ID = "u1";
    static final String CONFERENCE_ID = "914087436";

    /** Mondays and Wednesdays from Monday 2026-03-02 to Monday 2026-03-30: nine occurrences at 01:00. */
    static final String WEEKLY_SERIES = """
            {"mediaTypes":"HDVideo","subject":"Weekly sync","startTime":"2026-03-02 01:00","length":60,
             "timeZoneID":"56","attendees":[{"accountId":"u1","appId":"test-app","name":"Alice","role":1}],
             "cycleParams":{"startDate":"2026-03-02","endDate":"2026-03-30","cycle":"Week","interval":1,
                            "point":[1,3],"preRemindDays":1}}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    SimulatorTestClient(MeetingApiSimulator simulator) {
        this(simulator.baseUri(), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
    }

    SimulatorTestClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    static String sdkSignature(String appId, String appKey, String userId, long expireTime, String nonce) {
        return new AppAuthInfoV2().withAppId(appId).withKey(appKey).withUserId(userId)
                .withExpireTime(expireTime).withNonce(nonce).withClientType(72).build();
    }

    static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static long tenMinutesFromNow() {
        return Instant.now().getEpochSecond() + 600;
    }

    static String authBody(String appId, String userId, long expireTime, String nonce) {
        ObjectNode body = JSON.createObjectNode().put("appId", appId).put("expireTime", expireTime)
                .put("nonce", nonce).put("clientType", 72);
        if (userId != null) {
            body.put("userId", userId);
        }
        return body.toString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Authenticates as the SDK does: a valid signature over now + 10 minutes. */
    HttpResponse<String> authenticate() {
        long expireTime = tenMinutesFromNow();
        String nonce = nonce();
        return postAuth(authBody(APP_ID, USER_ID, expireTime, nonce),
                "HMAC-SHA256 signature=" + sdkSignature(APP_ID, APP_KEY, USER_ID, expireTime, nonce));
    }

    /** SP mode: authenticates for one enterprise as the SDK's MULTI_TENANT scene signs it. */
    HttpResponse<String> authenticateTenant(String corpId) {
        long expireTime = tenMinutesFromNow();
        String nonce = nonce();
        String signature = new AppAuthInfoV2().withAppId(APP_ID).withKey(APP_KEY).withCorpId(corpId)
                .withTenantScene(TenantSceneEnum.MULTI_TENANT).withExpireTime(expireTime).withNonce(nonce)
                .withClientType(72).build();
        ObjectNode body = ((ObjectNode) json(authBody(APP_ID, null, expireTime, nonce))).put("corpId", corpId);
        return postAuth(body.toString(), "HMAC-SHA256 signature=" + signature);
    }

    String accessToken() {
        HttpResponse<String> response = authenticate();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("authentication failed with " + response.statusCode());
        }
        return json(response).get("accessToken").asText();
    }

    HttpResponse<String> postAuth(String body, String authorization, String... moreHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(AuthEndpoint.PATH))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (moreHeaders.length > 0) {
            request.headers(moreHeaders);
        }
        return send(request);
    }

    HttpResponse<String> put(String rawQuery, String accessToken, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + CycleConferenceEndpoint.PATH + "?" + rawQuery))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("X-Access-Token", accessToken);
        }
        return send(request);
    }

    HttpResponse<String> putSeries(String accessToken) {
        return put("conferenceID=" + CONFERENCE_ID, accessToken, WEEKLY_SERIES);
    }

    /** Any meeting call: a method, a path with its query, the access token (or null) and a body (or null). */
    HttpResponse<String> call(String method, String pathAndQuery, String accessToken, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("X-Access-Token", accessToken);
        }
        return send(request);
    }

    HttpResponse<String> admin(String method, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return HttpCalls.send(http, request.build());
    }
}
