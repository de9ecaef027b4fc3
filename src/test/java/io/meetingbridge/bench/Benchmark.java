package io.meetingbridge.bench;

import io.meetingbridge.simulator.MeetingApiSimulator;
import io.meetingbridge.testing.EmbeddedKafka;
import io.meetingbridge.testing.ShownPath;
import io.meetingbridge.testing.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The end-to-end benchmark (issues 5 and 11): the bridge (its shaded jar in a JVM of its own) against
 * two hand-written baselines ({@link BaselineMain}, likewise): concurrent (key-ordered lanes, the
 * bridge's in-flight limit), which every ratio and target is against, and sequential (one change at a
 * time), a second row. An embedded KRaft broker and the Meeting API simulator run in this JVM, loopback
 * only. First the bridge and the concurrent baseline idle in turn (no input), then the workloads run.
 * Prints a table, the idle table, the targets and issue 18's "Done when" as PASS/FAIL lines, writes
 * {@code bench/results.json} next to the jar (and {@code bench/scaling.png} with the scaling table), and
 * exits with status 1 when a target failed, 2 when nothing was selected to measure.
 *
 * <p>{@code mvn -q -DskipTests package exec:java@bench}, with optional system properties:
 * <pre>
 * -Dbench.warmup-changes=1000          changes applied (instant API) before a pipeline is measured
 * -Dbench.changes=3000                 changes per pipeline, instant API
 * -Dbench.slow-api-ms=50               the slow API's added latency per PUT (the target is for 50)
 * -Dbench.slow-changes=3000            changes for the bridge and the concurrent baseline, slow API
 * -Dbench.slow-sequential-changes=400  changes for the sequential baseline, slow API (~18/s at 50 ms)
 * -Dbench.live-rate=10 -Dbench.live-seconds=15   the live phase that measures latency
 * -Dbench.phase-timeout-seconds=180    a run fails when a phase takes longer
 * -Dbench.workloads=50ms-500conf       only these workloads (comma-separated; default all; "none" for none;
 *                                      none and no scaling table: exit status 2)
 * -Dbench.scaling=false                leave out the scaling table and chart (16 runs, about 10 minutes)
 * -Dbench.scaling-changes=3000         changes per scaling run
 * -Dbench.scaling-dimensions=partitions,latency   only these (partitions, conferences, occurrences, api-latency)
 * -Dbench.enforce=false                exit 0 even when a target failed, e.g. to read figures
 * -Dbench.jfr=true                     a JFR recording per pipeline JVM, bench/&lt;run&gt;.jfr, and its CPU by component
 * -Dbench.jfr.settings=my.jfc          the recording's settings (default profile), e.g. a finer sampling period
 * -Dbench.nmt=true                     Native Memory Tracking per pipeline JVM, and its memory committed by category at exit
 * -Dbench.set.KEY=VALUE                a bridge setting for every pipeline, e.g. bench.set.bridge.api.max-in-flight=16
 * -Dbench.sequential=false             leave the sequential baseline out (quicker before/after runs while profiling)
 * -Dbench.idle=false                   leave the idle runs out
 * -Dbench.idle-settle-seconds=30       an idle pipeline runs this long after its first poll before it is measured
 * -Dbench.idle-seconds=60              and is measured this long, with no input
 * </pre>
 */
public final class Benchmark {

