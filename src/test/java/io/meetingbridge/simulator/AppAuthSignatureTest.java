package io.meetingbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(AppAuthSignature.expected("key", "app", userId, 0, NONCE)).isEqualTo(signature);
    }

    @Test
    void agreesWithTheOfficialSdk() {
        long expireTime = SimulatorTestClient.tenMinutesFromNow();
        String nonce = SimulatorTestClient.nonce();

        assertThat(AppAuthSignature.expected("k\u00e9y", "app", "u\u00fc", expireTime, nonce))
                .isEqualTo(SimulatorTestClient.sdkSignature("app", "k\u00e9y", "u\u00fc", expireTime, nonce));
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
