package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.meeting.v1.model.AppAuthInfoV2;
import com.huaweicloud.sdk.meeting.v1.model.TenantSceneEnum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AppAuthSignatureTest {

    private static final String NONCE = "n".repeat(32);

    /** meeting-api-facts.md, section 1a; an empty userId leaves both colons: {@code app::0:nnn...}. */
    @ParameterizedTest(name = "userId {0}")
    @CsvSource(nullValues = "none", value = {
        "u1,   23d18130e7e3e58829095bb77f767b609439bee9bc7fde12d7eedb63122679f1",
        "none, 421ec01570491b717ac515a284688c2baca54603c2b1ccfd397a5eb717a959b5"})
    void matchesTheDocumentedVectors(String userId, String signature) {
        assertThat(AppAuthSignature.expected("key", "app", null, userId, 0, NONCE)).isEqualTo(signature);
    }

    @Test
    void agreesWithTheOfficialSdk() {
        long expireTime = SimulatorTestClient.tenMinutesFromNow();
        String nonce = SimulatorTestClient.nonce();

        assertThat(AppAuthSignature.expected("k\u00e9y", "app", null, "u\u00fc", expireTime, nonce))
                .isEqualTo(SimulatorTestClient.sdkSignature("app", "k\u00e9y", "u\u00fc", expireTime, nonce));
    }

    @Test
    void spModeAgreesWithTheOfficialSdksMultiTenantForm() {
        long expireTime = SimulatorTestClient.tenMinutesFromNow();
        String nonce = SimulatorTestClient.nonce();
        String sdk = new AppAuthInfoV2().withAppId("app").withKey("key").withCorpId("corp-1")
                .withTenantScene(TenantSceneEnum.MULTI_TENANT).withExpireTime(expireTime).withNonce(nonce)
                .withClientType(72).build();

        assertThat(AppAuthSignature.expected("key", "app", "corp-1", null, expireTime, nonce)).isEqualTo(sdk);
    }

    /** A fake that shares code with the bridge could pass a bug on both sides. */
    @Test
    void simulatorSourcesImportNothingFromTheBridge() throws IOException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src/main/java/io/meetingbridge/simulator");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> bridgeImports = files
                    .flatMap(file -> lines(file).stream()
                            .filter(line -> line.matches("import\\s+(static\\s+)?io\\.meetingbridge\\..*"))
                            .filter(line -> !line.matches("import\\s+(static\\s+)?io\\.meetingbridge\\.simulator\\..*"))
                            .map(line -> file.getFileName() + ": " + line))
                    .toList();
            assertThat(bridgeImports).isEmpty();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
