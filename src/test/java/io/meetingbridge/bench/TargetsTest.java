package io.meetingbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Workload INSTANT = new Workload("0ms-500conf", 1, 500, 8, Duration.ZERO, 100, 100, true);
    /** The targets of one workload that compare the bridge with a baseline. */
    private static final List<String> RATIO_TARGETS = List.of(
            "0ms-500conf: throughput >= 1.0 x baseline",
            "0ms-500conf: CPU per change, steady <= 1.0 x baseline",
            "0ms-500conf: CPU per change, whole process <= 1.0 x baseline",
            "start to first occurrence <= 1.5 x baseline",
            "peak RSS with " + PipelineJvm.MAX_HEAP + " <= 1.1 x baseline");

    @Test
    void aBridgeAsFastAndAsCheapAsTheConcurrentBaselinePassesEveryTarget() {
        Comparison comparison = comparison(bridge(300, 2.0, 3_000L, 32), baseline(300, 2.0));

        List<TargetCheck> checks = Targets.check(List.of(comparison), null);

        List<String> all = new ArrayList<>(RATIO_TARGETS);
        all.addAll(List.of("readiness UP < 4 s", "<= 32 PUTs in flight (the simulator's count)",
                PipelineJvm.MAX_HEAP + " without a full-GC storm (< 3 a run)"));
        assertThat(checks).extracting(TargetCheck::target).containsExactlyElementsOf(all);
        assertThat(checks).allMatch(TargetCheck::met);
        assertThat(byTarget(checks).get("<= 32 PUTs in flight (the simulator's count)").measured())
                .isEqualTo("at most 32 PUTs open at once (0ms-500conf)");
    }

    @Test
    void ratiosAreAgainstTheConcurrentBaselineNotTheSequentialOne() {
        Comparison comparison = new Comparison(INSTANT, bridge(280, 2.0, 3_000L, 32),
                baseline(300, 2.0), run(Contender.SEQUENTIAL_BASELINE, 50, 9.0, null, 1));

        Map<String, TargetCheck> checks = byTarget(Targets.check(List.of(comparison), null));

        assertThat(checks.get("0ms-500conf: throughput >= 1.0 x baseline").met()).isFalse();
        assertThat(checks.get("0ms-500conf: throughput >= 1.0 x baseline").measured()).isEqualTo("0.93 x");
    }

    @Test
    void inFlightAndReadinessAreTheBridgesMeasuredWorst() {
        Comparison comparison = comparison(bridge(300, 2.0, 4_000L, 33), baseline(300, 2.0));

        Map<String, TargetCheck> checks = byTarget(Targets.check(List.of(comparison), null));

        assertThat(checks.get("readiness UP < 4 s").met()).isFalse();
        assertThat(checks.get("<= 32 PUTs in flight (the simulator's count)").met()).isFalse();
        assertThat(checks.get("<= 32 PUTs in flight (the simulator's count)").measured()).startsWith("at most 33 ");
    }

    @Test
    void aFailedRunFailsItsTargets() {
        Comparison comparison = comparison(bridge(300, 2.0, 3_000L, 32),
                RunResult.failed(Contender.CONCURRENT_BASELINE, "2 dead-lettered"));

        List<TargetCheck> checks = Targets.check(List.of(comparison), null);

        assertThat(byTarget(checks).get("0ms-500conf: throughput >= 1.0 x baseline").measured())
                .isEqualTo("a run of 0ms-500conf failed");
        assertThat(checks).filteredOn(check -> !check.met()).extracting(TargetCheck::target)
                .as("every ratio against the failed baseline; the bridge's own figures still pass")
                .containsExactlyElementsOf(RATIO_TARGETS);
    }

    private static Map<String, TargetCheck> byTarget(List<TargetCheck> checks) {
        return checks.stream().collect(Collectors.toMap(TargetCheck::target, Function.identity()));
    }

    private static Comparison comparison(RunResult bridge, RunResult baseline) {
        return new Comparison(INSTANT, bridge, baseline, null);
    }

    private static RunResult bridge(double rate, double cpu, Long readyMillis, int puts) {
        return run(Contender.BRIDGE, rate, cpu, readyMillis, puts);
    }

    private static RunResult baseline(double rate, double cpu) {
        return run(Contender.CONCURRENT_BASELINE, rate, cpu, null, 32);
    }

    private static RunResult run(Contender contender, double rate, double cpu, Long readyMillis, int puts) {
        return RunResult.measured(contender, new Figures(100, 800, rate, rate * 8, 0, null, null, cpu, cpu * 2, 1.0,
                90, 200L << 20, 3_000, readyMillis, puts, 0));
    }
}
