package io.meetingbridge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's knobs, from {@code -Dbench.*} system properties; {@link Benchmark} lists them.
 *
 * @param pipelineOverrides settings given to both pipelines' JVMs, from {@code -Dbench.set.<key>=<value>}
 */
record BenchSettings(int warmupChanges, int instantChanges, Duration slowApiLatency, int slowChanges,
                     int slowBaselineChanges, int liveRatePerSecond,
                     Duration liveDuration, Duration phaseTimeout, boolean flightRecording, Set<String> workloadNames,
                     Map<String, String> pipelineOverrides, Path bridgeJar, Path outputDir) {

    private static final String OVERRIDE_PREFIX = "bench.set.";
    private static final Pattern SECRET = Pattern.compile("key|password|secret|token", Pattern.CASE_INSENSITIVE);

    static BenchSettings fromSystemProperties() {
        String jar = System.getProperty("bridge.jar");
        if (jar == null) {
            throw new IllegalStateException("-Dbridge.jar=<path of the shaded jar> is required (the pom sets it)");
        }
        Path bridgeJar = Path.of(jar).toAbsolutePath();
        return new BenchSettings(
                Integer.getInteger("bench.warmup-changes", 1000),
                Integer.getInteger("bench.changes", 3000),
                Duration.ofMillis(Integer.getInteger("bench.slow-api-ms", 50)),
                Integer.getInteger("bench.slow-changes", 3000),
                Integer.getInteger("bench.slow-baseline-changes", 400),
                Integer.getInteger("bench.live-rate", 10),
                Duration.ofSeconds(Integer.getInteger("bench.live-seconds", 15)),
                Duration.ofSeconds(Integer.getInteger("bench.phase-timeout-seconds", 180)),
                Boolean.getBoolean("bench.jfr"),
                Arrays.stream(System.getProperty("bench.workloads", "").split(","))
                        .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                overrides(),
                bridgeJar,
                // next to the jar, i.e. in the build directory, whatever -Dbuild.dir says
                bridgeJar.resolveSibling("bench"));
    }

    /** The overrides as a report may show them: the values of secrets (an App key, say) masked. */
    Map<String, String> pipelineOverridesMasked() {
        Map<String, String> masked = new TreeMap<>();
        pipelineOverrides.forEach((key, value) -> masked.put(key, SECRET.matcher(key).find() ? "***" : value));
        return masked;
    }

    /** The bridge's settings as both pipelines run with them. */
    BridgeProperties pipelineProperties() {
        return BridgeProperties.withOverrides(pipelineOverrides);
    }

    private static Map<String, String> overrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(OVERRIDE_PREFIX))
                .forEach(name -> overrides.put(name.substring(OVERRIDE_PREFIX.length()), System.getProperty(name)));
        return Map.copyOf(overrides);
    }
}
