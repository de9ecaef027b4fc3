package io.meetingbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The targets, checked against a benchmark's comparisons (those of workloads that were run). */
final class Targets {

    static final double MIN_THROUGHPUT_RATIO = 0.8;
    static final double MAX_CPU_RATIO = 1.25;
    static final Duration SLOW_API = Duration.ofMillis(50);
    static final int SLOW_API_CONFERENCES = 500;
    static final double MIN_SLOW_API_RATE = 400;
    static final int MAX_IN_FLIGHT = 32;
    /** Full GCs in one run from which on it counts as a storm; a healthy run of G1 has none. */
    static final int FULL_GC_STORM = 3;

    private Targets() {
    }

    static List<TargetCheck> check(List<Comparison> comparisons, BridgeProperties bridgeSettings) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            if (comparison.workload().instantApi()) {
                checks.addAll(instantApi(comparison));
            } else if (comparison.workload().putLatency().equals(SLOW_API)
                    && comparison.workload().conferences() == SLOW_API_CONFERENCES) {
                checks.add(slowApi(comparison, bridgeSettings.integer("bridge.api.max-in-flight")));
            }
        }
        checks.add(heap(comparisons));
        return checks;
    }

    private static List<TargetCheck> instantApi(Comparison comparison) {
        String workload = comparison.workload().name();
        Optional<Ratios> ratios = comparison.ratios();
        return List.of(
                new TargetCheck(workload + ": throughput >= " + MIN_THROUGHPUT_RATIO + " x baseline",
                        ratios.map(r -> r.changesPerSecond() >= MIN_THROUGHPUT_RATIO).orElse(false),
                        ratios.map(r -> "%.2f x".formatted(r.changesPerSecond())).orElse("a run failed")),
                new TargetCheck(workload + ": CPU per change <= " + MAX_CPU_RATIO + " x baseline",
                        ratios.map(r -> r.cpuPerChange() <= MAX_CPU_RATIO).orElse(false),
                        ratios.map(r -> "%.2f x".formatted(r.cpuPerChange())).orElse("a run failed")));
    }

    private static TargetCheck slowApi(Comparison comparison, int maxInFlight) {
        String target = comparison.workload().name() + ", " + WorkloadRunner.INPUT_PARTITIONS
                + " partition: >= %.0f changes/s with <= %d in flight".formatted(MIN_SLOW_API_RATE, MAX_IN_FLIGHT);
        RunResult bridge = comparison.bridge();
        if (!bridge.succeeded()) {
            return new TargetCheck(target, false, "run failed");
        }
        double rate = bridge.figures().changesPerSecond();
        return new TargetCheck(target, rate >= MIN_SLOW_API_RATE && maxInFlight <= MAX_IN_FLIGHT,
                "%.0f changes/s, max-in-flight %d".formatted(rate, maxInFlight));
    }

    private static TargetCheck heap(List<Comparison> comparisons) {
        String target = PipelineJvm.MAX_HEAP + " without a full-GC storm (< " + FULL_GC_STORM + " full GCs a run)";
        List<RunResult> bridgeRuns = comparisons.stream().map(Comparison::bridge).toList();
        if (bridgeRuns.stream().anyMatch(run -> !run.succeeded())) {
            return new TargetCheck(target, false, "a run failed");
        }
        int worst = bridgeRuns.stream().mapToInt(run -> run.figures().fullGcs()).max().orElse(0);
        return new TargetCheck(target, worst < FULL_GC_STORM, "at most " + worst + " full GCs in a run");
    }
}
