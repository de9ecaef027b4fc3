package io.meetingbridge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.meeting.v1.model.AppAuthInfoV2;
import com.huaweicloud.sdk.meeting.v1.model.TenantSceneEnum;
import org.junit.jupiter.api.Test;

class AppAuthSignerTest {

    private static final String NONCE = "n".repeat(32);

    @Test
    void signatureWithUserIdMatchesTheDocumentedVector() {
        assertThat(AppAuthSigner.sign("app", "key", "u1", 0, NONCE))
                .isEqualTo("23d18130e7e3e58829095bb77f767b609439bee9bc7fde12d7eedb63122679f1");
    }

    @Test
    void signatureWithoutUserIdKeepsTheEmptyFieldAndMatchesTheDocumentedVector() {
        assertThat(AppAuthSigner.sign("app", "key", null, 0, NONCE))
                .isEqualTo("421ec01570491b717ac515a284688c2baca54603c2b1ccfd397a5eb717a959b5");
    }

    @Test
    void signatureMatchesTheOfficialSdkForOtherValues() {
        String nonce = "0123456789abcdef0123456789abcdef0123";
        String sdk = new AppAuthInfoV2().withAppId("a1b2c3").withKey("s3cr3t-\u00e9").withNonce(nonce)
                .withUserId("alice@example.com").withExpireTime(1_900_000_000L).withClientType(72).build();
        assertThat(AppAuthSigner.sign("a1b2c3", "s3cr3t-\u00e9", "alice@example.com", 1_900_000_000L, nonce))
                .isEqualTo(sdk);
    }

    @Test
    void spModeSignsTheEnterpriseAfterTheAppId() {
        assertThat(AppAuthSigner.signForTenant("app", "key", "corp", "u1", 0, NONCE))
                .isEqualTo(AppAuthSigner.sign("app:corp", "key", "u1", 0, NONCE))
                .isNotEqualTo(AppAuthSigner.sign("app", "key", "u1", 0, NONCE));
    }

    @Test
    void spModeSignatureMatchesTheOfficialSdksMultiTenantForm() {
        String nonce = "0123456789abcdef0123456789abcdef";
        String sdk = new AppAuthInfoV2().withAppId("a1b2c3").withKey("s3cr3t").withNonce(nonce).withCorpId("corp-9").withTenantScene(TenantSceneEnum.MULTI_TENANT)
                .withExpireTime(1_900_000_000L).withClientType(72).build();
        assertThat(AppAuthSigner.signForTenant("a1b2c3", "s3cr3t", "corp-9", null, 1_900_000_000L, nonce)).isEqualTo(sdk);
    }
}
