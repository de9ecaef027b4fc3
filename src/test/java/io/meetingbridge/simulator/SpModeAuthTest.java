package io.meetingbridge.simulator;

import static io.meetingbridge.simulator.SimulatorTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulator in SP mode: a token per enterprise, signed with its corpId, refusable, and kept to its own meetings. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SpModeAuthTest extends SimulatorTestBase {

    SpModeAuthTest() {
        super(Start.UNTOUCHED);
    }

    @Test
    void aTokenSignedForAnEnterpriseIsThatEnterprises() {
        HttpResponse<String> response = client.authenticateTenant("acme");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.tokens().tenantOf(json(response).get("accessToken").asText())).isEqualTo("acme");
    }

    @Test
    void aCorpIdTheSignatureDoesNotCoverIsRefused() {
        long expireTime = SimulatorTestClient.tenMinutesFromNow();
        String nonce = SimulatorTestClient.nonce();
        String unsignedCorpId = SimulatorTestClient.authBody(SimulatorTestClient.APP_ID, null, expireTime, nonce)
                .replace("{", "{\"corpId\":\"acme\",");

        HttpResponse<String> response = client.postAuth(unsignedCorpId, "HMAC-SHA256 signature=" + SimulatorTestClient
                .sdkSignature(SimulatorTestClient.APP_ID, SimulatorTestClient.APP_KEY, null, expireTime, nonce));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error_msg").asText()).isEqualTo("signature does not match");
    }

    @Test
    void anEnterpriseCanBeRefusedAndAcceptedAgainThroughTheControls() {
        assertThat(client.admin("POST", "/simulator/auth/tenants?corpId=globex&status=403").statusCode()).isEqualTo(204);

        HttpResponse<String> refused = client.authenticateTenant("globex");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("error_code").asText()).isEqualTo(MeetingErrors.TENANT_REFUSED);
        assertThat(client.authenticateTenant("acme").statusCode()).isEqualTo(200);

        client.admin("POST", "/simulator/auth/tenants?corpId=globex&status=ok");
        assertThat(client.authenticateTenant("globex").statusCode()).isEqualTo(200);
    }

    @Test
    void aMeetingIsKeptToTheEnterpriseWhoseTokenFirstNamedIt() {
        String acme = json(client.authenticateTenant("acme")).get("accessToken").asText();
        String globex = json(client.authenticateTenant("globex")).get("accessToken").asText();
        client.putSeries(acme);

        HttpResponse<String> other = client.putSeries(globex);

        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("error_code").asText()).isEqualTo(MeetingErrors.OTHER_TENANT);
        assertThat(simulator.traffic().recordedPuts()).extracting(RecordedPut::tenant).containsExactly("acme", "globex");
    }
}
