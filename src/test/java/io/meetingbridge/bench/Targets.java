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
 * Issue 18's verdicts on the comparisons of the workloads that were run (the scaling table's, when it was drawn,
 * and the idle runs', when they were made): the targets, which decide the exit status, and "Done when", the
 * figures at which the issue is resolved. Every ratio is the bridge's against the concurrent baseline. A target
 * whose run failed (a flaw of {@link RunFlaws}, a crash) fails.
 */
final class Targets {

    static final Duration SLOW_API = Duration.ofMillis(50);
    /** The targets: throughput at every workload, the 0 ms and the 50 ms API alike. */
    static final Thresholds GOALS = new Thresholds(1.0, workload -> true, 1.0, 1.0, 1.5, 1.1, 1.5, 1.2);
    /** Issue 18's "Done when": throughput counts at the 50 ms API only. */
    static final Thresholds DONE_WHEN = new Thresholds(0.9, workload -> workload.putLatency().equals(SLOW_API),
            1.2, 1.3, 1.5, 1.2, 2.0, 1.4);
    static final Duration MAX_READY = Duration.ofSeconds(4);
    static final int SLOW_API_CONFERENCES = 500;
    static final double MIN_SLOW_API_RATE = 400;
    /** Full GCs in one run from which on it counts as a storm; a healthy run of G1 has none. */
    static final int FULL_GC_STORM = 3;

    private Targets() {
    }

    /**
     * The targets: {@link #GOALS}, then the bridge's absolute gates.
     *
     * @param scaling     null when the scaling table was not drawn
     * @param idle        null when the idle runs were left out
     * @param maxInFlight the configured {@code bridge.api.max-in-flight}: the most PUTs the bridge may hold open
     */
    static List<TargetCheck> check(List<Comparison> comparisons, ScalingResults scaling, IdleComparison idle,
                                   int maxInFlight) {
        List<TargetCheck> checks = verdict(GOALS, comparisons, scaling, idle);
        for (Comparison comparison : comparisons) {
            if (comparison.workload().putLatency().equals(SLOW_API)
                    && comparison.workload().conferences() == SLOW_API_CONFERENCES) {
                checks.add(slowApi(comparison));
            }
        }
        List<Comparison> all = withScaling(comparisons, scaling);
        if (!all.isEmpty()) {
            checks.add(bridgeRuns("<= " + maxInFlight + " PUTs in flight (the configured bridge.api.max-in-flight)",
                    all, f -> (long) f.maxPutsInFlight(), maxInFlight, " PUTs open at once"));
            checks.add(bridgeRuns(PipelineJvm.MAX_HEAP + " without a full-GC storm (< " + FULL_GC_STORM + " a run)",
                    all, f -> (long) f.fullGcs(), FULL_GC_STORM - 1, " full GCs in a run"));
        }
        if (scaling != null) {
            checks.add(atLeast("scaling: throughput at every point", scaling.comparisons(),
                    Ratios::changesPerSecond, GOALS.minThroughput()));
            checks.add(atMost("scaling: CPU per change at every point", scaling.comparisons(),
                    Ratios::cpuPerChange, GOALS.maxSteadyCpu()));
        }
        return checks;
    }

    /** Issue 18's "Done when": {@link #DONE_WHEN}; printed, never an exit status. */
    static List<TargetCheck> doneWhen(List<Comparison> comparisons, ScalingResults scaling, IdleComparison idle) {
        return verdict(DONE_WHEN, comparisons, scaling, idle);
    }

    /** The ratios held to these thresholds, and readiness. */
    private static List<TargetCheck> verdict(Thresholds limits, List<Comparison> comparisons, ScalingResults scaling,
                                             IdleComparison idle) {
        List<TargetCheck> checks = new ArrayList<>();
        for (Comparison comparison : comparisons) {
            String name = comparison.workload().name();
            List<Comparison> one = List.of(comparison);
            if (limits.throughputOf().test(comparison.workload())) {
                checks.add(atLeast(name + ": throughput", one, Ratios::changesPerSecond, limits.minThroughput()));
            }
            checks.add(atMost(name + ": CPU per change, steady", one, Ratios::cpuPerChange, limits.maxSteadyCpu()));
            checks.add(atMost(name + ": CPU per change, whole process", one, Ratios::wholeCpuPerChange,
                    limits.maxWholeCpu()));
        }
        if (!comparisons.isEmpty()) {
            checks.add(atMost("start to first occurrence", comparisons, Ratios::startup, limits.maxStartup()));
            checks.add(atMost("peak RSS with " + PipelineJvm.MAX_HEAP, comparisons, Ratios::peakRss, limits.maxRss()));
        }
        List<Comparison> all = withScaling(comparisons, scaling);
        if (!all.isEmpty()) {
            checks.add(bridgeRuns("readiness UP < " + MAX_READY.toSeconds() + " s", all,
                    f -> f.readyMillis() == null ? Long.MAX_VALUE : f.readyMillis(), MAX_READY.toMillis() - 1, " ms"));
        }
        if (idle != null) {
            checks.add(idle("idle CPU per minute", idle, IdleComparison.IdleRatios::cpu, limits.maxIdleCpu()));
            checks.add(idle("idle RSS", idle, IdleComparison.IdleRatios::rss, limits.maxIdleRss()));
        }
        return checks;
    }

    private static List<Comparison> withScaling(List<Comparison> comparisons, ScalingResults scaling) {
        return Stream.concat(comparisons.stream(),
                scaling == null ? Stream.empty() : scaling.comparisons().stream()).toList();
    }

    private static TargetCheck idle(String what, IdleComparison idle, ToDoubleFunction<IdleComparison.IdleRatios> ratio,
                                    double max) {
        String target = what + " <= " + max + " x baseline";
        return idle.ratios().map(ratio::applyAsDouble)
                .map(value -> new TargetCheck(target, value <= max, "%.2f x".formatted(value)))
                .orElseGet(() -> new TargetCheck(target, false, "an idle run failed"));
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
        RunResult<Figures> bridge = comparison.bridge();
        if (!bridge.succeeded()) {
            return new TargetCheck(target, false, "run failed");
        }
        double rate = bridge.figures().changesPerSecond();
        return new TargetCheck(target, rate >= MIN_SLOW_API_RATE, "%.0f changes/s".formatted(rate));
    }
}
