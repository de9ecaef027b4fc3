package io.meetingbridge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml is validated by Compose itself in CI (`docker-compose config -q`), which cannot
 * know whether the bridge reads what the file passes to it. An environment variable the bridge does
 * not read (a typo such as MEETING_AUTH_APPKEY) is silently ignored at run time, and the bridge then
 * runs on a default: these tests catch that before anyone starts the stack.
 */
@Timeout(60)
class ComposeEnvironmentTest {

    private static BridgeSettings settings;
    private static Path root;
    private static Properties applicationProperties;
    private static Map<String, Object> services;

    @BeforeAll
    static void load() throws IOException {
        settings = BridgeSettings.ofRepository();
        root = settings.root();
        applicationProperties = settings.properties();
        Map<String, Object> compose;
        try (Reader in = Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
            compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        services = map(compose.get("services"), "services");
    }

    @Test
    void everyVariablePassedToTheBridgeIsOneItReads() {
        Map<String, String> environment = environmentOf("bridge");
        assertThat(environment).as("bridge environment").isNotEmpty();
        List<String> unknown = new ArrayList<>();
        for (String variable : environment.keySet()) {
            if (!BridgeSettings.JVM_VARIABLES.contains(variable) && !BridgeSettings.OTEL_VARIABLES.contains(variable)
                    && settings.keyOfVariable(variable).isEmpty()) {
                unknown.add(variable);
            }
        }
        assertThat(unknown)
                .as("variables the bridge service gets but no application.properties key (upper case, '.' and '-' as '_')"
                        + " or log4j2.xml lookup reads")
                .isEmpty();
    }

    @Test
    void everySystemPropertyInJavaToolOptionsIsAKnownSetting() {
        String options = environmentOf("bridge").get("JAVA_TOOL_OPTIONS");
        assertThat(options).as("bridge JAVA_TOOL_OPTIONS (camel.management.port must be a -D)").isNotBlank();

        Set<String> systemProperties = BridgeSettings.systemProperties(options).keySet();
        List<String> unknown = systemProperties.stream().filter(key -> !settings.isKnownSystemProperty(key)).toList();
        assertThat(unknown).as("-D keys in JAVA_TOOL_OPTIONS that neither the bridge nor Camel Main knows").isEmpty();
        assertThat(systemProperties).as("the management port is set as a system property").contains("camel.management.port");
    }

    @Test
    void theBridgeSendsItsTracesToJaegerOverOtlpHttp() {
        assertThat(BridgeSettings.systemProperties(environmentOf("bridge").get("JAVA_TOOL_OPTIONS")))
                .containsEntry("camel.opentelemetry2.enabled", "true");
        assertThat(environmentOf("bridge")).containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318");
        assertThat(environmentOf("jaeger")).containsEntry("COLLECTOR_OTLP_ENABLED", "true");
        assertThat(String.valueOf(map(services.get("jaeger"), "services.jaeger").get("expose"))).contains("4318");
    }

    @Test
    void prometheusScrapesTheManagementPortAndPath() throws IOException {
        Matcher port = Pattern.compile("-Dcamel\\.management\\.port=(\\d+)").matcher(environmentOf("bridge").getOrDefault("JAVA_TOOL_OPTIONS", ""));
        assertThat(port.find()).as("-Dcamel.management.port=<port> in the bridge's JAVA_TOOL_OPTIONS").isTrue();

        Map<String, Object> prometheus;
        try (Reader in = Files.newBufferedReader(root.resolve("deploy/prometheus.yml"), StandardCharsets.UTF_8)) {
            prometheus = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).get(0), "scrape_configs[0]");
        assertThat(job.get("metrics_path")).isEqualTo("/observe/metrics");
        Map<String, Object> staticConfig = map(((List<?>) job.get("static_configs")).get(0), "static_configs[0]");
        assertThat(String.valueOf(staticConfig.get("targets"))).isEqualTo("[bridge:" + port.group(1) + "]");
        assertThat(services).containsKeys("prometheus");
    }

