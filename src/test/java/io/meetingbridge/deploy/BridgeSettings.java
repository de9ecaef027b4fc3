package io.meetingbridge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bridge reads, for tests of the files that configure it (docker-compose.yml, Kubernetes
 * manifests): the keys of application.properties, the environment lookups of log4j2.xml, Camel Main's
 * own options, and the JVM's variables and properties an operator may add.
 */
final class BridgeSettings {

    /** Read by the JVM itself, not by the bridge. JAVA_OPTS is not: the image's ENTRYPOINT is exec form. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /** The OpenTelemetry SDK's own variables the stack may set (its autoconfiguration reads them, README, Traces). */
    static final Set<String> OTEL_VARIABLES = Set.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL",
            "OTEL_SERVICE_NAME", "OTEL_TRACES_SAMPLER", "OTEL_TRACES_SAMPLER_ARG", "OTEL_RESOURCE_ATTRIBUTES");

    /** JVM system properties an operator may add for remote JMX (README, JMX). */
    private static final List<String> JVM_PROPERTY_PREFIXES = List.of("com.sun.management.jmxremote", "java.rmi.server.hostname");

    /** A variable log4j2.xml reads: a {@code ${env:NAME}} lookup, or an arbiter that chooses by it. */
    private static final Pattern LOG4J_ENV_LOOKUP =
            Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)|<EnvironmentArbiter propertyName=\"([A-Za-z0-9_]+)\"");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)(?:=(\\S*))?");

    private final Path root;
    private final Properties properties = new Properties();
    /** normalized environment variable name -> what reads it */
    private final Map<String, String> readers = new LinkedHashMap<>();

    private BridgeSettings(Path root) throws IOException {
        this.root = root;
        try (Reader in = Files.newBufferedReader(root.resolve("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        for (String key : properties.stringPropertyNames()) {
            readers.put(normalize(key), key);
        }
        for (String name : log4jEnvironmentLookups()) {
            readers.put(normalize(name), "log4j2.xml reads " + name);
        }
    }

    /** The repository's own settings (Maven runs tests with basedir set). */
    static BridgeSettings ofRepository() throws IOException {
        return new BridgeSettings(Path.of(System.getProperty("basedir", "")).toAbsolutePath());
    }

    Path root() {
        return root;
    }

    Properties properties() {
        return properties;
    }

    /** The application.properties key (or log4j2.xml lookup) an environment variable sets, by Camel's mapping. */
    Optional<String> keyOfVariable(String variable) {
        return Optional.ofNullable(readers.get(normalize(variable)));
    }

    /** A -D key that the bridge, Camel Main or the JVM's remote JMX knows. */
    boolean isKnownSystemProperty(String key) {
        return properties.containsKey(key)
                || readers.containsKey(normalize(key))
                || camelMainOptions().contains(camelNormalize(key))
                || key.startsWith("camel.component.")
                || JVM_PROPERTY_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The -Dkey=value pairs of a JAVA_TOOL_OPTIONS value, in order. */
    static Map<String, String> systemProperties(String javaOptions) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = SYSTEM_PROPERTY.matcher(javaOptions);
        while (m.find()) {
            result.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return result;
    }

    /** Camel's environment mapping, compared loosely: lower case, '.' and '-' as '_'. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Camel Main accepts camelCase and kebab-case option names. */
    private static String camelNormalize(String key) {
        return key.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> camelMainOptions() {
        try (InputStream in = BridgeSettings.class.getClassLoader()
                .getResourceAsStream("META-INF/camel-main-configuration-metadata.json")) {
            if (in == null) {
                throw new IllegalStateException("camel-main's option metadata is not on the classpath");
            }
            Set<String> names = new TreeSet<>();
            for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
                names.add(camelNormalize(property.get("name").asText()));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> log4jEnvironmentLookups() throws IOException {
        Set<String> names = new TreeSet<>();
        Path log4j = root.resolve("src/main/resources/log4j2.xml");
        if (Files.exists(log4j)) {
            Matcher m = LOG4J_ENV_LOOKUP.matcher(Files.readString(log4j, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return names;
    }
}
