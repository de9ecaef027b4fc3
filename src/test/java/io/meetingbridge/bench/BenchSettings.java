package io.meetingbridge.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The benchmark's knobs, from {@code -Dbench.*} system properties; {@link Benchmark} lists them.
 *
 * @param pipelineOverrides settings given to every pipeline's JVM, from {@code -Dbench.set.<key>=<value>}
 * @param enforceTargets    whether a missed target makes the benchmark exit with status 1
 * @param scaling           the scaling table's plan, or null when it is not wanted
 * @param flightRecording   the JFR settings each pipeline JVM records with ({@code profile}, or a .jfc file), or
 *                          null for no recording
 * @param nativeMemory      whether each pipeline JVM tracks its native memory and prints where it went at exit
 * @param idleSettle        how long an idle pipeline runs, after its first poll, before it is measured
 * @param idleWindow        how long it is measured for, or null to leave the idle runs out
 */
record BenchSettings(int warmupChanges, int instantChanges, Duration slowApiLatency, int slowChanges,
                     int slowSequentialChanges, int liveRatePerSecond,
                     Duration liveDuration, Duration phaseTimeout, String flightRecording, boolean nativeMemory,
                     Set<String> workloadNames,
                     Map<String, String> pipelineOverrides, boolean enforceTargets, ScalingPlan scaling,
                     Duration idleSettle, Duration idleWindow, Path bridgeJar, Path outputDir) {

    private static final String OVERRIDE_PREFIX = "bench.set.";
    /** The -Dbench.workloads value that selects no standard workload (e.g. for the scaling table alone). */
    private static final String NONE = "none";
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
                Integer.getInteger("bench.slow-sequential-changes", 400),
                Integer.getInteger("bench.live-rate", 10),
                Duration.ofSeconds(Integer.getInteger("bench.live-seconds", 15)),
                Duration.ofSeconds(Integer.getInteger("bench.phase-timeout-seconds", 180)),
                Boolean.getBoolean("bench.jfr") ? System.getProperty("bench.jfr.settings", "profile") : null,
                Boolean.getBoolean("bench.nmt"),
                words("bench.workloads"),
                overrides(),
                Boolean.parseBoolean(System.getProperty("bench.enforce", "true")),
                Boolean.parseBoolean(System.getProperty("bench.scaling", "true")) ? scalingPlan() : null,
                Duration.ofSeconds(Integer.getInteger("bench.idle-settle-seconds", 30)),
                Boolean.parseBoolean(System.getProperty("bench.idle", "true"))
                        ? Duration.ofSeconds(Integer.getInteger("bench.idle-seconds", 60)) : null,
                bridgeJar,
                // next to the jar, i.e. in the build directory, whatever -Dbuild.dir says
                bridgeJar.resolveSibling("bench"));
    }

    /**
     * The standard workloads -Dbench.workloads names: all when it is unset, none for {@code none}.
     *
     * @throws IllegalArgumentException when it names an unknown workload, or when nothing is left to measure: no
     *                                  workload and no scaling table (the idle runs alone are no benchmark)
     */
    List<Workload> workloads() {
        List<Workload> standard = Workload.standard(this);
        Set<String> known = standard.stream().map(Workload::name).collect(Collectors.toSet());
        List<String> unknown = workloadNames.stream().filter(name -> !known.contains(name) && !name.equals(NONE))
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("-Dbench.workloads names no workload: " + unknown
                    + "; the workloads are " + standard.stream().map(Workload::name).toList() + ", or " + NONE);
        }
        List<Workload> chosen = standard.stream()
                .filter(workload -> workloadNames.isEmpty() || workloadNames.contains(workload.name())).toList();
        if (chosen.isEmpty() && scaling == null) {
            throw new IllegalArgumentException("Nothing to measure: -Dbench.workloads selects no workload and"
                    + " -Dbench.scaling=false leaves out the scaling table, so no target could be judged.");
        }
        return chosen;
    }

    boolean idle() {
        return idleWindow != null;
    }

    /** The configured {@code bridge.api.max-in-flight}: the bridge's bound, and the concurrent baseline's lanes. */
    int maxInFlight() {
        return pipelineProperties().integer("bridge.api.max-in-flight");
    }

    boolean recordsFlight() {
        return flightRecording != null;
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

    /** The dimensions named by -Dbench.scaling-dimensions (default all), with -Dbench.scaling-changes per run. */
    private static ScalingPlan scalingPlan() {
        Set<String> named = words("bench.scaling-dimensions");
        List<ScalingDimension> dimensions = Arrays.stream(ScalingDimension.values())
                .filter(dimension -> named.isEmpty() || named.contains(dimension.key()))
                .toList();
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("-Dbench.scaling-dimensions names none of "
                    + Arrays.stream(ScalingDimension.values()).map(ScalingDimension::key).toList());
        }
        return new ScalingPlan(dimensions, Integer.getInteger("bench.scaling-changes", 3000));
    }

    /** A comma-separated system property as a set of words; empty when unset. */
    private static Set<String> words(String property) {
        return Arrays.stream(System.getProperty(property, "").split(","))
                .map(String::strip).filter(word -> !word.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<String, String> overrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(OVERRIDE_PREFIX))
                .forEach(name -> overrides.put(name.substring(OVERRIDE_PREFIX.length()), System.getProperty(name)));
        return Map.copyOf(overrides);
    }
}
