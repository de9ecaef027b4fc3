package io.meetingbridge.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meetingbridge.simulator.ApiResponse;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.JolokiaClient;
import io.meetingbridge.testing.SampleChanges;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jolokia at /observe/jolokia answers reads, refuses writes and, unless remote operations are on, operations. */
class JolokiaTest {

    private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();
    private static final String CONTEXT = "meeting-series-bridge";
    private static final String ROUTE = "org.apache.camel:context=" + CONTEXT + ",type=routes,name=\"consume-changes\"";
    private static final String REPLAY = mbean(BridgeManagement.REPLAY_MBEAN);
    private static final List<String> ANY_DEAD_LETTER = List.of("", "", "", "");

    private final BridgeFixture world = BridgeFixture.withPartitions(1);

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void readsCamelsAndTheBridgesMBeansAsJmxShowsThem() throws Exception {
        world.startBridge();
        for (int i = 0; i < 3; i++) {
            world.publish("70" + i, SampleChanges.weekly("jolokia-" + i, "70" + i));
        }
        world.awaitAllCommitted();
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());

        JsonNode exchanges = jolokia.read(ROUTE, "ExchangesTotal");
        assertThat(exchanges.get("status").asInt()).as(exchanges.toString()).isEqualTo(200);
        assertThat(exchanges.get("value").asLong()).isPositive()
                .isEqualTo((Long) JMX.getAttribute(new ObjectName(ROUTE), "ExchangesTotal"));
        assertThat(jolokia.read(mbean(BridgeManagement.DELIVERY_MBEAN), "ChangesApplied").get("value").asLong())
                .isEqualTo(3);
        assertThat(jolokia.read(mbean(BridgeManagement.TOKEN_MBEAN), "RefreshCount").get("value").asLong())
                .isEqualTo(1);
        assertThat(jolokia.read(mbean(BridgeManagement.LEDGER_MBEAN), "SeriesCount").get("value").asLong())
                .isEqualTo(3);
        assertThat(jolokia.read("java.lang:type=Memory", "HeapMemoryUsage").get("value").has("used")).isTrue();
        assertThat(jolokia.send(Map.of("type", "version")).get("value").get("protocol").asText()).isNotEmpty();
    }

    @Test
    void refusesEveryWriteAndEveryOperationWhileRemoteOperationsAreOff() throws Exception {
        world.startBridge();
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());

        assertRefused(jolokia.send(Map.of("type", "write", "mbean", "java.lang:type=Memory",
                "attribute", "Verbose", "value", true)));
        assertThat(JMX.getAttribute(new ObjectName("java.lang:type=Memory"), "Verbose")).isEqualTo(false);
        assertRefused(jolokia.send(Map.of("type", "write", "mbean", ROUTE, "attribute", "Description", "value", "x")));
        assertRefused(exec(jolokia, REPLAY, "dryRun", ANY_DEAD_LETTER));
        assertRefused(exec(jolokia, REPLAY, "replay", ANY_DEAD_LETTER));
        assertRefused(exec(jolokia, ROUTE, "stop", List.of()));
        assertThat(JMX.getAttribute(new ObjectName(ROUTE), "State")).isEqualTo("Started");
    }

    @Test
    void readsNothingOutsideCamelTheBridgeAndTheJvmNorTheJvmsCommandLine() {
        world.startBridge();
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());

        assertRefused(jolokia.read("java.lang:type=Runtime", "SystemProperties"));
        assertRefused(jolokia.read("java.lang:type=Runtime", "InputArguments"));
        assertThat(jolokia.read("java.lang:type=Runtime", "Uptime").get("status").asInt()).isEqualTo(200);
        assertRefused(jolokia.read("java.util.logging:type=Logging", "LoggerNames"));
        JsonNode names = jolokia.send(Map.of("type", "search", "mbean", "*:*"));
        assertThat(domains(names.get("value"))).containsExactlyInAnyOrder("org.apache.camel", "java.lang");
        JsonNode list = jolokia.send(Map.of("type", "list", "config", Map.of("maxDepth", 1)));
        assertThat(list.get("value").fieldNames()).toIterable().containsExactlyInAnyOrder("org.apache.camel", "java.lang");
    }

    @Test
    void runsTheReplayOperationsAndNoOtherWhenRemoteOperationsAreOn() throws Exception {
        world.startBridge(settings -> settings.set("bridge.ops.remote-operations", "true"));
        world.api.faults().failConferenceAlways("900", ApiResponse.error(500, "MMC.111070003", "oops"));
        world.publish("900", SampleChanges.weekly("fix-me", "900"));
        world.awaitAllCommitted();
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());

        JsonNode dryRun = exec(jolokia, REPLAY, "dryRun", List.of("rejected", "500", "", ""));
        assertThat(dryRun.get("status").asInt()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.get("value").asText()).startsWith("dry run: scanned 1 dead-letter records, 1 matched");
        world.api.faults().clearConference("900");
        assertThat(exec(jolokia, REPLAY, "replay", ANY_DEAD_LETTER).get("value").asText())
                .startsWith("scanned 1 dead-letter records, 1 matched, replayed 1");
        world.awaitAllCommitted();
        assertThat(world.occurrences()).isNotEmpty();

        assertRefused(exec(jolokia, mbean(BridgeManagement.TOKEN_MBEAN), "dropCachedToken", List.of()));
        assertRefused(exec(jolokia, ROUTE, "stop", List.of()));
        assertRefused(jolokia.send(Map.of("type", "write", "mbean", "java.lang:type=Memory",
                "attribute", "Verbose", "value", true)));
    }

    @Test
    void anOperatorsOwnPolicyTakesThePlaceOfTheShippedOne(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("jolokia-access.xml"),
                "<restrict><commands><command>version</command></commands></restrict>");
        world.startBridge(settings -> settings.set("bridge.ops.jolokia-policy", policy.toUri().toString()));
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());

        assertThat(jolokia.send(Map.of("type", "version")).get("status").asInt()).isEqualTo(200);
        assertRefused(jolokia.read(ROUTE, "ExchangesTotal"));
        assertRefused(jolokia.send(Map.of("type", "search", "mbean", "*:*")));
    }

    @Test
    void basicAuthenticationGuardsJolokiaAndLeavesTheProbesOpen(@TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("users.properties"), "user.operator=test-only-password,viewer\n");
        world.startBridge(settings -> settings.set("camel.management.authentication-enabled", "true")
                .set("camel.management.basic-properties-file", users.toString())
                .set("camel.management.authentication-path", JolokiaClient.PATH + "/*"));
        JolokiaClient jolokia = JolokiaClient.of(world.bridge());
        Map<String, String> version = Map.of("type", "version");

        assertThat(jolokia.post(version).statusCode()).isEqualTo(401);
        assertThat(jolokia.as("operator", "wrong").post(version).statusCode()).isEqualTo(401);
        assertThat(jolokia.as("operator", "test-only-password").send(version).get("status").asInt()).isEqualTo(200);
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(world.bridge().managementUrl() + "/observe/health/live")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
    }

    private static JsonNode exec(JolokiaClient jolokia, String mbean, String operation, List<String> arguments) {
        return jolokia.send(Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", arguments));
    }

    /** Jolokia's own refusal by its policy: status 403 and what the policy forbids. */
    private static void assertRefused(JsonNode answer) {
        assertThat(answer.get("status").asInt()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.get("error").asText()).containsAnyOf("forbidden", "not allowed");
    }

    private static Set<String> domains(JsonNode names) {
        Set<String> domains = new HashSet<>();
        names.forEach(name -> domains.add(name.asText().substring(0, name.asText().indexOf(':'))));
        return domains;
    }

    private static String mbean(String name) {
        try {
            return BridgeManagement.objectName(CONTEXT, name).toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
