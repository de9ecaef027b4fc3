package io.meetingbridge.security;

import static io.meetingbridge.testing.BridgeFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import io.meetingbridge.testing.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The App key and the access tokens never leave the process: a run through every kind of failure is
 * captured everywhere an operator or a downstream system could look, and neither is found anywhere.
 */
class SecretsNeverLeakTest {

    private static final String FULL_HEALTH = "/observe/health?exposureLevel=full&stackTrace=true&data=true";
    private static final String CONSOLE_MARKER = "console capture works";

    enum AppKeySource { PROPERTY, FILE }

    @TempDir
    Path secretsDir;
    private BridgeFixture world;
    /** Captured text by where it was seen. */
    private final Map<String, String> captured = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest(name = "App key from {0}")
    @EnumSource(AppKeySource.class)
    void neitherTheAppKeyNorAnyTokenAppearsInLogsRecordsJmxOrObserveEndpoints(AppKeySource source) throws Exception {
        UnaryOperator<RunningBridge.Builder> appKey = appKeyFrom(source);
        world = BridgeFixture.withPartitions(1);
        long successfulAuthentications;
        try (LogCapture logs = LogCapture.open("io.meetingbridge", "org.apache.camel");
             ConsoleCapture console = ConsoleCapture.open()) {
            world.startBridge(appKey);
            OperatorView operator = new OperatorView(world.bridge());
            runThroughEveryKindOfFailure(operator);
            captureOperatorViews(operator, "after the run");
            successfulAuthentications =
                    (Long) operator.tokenAttribute("RefreshCount") - operator.authenticationFailures();
            captured.put("occurrences topic", RecordText.of(world.occurrences()));
            captured.put("dead-letter topic", RecordText.of(world.deadLetters()));
            world.stopBridge();
            System.out.println(CONSOLE_MARKER);
            captured.put("logs", logs.text());
            captured.put("console", console.text());
            assertThat(logs.lines()).as("verbose levels are on").anyMatch(line -> line.startsWith("TRACE"));
        }

        assertEveryCaptureHoldsWhatItShould();
        List<String> tokens = tokensSeenByTheApi();
        assertThat(tokens).as("each token obtained was used, so the PUTs show all of them")
                .hasSize((int) successfulAuthentications).hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("App key", TestCredentials.APP_KEY);
        for (int i = 0; i < tokens.size(); i++) {
            secrets.put("token " + (i + 1), tokens.get(i));
        }
        assertThat(LeakScan.find(secrets, captured)).isEmpty();
    }

    /** A 400, a 503 retried, an invalid record, a revoked token (401, then a new one), an authentication outage. */
    private void runThroughEveryKindOfFailure(OperatorView operator) {
        world.api.faults().failConferenceAlways("400400", ApiResponse.error(400, "MMC.111070005", "refused by test"));
        world.api.faults().failConference("503503", ApiResponse.error(503, "MMC.111070003", "busy"), 1);
        world.publish("101101", SampleChanges.weekly("leak-applied", "101101"));
        world.publish("400400", SampleChanges.weekly("leak-rejected", "400400"));
        world.publish("503503", SampleChanges.weekly("leak-retried", "503503"));
        world.publish("999999", "{\"changeId\":\"leak-invalid\",");
        world.awaitAllCommitted();

        world.api.tokens().expireAll();
        world.publish("202202", SampleChanges.weekly("leak-after-expiry", "202202"));
        world.awaitAllCommitted();

        world.api.faults().failAuth(401);
        world.api.tokens().expireAll();
        world.publish("303303", SampleChanges.weekly("leak-during-auth-outage", "303303"));
        Awaitility.await("authentication is refused").atMost(WAIT).until(() -> operator.authenticationFailures() >= 1);
        captureOperatorViews(operator, "during the authentication outage");
        world.api.faults().clearAuthFailure();
        // a change after the outage makes the bridge authenticate again whatever became of the one during it
        world.publish("404404", SampleChanges.weekly("leak-after-auth-outage", "404404"));
        world.awaitAllCommitted();
    }

    private void captureOperatorViews(OperatorView operator, String when) {
        captured.put("JMX " + when, JmxAttributes.readAll());
        captured.put("Jolokia " + when, operator.jolokiaReadAll());
        captured.put("metrics " + when, operator.get("/observe/metrics").body());
        captured.put("health " + when, operator.get(FULL_HEALTH).body());
    }

    /** Proves each capture works: a scan of empty or unrelated text would find no secret either. */
    private void assertEveryCaptureHoldsWhatItShould() {
        assertThat(captured.get("logs")).contains("Applied change leak-applied").contains("leak-rejected")
                .contains("Cannot obtain an access token");
        assertThat(captured.get("console")).contains(CONSOLE_MARKER);
        assertThat(captured.get("occurrences topic")).contains("meeting-change-id=leak-after-auth-outage")
                .contains("key=101101");
        assertThat(captured.get("dead-letter topic")).contains("dlq-reason=rejected")
                .contains("dlq-reason=invalid-message").contains("\"changeId\":\"leak-rejected\"");
        assertThat(captured.get("JMX during the authentication outage")).contains(world.topics.changes())
                .contains("LastFailureReason=authentication rejected with HTTP 401");
        assertThat(captured.get("Jolokia during the authentication outage")).contains(world.topics.changes())
                .contains("\"LastFailureReason\":\"authentication rejected with HTTP 401")
                .contains("\"ExchangesTotal\"").contains("\"HeapMemoryUsage\"");
        assertThat(captured.get("metrics after the run")).contains("meeting_bridge_changes_applied_total");
        assertThat(captured.get("health during the authentication outage")).contains("no access token");
    }

    private List<String> tokensSeenByTheApi() {
        return world.api.traffic().recordedPuts().stream().map(put -> put.header("X-Access-Token"))
                .filter(Objects::nonNull).distinct().toList();
    }

    private UnaryOperator<RunningBridge.Builder> appKeyFrom(AppKeySource source) throws IOException {
        if (source == AppKeySource.PROPERTY) {
            return UnaryOperator.identity(); // RunningBridge sets meeting.auth.app-key
        }
        Path keyFile = secretsDir.resolve("app-key");
        Files.writeString(keyFile, TestCredentials.APP_KEY + "\n"); // a mounted secret often ends with a newline
        return settings -> settings.set("meeting.auth.app-key", "")
                .set("meeting.auth.app-key-file", keyFile.toString());
    }
}
