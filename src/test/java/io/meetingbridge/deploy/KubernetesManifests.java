package io.meetingbridge.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The objects of deploy/kubernetes/base as written (the resources its kustomization lists), read as plain
 * maps. Rendering and schema validation are .ci/validate-deploy's; this is for checks against the bridge.
 */
final class KubernetesManifests {

    private final List<Map<String, Object>> objects;

    private KubernetesManifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    static KubernetesManifests base(Path root) {
        Path base = root.resolve("deploy/kubernetes/base");
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(load(base.resolve("kustomization.yaml")).get(0).get("resources"))) {
            objects.addAll(load(base.resolve(String.valueOf(resource))));
        }
        return new KubernetesManifests(objects);
    }

    Map<String, Object> one(String kind) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in deploy/kubernetes/base, found " + found.size());
        }
        return found.get(0);
    }

    /** The bridge's container in the StatefulSet's pod template. */
    Map<String, Object> bridgeContainer() {
        return map(list(at(one("StatefulSet"), "spec", "template", "spec", "containers")).get(0));
    }

    /** Literal environment variables of the bridge's container (env with value, and the settings ConfigMap). */
    Map<String, String> literalEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        map(at(one("ConfigMap"), "data")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
        for (Object entry : list(bridgeContainer().get("env"))) {
            Map<String, Object> variable = map(entry);
            if (variable.containsKey("value")) {
                environment.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
            }
        }
        return environment;
    }

    /** Every environment variable name the container gets, literal or from a reference. */
    List<String> environmentNames() {
        List<String> names = new ArrayList<>(map(at(one("ConfigMap"), "data")).keySet());
        list(bridgeContainer().get("env")).forEach(entry -> names.add(String.valueOf(map(entry).get("name"))));
        return names;
    }

    Map<String, Object> envEntry(String name) {
        return list(bridgeContainer().get("env")).stream().map(KubernetesManifests::map)
                .filter(entry -> name.equals(entry.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " in the bridge container"));
    }

    /** The container port a probe or Service names, by number or by name. */
    int containerPort(Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return list(bridgeContainer().get("ports")).stream().map(KubernetesManifests::map)
                .filter(p -> String.valueOf(port).equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    static Object at(Map<String, Object> object, String... path) {
        Object node = object;
        for (String step : path) {
            node = map(node).get(step);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    static List<?> list(Object node) {
        return node == null ? List.of() : (List<?>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
