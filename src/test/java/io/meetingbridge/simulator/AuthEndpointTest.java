package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.APP_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.APP_KEY;
import static io.meetingbridge.simulator.SimulatorTestClient.USER_ID;
import static io.meetingbridge.simulator.SimulatorTestClient.authBody;
import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static io.meetingbridge.simulator.SimulatorTestClient.nonce;
import static io.meetingbridge.simulator.SimulatorTestClient.sdkSignature;
import static io.meetingbridge.simulator.SimulatorTestClient.tenMinutesFromNow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AuthEndpointTest extends SimulatorTestBase {

    AuthEndpointTest() {
        super(Start.UNTOUCHED);
    }

    private HttpResponse<String> authenticate(String userId, long expireTime, String signingKey, String suffix,
                                              String... headers) {
        String nonce = nonce();
        String signature = sdkSignature(APP_ID, signingKey, userId, expireTime, nonce);
        return client.postAuth(authBody(APP_ID, userId, expireTime, nonce),
                "HMAC-SHA256 signature=" + signature + suffix, headers);
    }

    @Test
    void signatureComputedByTheOfficialSdkGetsATwelveHourToken() {
        long before = Instant.now().getEpochSecond();

        HttpResponse<String> response = client.authenticate();

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = json(response);
        assertThat(token.get("accessToken").asText()).hasSize(40);
        assertThat(token.get("validPeriod").asLong()).isEqualTo(43_200);
        assertThat(token.get("expireTime").asLong()).isBetween(before + 43_200, before + 43_202);
        assertThat(token.get("createTime").asLong()).isBetween(before * 1000, (before + 2) * 1000);
        assertThat(token.get("tokenType").asInt()).isZero();
        assertThat(token.get("clientType").asInt()).isEqualTo(72);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(simulator.traffic().authCalls()).isEqualTo(1);
        assertThat(simulator.tokens().liveCount()).isEqualTo(1);
    }

    @Test
    void signatureWithoutUserIdAndExpireTimeZeroIsAccepted() {
        assertThat(authenticate(null, 0, APP_KEY, "").statusCode()).isEqualTo(200);
    }

    @Test
    void newerAccessSuffixAndTokenTypeHeaderAreAccepted() {
        String access = Base64.getEncoder().encodeToString(APP_ID.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = authenticate(USER_ID, tenMinutesFromNow(), APP_KEY, ",access=" + access,
                "X-Token-Type", "LongTicket");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void accessSuffixOfAnotherAppIdIsRejected() {
        String access = Base64.getEncoder().encodeToString("other-app".getBytes(StandardCharsets.UTF_8));

        assertThat(authenticate(USER_ID, tenMinutesFromNow(), APP_KEY, ",access=" + access).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signatureMadeWithAnotherKeyIsRejectedWithAUsgError() {
        HttpResponse<String> response = authenticate(USER_ID, tenMinutesFromNow(), "wrong-key", "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.AUTH_FAILED);
        assertThat(json(response).get("error_msg").asText()).isEqualTo("signature does not match");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(simulator.tokens().liveCount()).isZero();
    }

    @Test
    void correctlySignedButExpiredExpireTimeIsRejected() {
        HttpResponse<String> response = authenticate(USER_ID, Instant.now().getEpochSecond() - 60, APP_KEY, "");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_msg").asText()).isEqualTo("expireTime has passed");
    }

    @Test
    void bodyThatDiffersFromTheSignedValuesIsRejected() {
        long expireTime = tenMinutesFromNow();
        String nonce = nonce();
        String signedForU1 = sdkSignature(APP_ID, APP_KEY, USER_ID, expireTime, nonce);

        HttpResponse<String> response = client.postAuth(authBody(APP_ID, "u2", expireTime, nonce),
                "HMAC-SHA256 signature=" + signedForU1);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void unknownAppIdShortNonceAndOtherClientTypeAreRejected() {
        long expireTime = tenMinutesFromNow();
        String shortNonce = "n".repeat(31);
        String otherClientType = authBody(APP_ID, USER_ID, expireTime, nonce())
                .replace("\"clientType\":72", "\"clientType\":71");

        assertThat(client.postAuth(authBody("unknown-app", USER_ID, expireTime, nonce()),
                "HMAC-SHA256 signature=" + "0".repeat(64)).body()).contains("unknown appId");
        assertThat(client.postAuth(authBody(APP_ID, USER_ID, expireTime, shortNonce),
                "HMAC-SHA256 signature=" + sdkSignature(APP_ID, APP_KEY, USER_ID, expireTime, shortNonce)).body())
                .contains("nonce must be 32 to 64 characters");
        assertThat(client.postAuth(otherClientType, "HMAC-SHA256 signature=" + "0".repeat(64)).body())
                .contains("clientType must be 72");
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = client.postAuth("{\"appId\":", "HMAC-SHA256 signature=" + "0".repeat(64));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error_code").asText()).isEqualTo(MeetingErrors.AUTH_REQUEST_MALFORMED);
    }

    @Test
    void authorizationOfAnotherSchemeIsRejected() {
        HttpResponse<String> response = client.postAuth(authBody(APP_ID, USER_ID, 0, nonce()), "Basic abc");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_msg").asText()).startsWith("Authorization must be");
    }
}
