package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge();

    @Test
    void jmxAndPrometheusReportTheSameExactCountsAfterRealTraffic() throws Exception {
        world.api.faults().failConferenceAlways("400", ApiResponse.error(400, "MMC.111070005", "gone"));
        world.api.faults().failConference("503", ApiResponse.error(503, "MMC.111070003", "busy"), 1);
        for (int i = 0; i < 5; i++) {
            world.publish("10" + i, SampleChanges.weekly("ok-" + i, "10" + i));
        }
        world.publish("400", SampleChanges.weekly("refused", "400"));
        world.publish("503", SampleChanges.weekly("retried", "503"));
        world.publish("x", "{broken");
        world.awaitAllCommitted();

        ObjectName delivery = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.DELIVERY_MBEAN);
        assertThat(JMX.getAttribute(delivery, "ChangesApplied")).isEqualTo(6L);
        assertThat(JMX.getAttribute(delivery, "OccurrencesPublished")).isEqualTo(48L);
        assertThat(JMX.getAttribute(delivery, "DeadLetteredRejected")).isEqualTo(1L);
        assertThat(JMX.getAttribute(delivery, "DeadLetteredInvalidMessage")).isEqualTo(1L);
        assertThat(JMX.getAttribute(delivery, "DeadLetteredRetriesExhausted")).isEqualTo(0L);
        assertThat(JMX.getAttribute(delivery, "DeadLetteredByStatus")).isEqualTo("400=1, none=1");
        assertThat(JMX.getAttribute(delivery, "Retries")).isEqualTo(1L);
        assertThat(JMX.getAttribute(delivery, "ConsumptionPaused")).isEqualTo(false);
        assertThat((String) JMX.getAttribute(delivery, "LastError"))
                .matches("(invalid-message: value is not JSON|rejected: Meeting API answered HTTP 400).*");

        ObjectName token = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.TOKEN_MBEAN);
        assertThat(JMX.getAttribute(token, "RefreshCount")).isEqualTo(1L);
        assertThat(JMX.getAttribute(token, "AuthenticationFailures")).isEqualTo(0L);
        assertThat((String) JMX.getAttribute(token, "ValidUntil")).isNotEmpty();

        ObjectName applyRoute = new ObjectName(
                "org.apache.camel:context=meeting-series-bridge,type=routes,name=\"apply-change\"");
        assertThat(JMX.getAttribute(applyRoute, "ExchangesCompleted")).isEqualTo(8L);
        assertThat(JMX.getAttribute(applyRoute, "ExchangesFailed")).isEqualTo(0L);
        ObjectName consumeRoute = new ObjectName(
                "org.apache.camel:context=meeting-series-bridge,type=routes,name=\"consume-changes\"");
        assertThat((Long) JMX.getAttribute(consumeRoute, "ExchangesCompleted")).isPositive();

        String metrics = get("/observe/metrics").body();
        assertThat(metric(metrics, "meeting_bridge_changes_applied_total", "action=\"modify\"")).isEqualTo(6.0);
        assertThat(metric(metrics, "meeting_bridge_changes_applied_total", "action=\"create\"")).isEqualTo(0.0);
        assertThat(metric(metrics, "meeting_bridge_occurrences_published_total", "")).isEqualTo(48.0);
        assertThat(metric(metrics, "meeting_bridge_changes_dead_lettered_total", "reason=\"rejected\",status=\"400\""))
                .isEqualTo(1.0);
        assertThat(metric(metrics, "meeting_bridge_changes_dead_lettered_total",
                "reason=\"invalid-message\",status=\"none\"")).isEqualTo(1.0);
        assertThat(metric(metrics, "meeting_bridge_api_retries_total", "")).isEqualTo(1.0);
        assertThat(metric(metrics, "meeting_bridge_token_authentications_total", "")).isEqualTo(1.0);
        assertThat(metrics).doesNotContainPattern("(?i)conference_?id=");
    }

    @Test
    void droppingTheCachedTokenFromJmxMakesTheNextChangeAuthenticateAgain() throws Exception {
        world.publish("1", SampleChanges.weekly("a", "1"));
        world.awaitAllCommitted();
        ObjectName token = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.TOKEN_MBEAN);
        JMX.invoke(token, "dropCachedToken", new Object[0], new String[0]);
        assertThat(JMX.getAttribute(token, "ValidUntil")).isEqualTo("");

        world.publish("2", SampleChanges.weekly("b", "2"));
        world.awaitAllCommitted();
        assertThat(JMX.getAttribute(token, "RefreshCount")).isEqualTo(2L);
        assertThat(world.api.traffic().authCalls()).isEqualTo(2);
    }

    @Test
    void readinessIsDownWithTheReasonWhileNoTokenCanBeHadAndUpAgainAfterwards() throws Exception {
        // the fixture returns once the routes run; the ledger's restore may still be under way on a loaded machine
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> get("/observe/health/ready").statusCode() == 200);
        world.api.faults().failAuth(503);
        world.publish("1", SampleChanges.weekly("a", "1"));

        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> get("/observe/health/ready").statusCode() == 503);
        HttpResponse<String> down = get("/observe/health/ready");
        assertThat(down.body()).contains("access-token").contains("no access token").contains("503");
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);
        ObjectName delivery = BridgeManagement.objectName("meeting-series-bridge", BridgeManagement.DELIVERY_MBEAN);
        assertThat(JMX.getAttribute(delivery, "ConsumptionPaused")).isEqualTo(true);
        assertThat((String) JMX.getAttribute(delivery, "PausedReason")).contains("no access token");

        world.api.faults().clearAuthFailure();
        world.awaitAllCommitted();
        Awaitility.await().atMost(BridgeFixture.WAIT).until(() -> get("/observe/health/ready").statusCode() == 200);
        assertThat(JMX.getAttribute(delivery, "ConsumptionPaused")).isEqualTo(false);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(world.bridge().managementUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one Prometheus sample; its labels must include {@code labels} (e.g. {@code reason="x"}). */
    private static double metric(String exposition, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{([^}]*)\\})? (\\S+)$").matcher(exposition);
        while (m.find()) {
            if ((m.group(1) == null ? "" : m.group(1)).contains(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no sample " + name + "{" + labels + "} in the metrics:\n" + exposition);
    }
}
