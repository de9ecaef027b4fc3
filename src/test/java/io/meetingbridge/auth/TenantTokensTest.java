package io.meetingbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meetingbridge.failure.AuthUnavailableException;
import io.meetingbridge.failure.TenantRefusedException;
import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.simulator.TrafficRecorder;
import io.meetingbridge.testing.MutableClock;
import io.meetingbridge.testing.TestCredentials;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SP mode's tokens, against the simulator over loopback HTTP: one per enterprise, bounded, refusals remembered. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TenantTokensTest {

    private static final Duration REFUSAL_BACKOFF = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock();
    private MeetingApiSimulator api;

    @BeforeEach
    void start() throws Exception {
        api = MeetingApiSimulator.builder().credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private AppAuthClient client(AuthHeaderForm form) {
        return new AppAuthClient(HttpClient.newHttpClient(), api.baseUri().toString(),
                new AppCredentials(TestCredentials.APP_ID, TestCredentials.APP_KEY, null), Duration.ofSeconds(5), clock,
                io.meetingbridge.api.ApiCallQuota.unlimited(), form);
    }

    private TenantTokens tenants(int maxTenants) {
        AppAuthClient client = client(AuthHeaderForm.DOCUMENTED);
        return new TenantTokens(corpId -> new AccessTokenCache(client.forTenant(corpId), Duration.ofMinutes(5),
                Duration.ofMillis(100), Duration.ofSeconds(1), clock), maxTenants, REFUSAL_BACKOFF, clock);
    }

    @Test
    void eachEnterpriseGetsItsOwnTokenSignedForIt() throws Exception {
        TenantTokens tenants = tenants(10);

        String acme = tenants.token("acme");
        String globex = tenants.token("globex");

        assertThat(acme).isNotEqualTo(globex);
        assertThat(api.tokens().tenantOf(acme)).isEqualTo("acme");
        assertThat(api.tokens().tenantOf(globex)).isEqualTo("globex");
        assertThat(tenants.token("acme")).isEqualTo(acme);
        assertThat(api.traffic().authCalls()).isEqualTo(2);
        assertThat(tenants.tokensHeld()).isEqualTo(2);
    }

    @Test
    void concurrentCallersOfOneEnterpriseShareOneAuthentication() throws Exception {
        TenantTokens tenants = tenants(10);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String corpId = i % 2 == 0 ? "acme" : "globex";
                Callable<String> call = () -> {
                    go.await();
                    return tenants.token(corpId);
                };
                calls.add(pool.submit(call));
            }
            go.countDown();
            for (Future<String> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(api.traffic().authCalls()).isEqualTo(2);
    }

    @Test
    void theLeastRecentlyUsedEnterpriseIsDroppedWhenTheCacheIsFull() throws Exception {
        TenantTokens tenants = tenants(2);
        String acme = tenants.token("acme");
        tenants.token("globex");
        tenants.token("acme");

        tenants.token("initech");

        assertThat(tenants.evictions()).isEqualTo(1);
        assertThat(tenants.token("acme")).isEqualTo(acme);
        assertThat(api.traffic().authCalls()).isEqualTo(3);
        tenants.token("globex");
        assertThat(api.traffic().authCalls()).as("globex was dropped and authenticates again").isEqualTo(4);
    }

    @Test
    void aRefusedEnterpriseIsRememberedAndTheOthersAreNotTouched() throws Exception {
        TenantTokens tenants = tenants(10);
        api.faults().refuseTenant("globex", 403);

        assertThatThrownBy(() -> tenants.token("globex")).isInstanceOfSatisfying(TenantRefusedException.class, e -> {
            assertThat(e.corpId()).isEqualTo("globex");
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.errorCode()).isEqualTo("USG.000000005");
        });
        long callsAfterRefusal = api.traffic().authCalls();
        assertThatThrownBy(() -> tenants.token("globex")).isInstanceOf(TenantRefusedException.class);
        assertThat(api.traffic().authCalls()).as("not authenticated again while refused").isEqualTo(callsAfterRefusal);
        assertThat(tenants.token("acme")).isNotNull();
        assertThat(tenants.refusedNow()).isEqualTo(1);
        assertThat(tenants.outage()).isNull();

        api.faults().acceptTenant("globex");
        clock.advance(REFUSAL_BACKOFF);
        assertThat(api.tokens().tenantOf(tenants.token("globex"))).isEqualTo("globex");
        assertThat(tenants.refusals()).isEqualTo(1);
    }

    @Test
    void anOutageOfTheServiceIsEveryonesNotARefusal() {
        TenantTokens tenants = tenants(10);
        api.faults().failAuth(503);

        assertThatThrownBy(() -> tenants.token("acme")).isInstanceOf(AuthUnavailableException.class)
                .isNotInstanceOf(TenantRefusedException.class);
        assertThat(tenants.outage()).contains("503");
        assertThat(tenants.refusedNow()).isZero();
    }

    @Test
    void theDocumentedHeaderFormCarriesAccessAndTheTokenType() throws Exception {
        client(AuthHeaderForm.DOCUMENTED).authenticate();

        TrafficRecorder.AuthHeaders sent = api.traffic().lastAuthHeaders();
        String access = java.util.Base64.getEncoder().encodeToString(
                TestCredentials.APP_ID.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(sent.authorization()).matches("HMAC-SHA256 signature=[0-9a-f]{64},access=" + access.replace("+", "\\+"));
        assertThat(sent.tokenType()).isEqualTo("LongTicket");
    }

    @Test
    void theSignatureOnlyFormIsWhatTheSdkSends() throws Exception {
        client(AuthHeaderForm.SIGNATURE_ONLY).forTenant("acme").authenticate();

        TrafficRecorder.AuthHeaders sent = api.traffic().lastAuthHeaders();
        assertThat(sent.authorization()).matches("HMAC-SHA256 signature=[0-9a-f]{64}");
        assertThat(sent.tokenType()).isNull();
    }

    @Test
    void theHeaderFormSettingNamesBothForms() {
        assertThat(AuthHeaderForm.of("documented")).isEqualTo(AuthHeaderForm.DOCUMENTED);
        assertThat(AuthHeaderForm.of("signature-only")).isEqualTo(AuthHeaderForm.SIGNATURE_ONLY);
        assertThatThrownBy(() -> AuthHeaderForm.of("sdk")).hasMessage(
                "meeting.auth.header-form must be documented or signature-only, got \"sdk\"");
    }
}
