package io.meetingbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meetingbridge.testing.BridgeFixture;
import io.meetingbridge.testing.EventsReceiverOn;
import io.meetingbridge.testing.RunningBridge;
import io.meetingbridge.testing.SampleChanges;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What operators are given to watch exists on a real bridge: every metric an alert or a dashboard panel
 * uses is in its /observe/metrics output (a misspelt name never fires and draws an empty panel), and the
 * health paths the Kubernetes probes call answer.
 */
@Timeout(120)
class ObservabilityContractTest {

    /** Recorded by Prometheus per scrape target, not served by the bridge. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

    private static final Pattern SAMPLE_NAME = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path root;

    @RegisterExtension
    final BridgeFixture world = BridgeFixture.withPartitions(1).startBridge(ObservabilityContractTest::eventsReceiverOn);

    @BeforeAll
    static void locate() throws IOException {
        root = BridgeSettings.ofRepository().root();
    }

    @Test
    void everyMetricOfTheAlertsAndTheDashboardIsServedByTheBridge() throws Exception {
        world.publish("1", SampleChanges.weekly("a", "1"));
        world.publish("x", "{broken");
        world.awaitAllCommitted();
        Set<String> served = servedMetricNames();

        Map<String, Set<String>> used = new TreeMap<>();
        alertExpressions().forEach((alert, expr) -> PromQlMetricNames.of(expr)
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("alert " + alert)));
        dashboardExpressions().forEach((panel, expr) -> PromQlMetricNames.of(expr)
                .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add("panel " + panel)));
        assertThat(used).as("metric names found in alerts.yml and the dashboard")
                .containsKeys("meeting_bridge_changes_dead_lettered_total", "kafka_consumer_fetch_manager_records_lag_max");

        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(served);
        missing.keySet().removeAll(MADE_BY_PROMETHEUS);
        assertThat(missing).as("metrics used by alerts or panels but absent from /observe/metrics").isEmpty();
    }

    @Test
    void theKubernetesProbePathsAnswerOnTheManagementPort() throws Exception {
        Map<String, Object> container = KubernetesManifests.base(root).bridgeContainer();
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            String path = String.valueOf(KubernetesManifests.at(container, probe, "httpGet", "path"));
            // a probe tolerates a moment of DOWN (failureThreshold); a lasting one fails here with its reasons
            Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                HttpResponse<String> answer = get(path);
                assertThat(answer.statusCode()).as(probe + " " + path + " answered " + answer.body()).isEqualTo(200);
            });
        }
    }

    /** The meeting events receiver serves metrics of its own. */
    private static RunningBridge.Builder eventsReceiverOn(RunningBridge.Builder bridge) {
        return EventsReceiverOn.with(bridge, "events-of-observability-" + System.nanoTime(), "observability",
                "observability-test-key");
    }

    private Set<String> servedMetricNames() throws Exception {
        HttpResponse<String> metrics = get("/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE_NAME.matcher(metrics.body());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(world.bridge().managementUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** alert name -> expression, from deploy/prometheus/alerts.yml. */
    private static Map<String, String> alertExpressions() throws IOException {
        Map<String, String> expressions = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(root.resolve("deploy/prometheus/alerts.yml"), StandardCharsets.UTF_8)) {
            Map<String, Object> rules = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            for (Object group : KubernetesManifests.list(rules.get("groups"))) {
                for (Object rule : KubernetesManifests.list(KubernetesManifests.map(group).get("rules"))) {
                    Map<String, Object> r = KubernetesManifests.map(rule);
                    expressions.put(String.valueOf(r.getOrDefault("alert", r.get("record"))), String.valueOf(r.get("expr")));
                }
            }
        }
        assertThat(expressions).as("rules in alerts.yml").isNotEmpty();
        return expressions;
    }

    /** "panel title #refId" -> expression, for every query of the Grafana dashboard. */
    private static Map<String, String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(root.resolve("deploy/grafana/meeting-series-bridge.json").toFile());
        Map<String, String> expressions = new TreeMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(panel.path("title").asText() + " #" + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        assertThat(expressions).as("queries in the dashboard").isNotEmpty();
        return expressions;
    }
}