    private static final List<Contender> STANDARD = List.of(
            Contender.BRIDGE, Contender.CONCURRENT_BASELINE, Contender.SEQUENTIAL_BASELINE);

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.outputDir());
        Machine machine = Machine.describe();
        List<Workload> workloads;
        try {
            workloads = settings.workloads();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        IdleComparison idle = null;
        List<Comparison> comparisons = new ArrayList<>();
        List<Comparison> scalingRuns = new ArrayList<>();
        say("Starting a Kafka broker and the Meeting API simulator; logs of each run in "
                + ShownPath.of(settings.outputDir()));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(Map.of());
             MeetingApiSimulator api = MeetingApiSimulator.builder()
                     .credential(TestCredentials.APP_ID, TestCredentials.APP_KEY).start();
             KafkaProducer<byte[], byte[]> liveProducer = kafka.producer()) {
            WorkloadRunner runner = new WorkloadRunner(kafka, api, new LivePublisher(liveProducer), settings);
            List<Contender> contenders = Boolean.parseBoolean(System.getProperty("bench.sequential", "true"))
                    ? STANDARD : STANDARD.subList(0, 2);
            if (settings.idle()) {
                idle = new IdleComparison(idle(runner, Contender.BRIDGE), idle(runner, Contender.CONCURRENT_BASELINE));
            }
            for (Workload workload : workloads) {
                comparisons.add(compare(runner, workload, contenders));
            }
            if (settings.scaling() != null) {
                for (Workload workload : settings.scaling().workloads()) {
                    scalingRuns.add(compare(runner, workload, List.of(Contender.BRIDGE, Contender.CONCURRENT_BASELINE)));
                }
            }
        }

        ScalingResults scaling = settings.scaling() == null ? null : new ScalingResults(settings.scaling(), scalingRuns);
        List<TargetCheck> checks = Targets.check(comparisons, scaling, idle, settings.maxInFlight());
        List<TargetCheck> doneWhen = Targets.doneWhen(comparisons, scaling, idle);
        ResultsTable.print(System.out, machine, settings, comparisons, scaling, idle, checks, doneWhen);
        Path json = settings.outputDir().resolve("results.json");
        ResultsJson.write(json, machine, settings, comparisons, scaling, idle, checks, doneWhen);
        say("Figures written to " + ShownPath.of(json));
        if (scaling != null) {
            Path chart = settings.outputDir().resolve(ScalingChart.FILE_NAME);
            ScalingChart.write(chart, scaling, "meeting-series-bridge, how cost grows: " + machine.summary());
            say("Scaling chart drawn in " + chart);
        }
        long failed = checks.stream().filter(check -> !check.met()).count();
        if (failed > 0) {
            say(failed + " of " + checks.size() + " targets failed"
                    + (settings.enforceTargets() ? "; exit status 1 (-Dbench.enforce=false for 0)" : ""));
            if (settings.enforceTargets()) {
                System.exit(1);
            }
        }
    }

    /** The workload through each contender in turn; a contender not listed is not run. */
    private static Comparison compare(WorkloadRunner runner, Workload workload, List<Contender> contenders) {
        List<RunResult<Figures>> results = contenders.stream()
                .map(contender -> run(runner, workload, contender)).toList();
        return new Comparison(workload, results.get(0), results.get(1), results.size() > 2 ? results.get(2) : null);
    }

    private static RunResult<Figures> run(WorkloadRunner runner, Workload workload, Contender contender) {
        say("%s, %s: %d changes ...".formatted(workload.name(), contender.label(), workload.changesFor(contender)));
        RunResult<Figures> result = runner.run(workload, contender);
        say(result.succeeded()
                ? "  %.0f changes/s, %.3f CPU s/1k, at most %d PUTs open".formatted(result.figures().changesPerSecond(),
                        result.figures().cpuSecondsPer1000Changes(), result.figures().maxPutsInFlight())
                : "  failed: " + result.failure());
        if (runner.settings().recordsFlight()) {
            sayWhereTheCpuWent(runner.recordingOf(workload, contender));
        }
        if (runner.settings().nativeMemory()) {
            sayWhereTheMemoryWent(runner.logOf(workload, contender));
        }
        return result;
    }

    private static RunResult<IdleFigures> idle(WorkloadRunner runner, Contender contender) {
        BenchSettings settings = runner.settings();
        say("idle, %s: %d s after its first poll, then %d s measured ...".formatted(contender.label(),
                settings.idleSettle().toSeconds(), settings.idleWindow().toSeconds()));
        RunResult<IdleFigures> result = runner.idle(contender);
        say(result.succeeded()
                ? "  %.2f CPU s/min, %.0f MB RSS, %d threads".formatted(result.figures().cpuSecondsPerMinute(),
                        result.figures().rssMegabytes(), result.figures().threads())
                : "  failed: " + result.failure());
        return result;
    }

    /** The biggest components of the run's CPU, from its JFR recording's execution samples. */
    private static void sayWhereTheCpuWent(Path recording) {
        try {
            CpuProfile profile = CpuProfile.of(recording);
            say("  CPU by component (%d JFR samples): %s".formatted(profile.samples(), profile.biggest(6)));
        } catch (IOException | RuntimeException e) {
            say("  no CPU profile from " + ShownPath.of(recording) + ": " + e);
        }
    }

    /** The biggest parts of the memory the run's JVM had committed when it exited, from Native Memory Tracking. */
    private static void sayWhereTheMemoryWent(Path log) {
        try {
            say("  memory committed at exit, MB: " + NativeMemory.fromLog(log).biggest(6));
        } catch (IOException | RuntimeException e) {
            say("  no memory summary in " + ShownPath.of(log) + ": " + e);
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