    @Test
    void kafkaInitCreatesEveryTopicTheBridgeUses() {
        Map<String, Object> init = map(services.get("kafka-init"), "services.kafka-init");
        String script = String.valueOf(init.get("command")) + " " + String.valueOf(init.get("entrypoint"));
        for (String key : List.of("bridge.topics.changes", "bridge.topics.occurrences", "bridge.topics.dead-letter")) {
            String topic = applicationProperties.getProperty(key);
            assertThat(topic).as(key + " in application.properties").isNotBlank();
            Pattern create = Pattern.compile("--create\\b[^\\n]*--topic\\s+" + Pattern.quote(topic) + "(\\s|$)");
            assertThat(create.matcher(script).find()).as("kafka-init creates topic " + topic + " (" + key + ")").isTrue();
        }
        String bootstrap = environmentOf("bridge").get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(environmentOf("kafka").get("KAFKA_ADVERTISED_LISTENERS"))
                .as("the broker advertises the address the bridge bootstraps from")
                .contains("//" + bootstrap);
        assertThat(environmentOf("kafka").get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
    }

    @Test
    void credentialsComeFromTheEnvironmentAndDemoDefaultsMatchTheSimulator() {
        Map<String, String> bridge = environmentOf("bridge");
        Map<String, String> simulator = environmentOf("meeting-api-simulator");
        Pattern fromEnvironment = Pattern.compile("\\$\\{(MEETING_AUTH_APP_ID|MEETING_AUTH_APP_KEY):-([^}]*)}");

        Matcher appId = fromEnvironment.matcher(bridge.getOrDefault("MEETING_AUTH_APP_ID", ""));
        Matcher appKey = fromEnvironment.matcher(bridge.getOrDefault("MEETING_AUTH_APP_KEY", ""));
        assertThat(appId.matches()).as("MEETING_AUTH_APP_ID is ${MEETING_AUTH_APP_ID:-demo default}").isTrue();
        assertThat(appKey.matches()).as("MEETING_AUTH_APP_KEY is ${MEETING_AUTH_APP_KEY:-demo default}, no literal key").isTrue();
        assertThat(appId.group(1)).isEqualTo("MEETING_AUTH_APP_ID");
        assertThat(appKey.group(1)).isEqualTo("MEETING_AUTH_APP_KEY");
        assertThat(appId.group(2)).as("demo App ID accepted by the simulator").isEqualTo(simulator.get("SIMULATOR_APP_ID"));
        assertThat(appKey.group(2)).as("demo App key accepted by the simulator").isEqualTo(simulator.get("SIMULATOR_APP_KEY"));
        assertThat(bridge.get("MEETING_API_BASE_URL")).isEqualTo("${MEETING_API_BASE_URL:-http://meeting-api-simulator:8089}");
        assertThat(String.valueOf(map(services.get("meeting-api-simulator"), "simulator").get("entrypoint")))
                .contains("io.meetingbridge.simulator.MeetingApiSimulator", "8089");
    }

    @Test
    void dockerfileRunsTheShadedJarAsANonRootUser() throws IOException {
        List<String> instructions = Files.readAllLines(root.resolve("Dockerfile"), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        int lastUser = -1;
        int entrypoint = -1;
        for (int i = 0; i < instructions.size(); i++) {
            String upper = instructions.get(i).toUpperCase(Locale.ROOT);
            if (upper.startsWith("USER ")) {
                lastUser = i;
            } else if (upper.startsWith("ENTRYPOINT ")) {
                entrypoint = i;
            }
        }
        assertThat(lastUser).as("a USER instruction").isNotNegative();
        assertThat(entrypoint).as("USER comes before ENTRYPOINT").isGreaterThan(lastUser);
        String user = instructions.get(lastUser).substring(5).strip().split(":")[0];
        assertThat(user).as("the runtime user").isNotIn("root", "0");
        assertThat(instructions).anyMatch(line -> line.startsWith("FROM eclipse-temurin:17-jre"));
        assertThat(instructions.get(entrypoint)).contains("\"-jar\"", "/app/meeting-series-bridge.jar");
        // the archive the JVM maps is the one the image's own JVM made, never one that would stop the start
        assertThat(instructions).anyMatch(line -> line.startsWith("RUN ") && line.contains(
                "-XX:ArchiveClassesAtExit=/app/meeting-series-bridge.jsa"));
        assertThat(instructions.get(entrypoint)).contains("\"-XX:SharedArchiveFile=/app/meeting-series-bridge.jsa\"",
                "\"-Xshare:auto\"");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** A service's environment, in either of Compose's forms (map, or list of NAME=value). */
    private static Map<String, String> environmentOf(String service) {
        Object environment = map(services.get(service), "services." + service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> result.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String what) {
        assertThat(node).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
