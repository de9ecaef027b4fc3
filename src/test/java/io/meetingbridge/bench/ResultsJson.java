package io.meetingbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The benchmark's figures for later runs to compare with. The format is stable; a change to it bumps
 * {@link #FORMAT}. Keys (units in the name; a figure that could not be measured is null):
 * <pre>
 * format                 "meeting-series-bridge-bench/1"
 * finishedAt             ISO-8601 UTC
 * machine                processors, cpuModel, memoryMb, javaVersion, javaVm
 * settings               maxHeap ("-Xmx256m"), inputPartitions, warmupChanges, slowApiLatencyMs, liveRatePerSecond,
 *                        liveSeconds,
 *                        pipelineOverrides {key: value} (-Dbench.set.*, secrets as "***"),
 *                        maxInFlight (bridge.api.max-in-flight)
 * workloads[]            name, apiLatencyMs, conferences, occurrencesPerChange, and per pipeline:
 *   bridge, baseline       failure (null when the run succeeded), changes, occurrences, changesPerSecond,
 *                          occurrencesPerSecond, liveChanges, latencyP50Ms, latencyP99Ms, cpuSecondsPer1000Changes,
 *                          benchmarkCpuSecondsPer1000Changes, hostBusyPercent, peakRssMb, startupMs, fullGcs, deadLettered, orderViolations
 *   ratios                 bridge / baseline (null when a run failed): changesPerSecond, occurrencesPerSecond,
 *                          latencyP50, latencyP99, cpuPerChange, peakRss, startup
 * targets[]              target, result ("PASS" | "MISS"), measured
 * </pre>
 * The definitions of the figures are those printed above the table ({@link ResultsTable}).
 */
final class ResultsJson {

    static final String FORMAT = "meeting-series-bridge-bench/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static void write(Path file, Machine machine, BenchSettings settings, List<Comparison> comparisons,
                      List<TargetCheck> checks) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("finishedAt", Instant.now().toString());
        root.set("machine", JSON.valueToTree(machine));
        root.set("settings", settings(settings));
        ArrayNode workloads = root.putArray("workloads");
        comparisons.forEach(comparison -> workloads.add(workload(comparison)));
        ArrayNode targets = root.putArray("targets");
        checks.forEach(check -> targets.addObject()
                .put("target", check.target()).put("result", check.verdict()).put("measured", check.measured()));
        JSON.writeValue(file.toFile(), root);
    }

    private static ObjectNode settings(BenchSettings settings) {
        ObjectNode node = JSON.createObjectNode()
                .put("maxHeap", PipelineJvm.MAX_HEAP)
                .put("inputPartitions", WorkloadRunner.INPUT_PARTITIONS)
                .put("warmupChanges", settings.warmupChanges())
                .put("slowApiLatencyMs", settings.slowApiLatency().toMillis())
                .put("liveRatePerSecond", settings.liveRatePerSecond())
                .put("liveSeconds", settings.liveDuration().toSeconds());
        node.set("pipelineOverrides", JSON.valueToTree(settings.pipelineOverridesMasked()));
        node.put("maxInFlight", settings.pipelineProperties().integer("bridge.api.max-in-flight"));
        return node;
    }

    private static ObjectNode workload(Comparison comparison) {
        Workload workload = comparison.workload();
        ObjectNode node = JSON.createObjectNode()
                .put("name", workload.name())
                .put("apiLatencyMs", workload.putLatency().toMillis())
                .put("conferences", workload.conferences())
                .put("occurrencesPerChange", Workload.OCCURRENCES_PER_CHANGE);
        node.set("bridge", run(comparison.bridge()));
        node.set("baseline", run(comparison.baseline()));
        node.set("ratios", comparison.ratios().<ObjectNode>map(ResultsJson::ratios).orElse(null));
        return node;
    }

    private static ObjectNode run(RunResult run) {
        ObjectNode node = JSON.createObjectNode().put("failure", run.failure());
        Figures f = run.figures();
        if (f == null) {
            return node;
        }
        return node.put("changes", f.changes())
                .put("occurrences", f.occurrences())
                .put("changesPerSecond", f.changesPerSecond())
                .put("occurrencesPerSecond", f.occurrencesPerSecond())
                .put("liveChanges", f.liveChanges())
                .put("latencyP50Ms", f.latencyP50Millis())
                .put("latencyP99Ms", f.latencyP99Millis())
                .put("cpuSecondsPer1000Changes", f.cpuSecondsPer1000Changes())
                .put("benchmarkCpuSecondsPer1000Changes", f.benchmarkCpuSecondsPer1000Changes())
                .put("hostBusyPercent", f.hostBusyPercent())
                .put("peakRssMb", f.peakRssMegabytes())
                .put("startupMs", f.startupMillis())
                .put("fullGcs", f.fullGcs())
                .put("deadLettered", f.deadLettered())
                .put("orderViolations", f.orderViolations());
    }

    private static ObjectNode ratios(Ratios r) {
        return JSON.createObjectNode()
                .put("changesPerSecond", r.changesPerSecond())
                .put("occurrencesPerSecond", r.occurrencesPerSecond())
                .put("latencyP50", r.latencyP50())
                .put("latencyP99", r.latencyP99())
                .put("cpuPerChange", r.cpuPerChange())
                .put("peakRss", r.peakRss())
                .put("startup", r.startup());
    }
}
