package io.meetingbridge.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The targets, checked against the comparisons of the workloads that were run (and the scaling
 * table's, when it was drawn). Every ratio is the bridge's against the concurrent baseline. A target
 * whose run failed (a dead letter, an order violation, a crash) fails.
 */
final class Targets {

    static final double MIN_THROUGHPUT_RATIO = 1.0;
    static final double MAX_CPU_RATIO = 1.0;
    static final double MAX_STARTUP_RATIO = 1.5;
    static final Duration MAX_READY = Duration.ofSeconds(4);
    static final double MAX_RSS_RATIO = 1.1;
    static final int MAX_IN_FLIGHT = 32;
    static final Duration SLOW_API = Duration.ofMillis(50);
    static final int SLOW_API_CONFERENCES = 500;
    static final double MIN_SLOW_API_RATE = 400;
    /** Full GCs in one run from which on it counts as a storm; a healthy run of G1 has none. */
    static final int FULL_GC_STORM = 3;

    private Targets() {
    }

    /** @param scaling null when the scaling table was not drawn */
    static List<TargetCheck> check(List<Comparison> comparisons, ScalingResults scaling) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            String name = comparison.workload().name();
            List<Comparison> one = List.of(comparison);
            checks.add(atLeast(name + ": throughput", one, Ratios::changesPerSecond, MIN_THROUGHPUT_RATIO));
            checks.add(atMost(name + ": CPU per change, steady", one, Ratios::cpuPerChange, MAX_CPU_RATIO));
            checks.add(atMost(name + ": CPU per change, whole process", one, Ratios::wholeCpuPerChange, MAX_CPU_RATIO));
            if (comparison.workload().putLatency().equals(SLOW_API)
                    && comparison.workload().conferences() == SLOW_API_CONFERENCES) {
                checks.add(slowApi(comparison));
            }
        }
        if (!comparisons.isEmpty()) {
            checks.add(atMost("start to first occurrence", comparisons, Ratios::startup, MAX_STARTUP_RATIO));
            checks.add(atMost("peak RSS with " + PipelineJvm.MAX_HEAP, comparisons, Ratios::peakRss, MAX_RSS_RATIO));
        }
        List<Comparison> all = Stream.concat(comparisons.stream(),
                scaling == null ? Stream.empty() : scaling.comparisons().stream()).toList();
        if (!all.isEmpty()) {
            checks.add(bridgeRuns("readiness UP < " + MAX_READY.toSeconds() + " s", all,
                    f -> f.readyMillis() == null ? Long.MAX_VALUE : f.readyMillis(), MAX_READY.toMillis() - 1, " ms"));
            checks.add(bridgeRuns("<= " + MAX_IN_FLIGHT + " PUTs in flight (the simulator's count)", all,
                    f -> (long) f.maxPutsInFlight(), MAX_IN_FLIGHT, " PUTs open at once"));
            checks.add(bridgeRuns(PipelineJvm.MAX_HEAP + " without a full-GC storm (< " + FULL_GC_STORM + " a run)",
                    all, f -> (long) f.fullGcs(), FULL_GC_STORM - 1, " full GCs in a run"));
        }
        if (scaling != null) {
            checks.add(atLeast("scaling: throughput at every point", scaling.comparisons(),
                    Ratios::changesPerSecond, MIN_THROUGHPUT_RATIO));
            checks.add(atMost("scaling: CPU per change at every point", scaling.comparisons(),
                    Ratios::cpuPerChange, MAX_CPU_RATIO));
        }
        return checks;
    }

    private static TargetCheck atLeast(String what, List<Comparison> comparisons, ToDoubleFunction<Ratios> ratio,
                                       double min) {
        return worstRatio(what + " >= " + min + " x baseline", comparisons, ratio, Comparator.naturalOrder(), min);
    }

    private static TargetCheck atMost(String what, List<Comparison> comparisons, ToDoubleFunction<Ratios> ratio,
                                      double max) {
        return worstRatio(what + " <= " + max + " x baseline", comparisons, ratio, Comparator.reverseOrder(), max);
    }

    /** The worst ratio of the comparisons decides: the first in {@code worstFirst} order. */
    private static TargetCheck worstRatio(String target, List<Comparison> comparisons, ToDoubleFunction<Ratios> ratio,
                                          Comparator<Double> worstFirst, double limit) {
        Optional<Comparison> failed = comparisons.stream().filter(c -> c.ratios().isEmpty()).findFirst();
        if (failed.isPresent()) {
            return new TargetCheck(target, false, "a run of " + failed.get().workload().name() + " failed");
        }
        Comparison worst = comparisons.stream()
                .min(Comparator.comparing(c -> ratio.applyAsDouble(c.ratios().orElseThrow()), worstFirst))
                .orElseThrow();
        double value = ratio.applyAsDouble(worst.ratios().orElseThrow());
        String measured = "%.2f x".formatted(value) + (comparisons.size() > 1 ? " (" + worst.workload().name() + ")" : "");
        return new TargetCheck(target, worstFirst.compare(value, limit) >= 0, measured);
    }

    /** The bridge's worst run decides: the highest figure, which must be at most {@code max}. */
    private static TargetCheck bridgeRuns(String target, List<Comparison> comparisons, Function<Figures, Long> figure,
                                          long max, String unit) {
        Optional<Comparison> failed = comparisons.stream().filter(c -> !c.bridge().succeeded()).findFirst();
        if (failed.isPresent()) {
            return new TargetCheck(target, false, "the bridge's run of " + failed.get().workload().name() + " failed");
        }
        Comparison worst = comparisons.stream()
                .max(Comparator.comparing(c -> figure.apply(c.bridge().figures())))
                .orElseThrow();
        long value = figure.apply(worst.bridge().figures());
        return new TargetCheck(target, value <= max, "at most " + value + unit + " (" + worst.workload().name() + ")");
    }

    private static TargetCheck slowApi(Comparison comparison) {
        String target = comparison.workload().name() + ", " + comparison.workload().partitions()
                + " partition: >= %.0f changes/s".formatted(MIN_SLOW_API_RATE);
        RunResult bridge = comparison.bridge();
        if (!bridge.succeeded()) {
            return new TargetCheck(target, false, "run failed");
        }
        double rate = bridge.figures().changesPerSecond();
        return new TargetCheck(target, rate >= MIN_SLOW_API_RATE, "%.0f changes/s".formatted(rate));
    }
}
