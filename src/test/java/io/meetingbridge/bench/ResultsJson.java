package io.meetingbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's figures for later runs to compare with. The format is stable; a change to it bumps
 * {@link #FORMAT}. Keys (units in the name; a figure that could not be measured is null):
 * <pre>
 * format                 "meeting-series-bridge-bench/3"
 * finishedAt             ISO-8601 UTC
 * machine                processors, cpuModel, memoryMb, javaVersion, javaVm
 * settings               maxHeap ("-Xmx256m"), java (the VM and version every pipeline runs on), warmupChanges,
 *                        slowApiLatencyMs, liveRatePerSecond, liveSeconds,
 *                        pipelineOverrides {key: value} (-Dbench.set.*, secrets as "***"),
 *                        maxInFlight (bridge.api.max-in-flight, the configured limit of the bridge and the
 *                        concurrent baseline)
 * workloads[]            a workload (below) and per pipeline a run (below):
 *   bridge, concurrentBaseline, sequentialBaseline
 *   ratios                 bridge / concurrent baseline (null when a run failed): changesPerSecond,
 *                          occurrencesPerSecond, latencyP50, latencyP99, cpuPerChange, wholeCpuPerChange,
 *                          peakRss, startup
 *   sequentialRatios       the same, bridge / sequential baseline
 * scaling                null unless -Dbench.scaling=true:
 *   changesPerRun, chart (the PNG's file name, next to this file),
 *   base {dimension: value} (partitions, conferences, occurrences, api-latency in ms),
 *   dimensions[]           dimension (partitions | conferences | occurrences | api-latency), label,
 *     points[]               value, and as workloads[] without sequentialBaseline and sequentialRatios
 * idle                   null unless -Dbench.idle=true: settleSeconds, seconds, bridge and concurrentBaseline
 *                        (each failure, cpuSecondsPerMinute, rssMb, threads), ratios (cpu, rss, threads; bridge /
 *                        concurrent baseline, null when a run failed)
 * targets[]              target, result ("PASS" | "FAIL"), measured
 * doneWhen[]             issue 18's resolution thresholds, as targets[]
 *
 * a workload: name, inputPartitions, apiLatencyMs, conferences, occurrencesPerChange
 * a run:      failure (null when the run succeeded), changes, occurrences, changesPerSecond, occurrencesPerSecond,
 *             liveChanges, latencyP50Ms, latencyP99Ms, cpuSecondsPer1000Changes, wholeCpuSecondsPer1000Changes,
 *             benchmarkCpuSecondsPer1000Changes, hostBusyPercent, peakRssMb, startupMs, readyMs,
 *             maxPutsInFlight, fullGcs
 * </pre>
 * The definitions of the figures are those printed above the table ({@link ResultsTable}).
 */
final class ResultsJson {

    static final String FORMAT = "meeting-series-bridge-bench/3";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static void write(Path file, Machine machine, BenchSettings settings, List<Comparison> comparisons,
                      ScalingResults scaling, IdleComparison idle, List<TargetCheck> checks,
                      List<TargetCheck> doneWhen) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("finishedAt", Instant.now().toString());
        root.set("machine", JSON.valueToTree(machine));
        root.set("settings", settings(settings));
        ArrayNode workloads = root.putArray("workloads");
        comparisons.forEach(comparison -> workloads.add(comparison(comparison)));
        root.set("scaling", scaling == null ? null : scaling(scaling));
        root.set("idle", idle == null ? null : idle(settings, idle));
        root.set("targets", checks(checks));
        root.set("doneWhen", checks(doneWhen));
        JSON.writeValue(file.toFile(), root);
    }

    private static ArrayNode checks(List<TargetCheck> checks) {
        ArrayNode array = JSON.createArrayNode();
        checks.forEach(check -> array.addObject()
                .put("target", check.target()).put("result", check.verdict()).put("measured", check.measured()));
        return array;
    }

    private static ObjectNode idle(BenchSettings settings, IdleComparison idle) {
        ObjectNode node = JSON.createObjectNode()
                .put("settleSeconds", settings.idleSettle().toSeconds())
                .put("seconds", settings.idleWindow().toSeconds());
        node.set("bridge", idleRun(idle.bridge()));
        node.set("concurrentBaseline", idleRun(idle.concurrent()));
        node.set("ratios", idle.ratios().map(r -> JSON.createObjectNode()
                .put("cpu", r.cpu()).put("rss", r.rss()).put("threads", r.threads())).orElse(null));
        return node;
    }

    private static ObjectNode idleRun(RunResult<IdleFigures> run) {
        ObjectNode node = JSON.createObjectNode().put("failure", run.failure());
        IdleFigures f = run.figures();
        return f == null ? node : node.put("cpuSecondsPerMinute", f.cpuSecondsPerMinute())
                .put("rssMb", f.rssMegabytes()).put("threads", f.threads());
    }

    private static ObjectNode settings(BenchSettings settings) {
        ObjectNode node = JSON.createObjectNode()
                .put("maxHeap", PipelineJvm.MAX_HEAP)
                .put("java", PipelineJvm.runtime())
                .put("warmupChanges", settings.warmupChanges())
                .put("slowApiLatencyMs", settings.slowApiLatency().toMillis())
                .put("liveRatePerSecond", settings.liveRatePerSecond())
                .put("liveSeconds", settings.liveDuration().toSeconds());
        node.set("pipelineOverrides", JSON.valueToTree(settings.pipelineOverridesMasked()));
        node.put("maxInFlight", settings.maxInFlight());
        return node;
    }

    private static ObjectNode comparison(Comparison comparison) {
        Workload workload = comparison.workload();
        ObjectNode node = JSON.createObjectNode()
                .put("name", workload.name())
                .put("inputPartitions", workload.partitions())
                .put("apiLatencyMs", workload.putLatency().toMillis())
                .put("conferences", workload.conferences())
                .put("occurrencesPerChange", workload.occurrencesPerChange());
        node.set("bridge", run(comparison.bridge()));
        node.set("concurrentBaseline", run(comparison.concurrent()));
        node.set("ratios", ratios(comparison.ratios()));
        if (comparison.sequential() != null) {
            node.set("sequentialBaseline", run(comparison.sequential()));
            node.set("sequentialRatios", ratios(comparison.sequentialRatios()));
        }
        return node;
    }

    private static ObjectNode scaling(ScalingResults scaling) {
        ScalingPlan plan = scaling.plan();
        ObjectNode node = JSON.createObjectNode()
                .put("changesPerRun", plan.changes())
                .put("chart", ScalingChart.FILE_NAME);
        ObjectNode base = node.putObject("base");
        for (ScalingDimension dimension : ScalingDimension.values()) {
            base.put(dimension.key(), dimension.base());
        }
        ArrayNode dimensions = node.putArray("dimensions");
        for (ScalingDimension dimension : plan.dimensions()) {
            ObjectNode line = dimensions.addObject().put("dimension", dimension.key()).put("label", dimension.label());
            ArrayNode points = line.putArray("points");
            for (int value : dimension.points()) {
                points.addObject().put("value", value).setAll(comparison(scaling.at(dimension, value)));
            }
        }
        return node;
    }

    private static ObjectNode run(RunResult<Figures> run) {
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
                .put("wholeCpuSecondsPer1000Changes", f.wholeCpuSecondsPer1000Changes())
                .put("benchmarkCpuSecondsPer1000Changes", f.benchmarkCpuSecondsPer1000Changes())
                .put("hostBusyPercent", f.hostBusyPercent())
                .put("peakRssMb", f.peakRssMegabytes())
                .put("startupMs", f.startupMillis())
                .put("readyMs", f.readyMillis())
                .put("maxPutsInFlight", f.maxPutsInFlight())
                .put("fullGcs", f.fullGcs());
    }

    private static ObjectNode ratios(Optional<Ratios> ratios) {
        return ratios.map(r -> JSON.createObjectNode()
                .put("changesPerSecond", r.changesPerSecond())
                .put("occurrencesPerSecond", r.occurrencesPerSecond())
                .put("latencyP50", r.latencyP50())
                .put("latencyP99", r.latencyP99())
                .put("cpuPerChange", r.cpuPerChange())
                .put("wholeCpuPerChange", r.wholeCpuPerChange())
                .put("peakRss", r.peakRss())
                .put("startup", r.startup())).orElse(null);
    }
}
