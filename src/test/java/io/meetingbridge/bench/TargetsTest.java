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
    private static final Workload SLOW = new Workload("50ms-20conf", 1, 20, 8, Duration.ofMillis(50), 100, 100, true);
    private static final int MAX_IN_FLIGHT = 32;
    private static final String IN_FLIGHT = "<= 32 PUTs in flight (the configured bridge.api.max-in-flight)";
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

        List<TargetCheck> checks = Targets.check(List.of(comparison), null, idle(0.8, 0.8), MAX_IN_FLIGHT);

        List<String> all = new ArrayList<>(RATIO_TARGETS);
        all.addAll(List.of("readiness UP < 4 s", "idle CPU per minute <= 1.5 x baseline", "idle RSS <= 1.2 x baseline",
                IN_FLIGHT, PipelineJvm.MAX_HEAP + " without a full-GC storm (< 3 a run)"));
        assertThat(checks).extracting(TargetCheck::target).containsExactlyElementsOf(all);
        assertThat(checks).allMatch(TargetCheck::met);
        assertThat(byTarget(checks).get(IN_FLIGHT).measured()).isEqualTo("at most 32 PUTs open at once (0ms-500conf)");
    }

    @Test
    void theInFlightBoundIsTheConfiguredOneNotThirtyTwo() {
        Comparison comparison = comparison(bridge(300, 2.0, 3_000L, 17), baseline(300, 2.0));

        Map<String, TargetCheck> checks = byTarget(Targets.check(List.of(comparison), null, null, 16));

        TargetCheck inFlight = checks.get("<= 16 PUTs in flight (the configured bridge.api.max-in-flight)");
        assertThat(inFlight.met()).isFalse();
        assertThat(inFlight.measured()).startsWith("at most 17 ");
    }

    @Test
    void theIdleRatiosAreHeldToTheirTargetsAndAFailedIdleRunFailsThem() {
        Comparison comparison = comparison(bridge(300, 2.0, 3_000L, 32), baseline(300, 2.0));

        Map<String, TargetCheck> slowIdle = byTarget(Targets.check(List.of(comparison), null, idle(1.6, 1.2),
                MAX_IN_FLIGHT));
        Map<String, TargetCheck> failedIdle = byTarget(Targets.check(List.of(comparison), null,
                new IdleComparison(RunResult.failed(Contender.BRIDGE, "crashed"),
                        idleRun(Contender.CONCURRENT_BASELINE, 1.0, 100)), MAX_IN_FLIGHT));

        assertThat(slowIdle.get("idle CPU per minute <= 1.5 x baseline").met()).isFalse();
        assertThat(slowIdle.get("idle CPU per minute <= 1.5 x baseline").measured()).isEqualTo("1.60 x");
        assertThat(slowIdle.get("idle RSS <= 1.2 x baseline").met()).isTrue();
        assertThat(failedIdle.get("idle RSS <= 1.2 x baseline").measured()).isEqualTo("an idle run failed");
        assertThat(failedIdle.get("idle RSS <= 1.2 x baseline").met()).isFalse();
    }

    @Test
    void doneWhenHoldsTheIssuesLooserThresholdsAndThroughputAtTheSlowApiOnly() {
        Comparison instant = comparison(bridge(200, 2.3, 3_000L, 32), baseline(300, 2.0));
        Comparison slow = new Comparison(SLOW, bridge(280, 2.7, 3_000L, 32), baseline(300, 2.0), null);

        List<TargetCheck> done = Targets.doneWhen(List.of(instant, slow), null, idle(1.9, 1.3));

        assertThat(done).extracting(TargetCheck::target).containsExactly(
                "0ms-500conf: CPU per change, steady <= 1.2 x baseline",
                "0ms-500conf: CPU per change, whole process <= 1.3 x baseline",
                "50ms-20conf: throughput >= 0.9 x baseline",
                "50ms-20conf: CPU per change, steady <= 1.2 x baseline",
                "50ms-20conf: CPU per change, whole process <= 1.3 x baseline",
                "start to first occurrence <= 1.5 x baseline",
                "peak RSS with " + PipelineJvm.MAX_HEAP + " <= 1.2 x baseline",
                "readiness UP < 4 s",
                "idle CPU per minute <= 2.0 x baseline",
                "idle RSS <= 1.4 x baseline");
        assertThat(done).filteredOn(check -> !check.met()).extracting(TargetCheck::target).containsExactly(
                "50ms-20conf: CPU per change, steady <= 1.2 x baseline",
                "50ms-20conf: CPU per change, whole process <= 1.3 x baseline");
        assertThat(byTarget(Targets.check(List.of(instant, slow), null, idle(1.9, 1.3), MAX_IN_FLIGHT)))
                .as("the same run against the targets").hasEntrySatisfying(
                        "idle CPU per minute <= 1.5 x baseline", check -> assertThat(check.met()).isFalse());
    }

    @Test
    void ratiosAreAgainstTheConcurrentBaselineNotTheSequentialOne() {
        Comparison comparison = new Comparison(INSTANT, bridge(280, 2.0, 3_000L, 32),
                baseline(300, 2.0), run(Contender.SEQUENTIAL_BASELINE, 50, 9.0, null, 1));

        Map<String, TargetCheck> checks = byTarget(Targets.check(List.of(comparison), null, null, MAX_IN_FLIGHT));

        assertThat(checks.get("0ms-500conf: throughput >= 1.0 x baseline").met()).isFalse();
        assertThat(checks.get("0ms-500conf: throughput >= 1.0 x baseline").measured()).isEqualTo("0.93 x");
    }

    @Test
    void inFlightAndReadinessAreTheBridgesMeasuredWorst() {
        Comparison comparison = comparison(bridge(300, 2.0, 4_000L, 33), baseline(300, 2.0));

        Map<String, TargetCheck> checks = byTarget(Targets.check(List.of(comparison), null, null, MAX_IN_FLIGHT));

        assertThat(checks.get("readiness UP < 4 s").met()).isFalse();
        assertThat(checks.get(IN_FLIGHT).met()).isFalse();
        assertThat(checks.get(IN_FLIGHT).measured()).startsWith("at most 33 ");
    }

    @Test
    void aFailedRunFailsItsTargets() {
        Comparison comparison = comparison(bridge(300, 2.0, 3_000L, 32),
                RunResult.failed(Contender.CONCURRENT_BASELINE, "2 dead-lettered"));

        List<TargetCheck> checks = Targets.check(List.of(comparison), null, null, MAX_IN_FLIGHT);

        assertThat(byTarget(checks).get("0ms-500conf: throughput >= 1.0 x baseline").measured())
                .isEqualTo("a run of 0ms-500conf failed");
        assertThat(checks).filteredOn(check -> !check.met()).extracting(TargetCheck::target)
                .as("every ratio against the failed baseline; the bridge's own figures still pass")
                .containsExactlyElementsOf(RATIO_TARGETS);
    }

    /** The bridge idling at these multiples of the baseline's CPU per minute and RSS. */
    private static IdleComparison idle(double cpuRatio, double rssRatio) {
        return new IdleComparison(idleRun(Contender.BRIDGE, cpuRatio, (long) (100 * rssRatio)),
                idleRun(Contender.CONCURRENT_BASELINE, 1.0, 100));
    }

    private static RunResult<IdleFigures> idleRun(Contender contender, double cpuSecondsPerMinute, long rssMegabytes) {
        return RunResult.measured(contender, new IdleFigures(cpuSecondsPerMinute, rssMegabytes << 20, 20));
    }

    private static Map<String, TargetCheck> byTarget(List<TargetCheck> checks) {
        return checks.stream().collect(Collectors.toMap(TargetCheck::target, Function.identity()));
    }

    private static Comparison comparison(RunResult<Figures> bridge, RunResult<Figures> baseline) {
        return new Comparison(INSTANT, bridge, baseline, null);
    }

    private static RunResult<Figures> bridge(double rate, double cpu, Long readyMillis, int puts) {
        return run(Contender.BRIDGE, rate, cpu, readyMillis, puts);
    }

    private static RunResult<Figures> baseline(double rate, double cpu) {
        return run(Contender.CONCURRENT_BASELINE, rate, cpu, null, 32);
    }

    private static RunResult<Figures> run(Contender contender, double rate, double cpu, Long readyMillis, int puts) {
        return RunResult.measured(contender, new Figures(100, 800, rate, rate * 8, 0, null, null, cpu, cpu * 2, 1.0,
                90, 200L << 20, 3_000, readyMillis, puts, 0));
    }
}
