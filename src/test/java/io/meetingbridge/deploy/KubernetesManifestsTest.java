package io.meetingbridge.deploy;

import static io.meetingbridge.deploy.KubernetesManifests.at;
import static io.meetingbridge.deploy.KubernetesManifests.list;
import static io.meetingbridge.deploy.KubernetesManifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.meetingbridge.testing.JolokiaClient;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Kubernetes manifests agree with the bridge: a probe on a wrong port or path would restart a healthy
 * bridge, a misspelt variable is silently ignored, and a grace period shorter than the bridge's shutdown
 * timeout kills it in the middle of a batch. The probe paths' answers are checked on a running bridge in
 * ObservabilityContractTest.
 */
@Timeout(60)
class KubernetesManifestsTest {

    static final String LIVENESS_PATH = "/observe/health/live";
    static final String READINESS_PATH = "/observe/health/ready";

    private static BridgeSettings settings;
    private static KubernetesManifests manifests;

    @BeforeAll
    static void load() throws IOException {
        settings = BridgeSettings.ofRepository();
        manifests = KubernetesManifests.base(settings.root());
    }

    @Test
    void probesUseTheManagementPortAndTheHealthPathsTheBridgeServes() {
        Map<String, Object> container = manifests.bridgeContainer();
        int managementPort = managementPort();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = map(at(container, probe, "httpGet"));
            assertThat(manifests.containerPort(httpGet.get("port"))).as(probe + " port").isEqualTo(managementPort);
            assertThat(httpGet.get("path")).as(probe + " path")
                    .isEqualTo(probe.equals("readinessProbe") ? READINESS_PATH : LIVENESS_PATH);
        }
        Map<String, Object> servicePort = map(list(at(manifests.one("Service"), "spec", "ports")).get(0));
        assertThat(manifests.containerPort(servicePort.get("targetPort"))).as("metrics Service").isEqualTo(managementPort);
        assertThat(((Number) servicePort.get("port")).intValue()).isEqualTo(managementPort);
    }

    /** Hawtio Online connects to pods with a container port named "jolokia", at the path and scheme annotated. */
    @Test
    void hawtioOnlineFindsJolokiaOnTheManagementPort() {
        assertThat(manifests.containerPort("jolokia")).isEqualTo(managementPort());
        Map<String, Object> annotations = map(at(manifests.one("StatefulSet"), "spec", "template", "metadata", "annotations"));
        assertThat(annotations.get("hawt.io/jolokiaPath")).isEqualTo(JolokiaClient.PATH + "/");
        assertThat(annotations.get("hawt.io/protocol")).as("the management server has no TLS").isEqualTo("http");
    }

    @Test
    void everyEnvironmentVariableIsASettingTheBridgeReadsFromTheEnvironment() {
        for (String variable : manifests.environmentNames()) {
            if (BridgeSettings.JVM_VARIABLES.contains(variable)) {
                continue;
            }
            assertThat(settings.keyOfVariable(variable))
                    .as(variable + " maps to an application.properties key (upper case, '.' and '-' as '_')")
                    .isPresent();
            assertThat(settings.keyOfVariable(variable).get())
                    .as(variable + ": Camel 4.18 does not read camel.* settings from the environment; use -D")
                    .doesNotStartWith("camel.");
        }
        Map<String, String> systemProperties = BridgeSettings.systemProperties(javaToolOptions());
        assertThat(systemProperties.keySet()).allSatisfy(key ->
                assertThat(settings.isKnownSystemProperty(key)).as("-D" + key + " is a known setting").isTrue());
    }

    @Test
    void theGracePeriodOutlastsTheBridgesShutdownTimeout() {
        String shutdownTimeout = BridgeSettings.systemProperties(javaToolOptions()).getOrDefault(
                "camel.main.shutdown-timeout", settings.properties().getProperty("camel.main.shutdown-timeout"));
        Object grace = at(manifests.one("StatefulSet"), "spec", "template", "spec", "terminationGracePeriodSeconds");
        assertThat(((Number) grace).intValue()).as("terminationGracePeriodSeconds")
                .isGreaterThan(Integer.parseInt(shutdownTimeout.trim()));
    }

    @Test
    void theAppKeyIsAFileFromASecretAndNeverAValue() {
        String file = String.valueOf(manifests.envEntry("MEETING_AUTH_APP_KEY_FILE").get("value"));
        assertThat(settings.keyOfVariable("MEETING_AUTH_APP_KEY_FILE")).hasValue("meeting.auth.app-key-file");
        assertThat(manifests.environmentNames()).doesNotContain("MEETING_AUTH_APP_KEY");

        Map<String, Object> podSpec = map(at(manifests.one("StatefulSet"), "spec", "template", "spec"));
        Map<String, Object> mount = list(manifests.bridgeContainer().get("volumeMounts")).stream()
                .map(KubernetesManifests::map)
                .filter(m -> file.startsWith(m.get("mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume mounted above " + file));
        Map<String, Object> volume = list(podSpec.get("volumes")).stream().map(KubernetesManifests::map)
                .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
        String fileName = file.substring(String.valueOf(mount.get("mountPath")).length() + 1);
        assertThat(list(at(volume, "secret", "items"))).as("the Secret's item lands at " + file)
                .anySatisfy(item -> assertThat(map(item).get("path")).isEqualTo(fileName));
        assertThat(mount.get("readOnly")).isEqualTo(true);
    }

    @Test
    void staticMembershipTakesTheStableNameOfAStatefulSetPod() {
        assertThat(settings.keyOfVariable("BRIDGE_CONSUMER_GROUP_INSTANCE_ID")).hasValue("bridge.consumer.group-instance-id");
        assertThat(at(manifests.envEntry("BRIDGE_CONSUMER_GROUP_INSTANCE_ID"), "valueFrom", "fieldRef", "fieldPath"))
                .isEqualTo("metadata.name");
        assertThat(settings.properties().getProperty("bridge.consumer.group-instance-id"))
                .as("dynamic membership by default, outside Kubernetes").isEmpty();
    }

    @Test
    void kedaScalesOnTheBridgesOwnGroupAndTopicAndNeverPastThePartitions() {
        Map<String, String> environment = manifests.literalEnvironment();
        Map<String, Object> scaledObject = manifests.one("ScaledObject");
        assertThat(at(scaledObject, "spec", "scaleTargetRef", "kind")).isEqualTo("StatefulSet");
        assertThat(at(scaledObject, "spec", "scaleTargetRef", "name")).isEqualTo(at(manifests.one("StatefulSet"), "metadata", "name"));
        Map<String, Object> trigger = map(list(at(scaledObject, "spec", "triggers")).get(0));
        assertThat(trigger.get("type")).isEqualTo("kafka");
        Map<String, Object> metadata = map(trigger.get("metadata"));
        assertThat(metadata.get("topic")).isEqualTo(environment.get("BRIDGE_TOPICS_CHANGES"));
        assertThat(metadata.get("consumerGroup")).isEqualTo(environment.get("KAFKA_GROUP_ID"));
        assertThat(metadata.get("bootstrapServers")).isEqualTo(environment.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(metadata).as("idle consumers beyond the partition count").doesNotContainKey("allowIdleConsumers");
    }

    @Test
    void theContainerRunsAsNonRootOnAReadOnlyRootWithTheHeapSizedFromItsLimit() {
        Map<String, Object> container = manifests.bridgeContainer();
        Map<String, Object> podSpec = map(at(manifests.one("StatefulSet"), "spec", "template", "spec"));
        assertThat(at(podSpec, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        Map<String, Object> tmp = list(container.get("volumeMounts")).stream().map(KubernetesManifests::map)
                .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst().orElseThrow();
        assertThat(list(podSpec.get("volumes"))).anySatisfy(v ->
                assertThat(map(v)).containsEntry("name", tmp.get("name")).containsKey("emptyDir"));
        assertThat(javaToolOptions()).contains("-XX:MaxRAMPercentage=75");
        // the heap is 75% of what the pod is sure to get: the limit is the request, and there is no CPU limit
        assertThat(map(at(container, "resources", "limits"))).containsExactly(Map.entry("memory", "512Mi"));
        assertThat(at(container, "resources", "requests", "memory")).isEqualTo("512Mi");
    }

    @Test
    void thePodStartsTheImagesEntrypointWithItsClassDataArchive() {
        // a command or args of its own would start the JVM without the archive the image's ENTRYPOINT maps
        assertThat(manifests.bridgeContainer()).doesNotContainKeys("command", "args");
        assertThat(javaToolOptions()).as("JAVA_TOOL_OPTIONS must not turn the archive off or demand it")
                .doesNotContain("-Xshare", "SharedArchiveFile");
    }

    private static String javaToolOptions() {
        return manifests.literalEnvironment().getOrDefault("JAVA_TOOL_OPTIONS", "");
    }

    /** -Dcamel.management.port in JAVA_TOOL_OPTIONS, else the default of application.properties. */
    static int managementPort() {
        return Integer.parseInt(BridgeSettings.systemProperties(javaToolOptions()).getOrDefault("camel.management.port",
                settings.properties().getProperty("camel.management.port")).trim());
    }
}
