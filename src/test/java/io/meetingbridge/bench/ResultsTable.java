package io.meetingbridge.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark's report for people: one block per workload (the bridge, the concurrent and the
 * sequential baseline, the bridge's ratios to each), then the scaling table if drawn, the idle table if
 * measured, then the targets and issue 18's "Done when".
 */
final class ResultsTable {

    private static final String ROW =
            "%-13s %-10s %7s %9s %8s %6s %6s %8s %8s %8s %6s %6s %8s %8s %4s %4s%n";
    private static final String IDLE_ROW = "%-10s %10s %8s %8s%n";

    private ResultsTable() {
    }

    /**
     * @param scaling null when the scaling table was not drawn
     * @param idle    null when the idle runs were left out
     */
    static void print(PrintStream out, Machine machine, BenchSettings settings, List<Comparison> comparisons,
                      ScalingResults scaling, IdleComparison idle, List<TargetCheck> checks,
                      List<TargetCheck> doneWhen) {
        out.println();
        out.println("meeting-series-bridge benchmark on " + machine.summary());
        out.println("Each pipeline in its own JVM, all on the same java (" + PipelineJvm.runtime() + ") with "
                + PipelineJvm.MAX_HEAP + "; fresh topics (the series ledger's too) and group per run;"
                + " ratios are the bridge's to the concurrent baseline (x conc) and to the sequential one (x seq).");
        out.println("  concurrent: plain Java, key-ordered lanes, at most bridge.api.max-in-flight calls open;"
                + " sequential: plain Java, one change at a time");
        out.println("  changes/s, occ/s: bulk phase, after " + settings.warmupChanges() + " warm-up changes: the JVM is"
                + " frozen while the changes are published, then measured from its thaw to the last offset committed;"
                + " applied changes only");
        out.println("  CPU s/1k: pipeline JVM user+sys CPU over that same window, per 1000 changes; whole s/1k: from"
                + " launch to the bulk phase's end, per change applied by then; bench s/1k: the benchmark's JVM"
                + " (broker, simulator) in the bulk window; host %: share of all CPUs busy, any process");
        if (!comparisons.isEmpty()) {
            out.println("  p50/p99: live phase, " + settings.liveRatePerSecond() + " changes/s for "
                    + settings.liveDuration().toSeconds() + " s; input record timestamp -> its last occurrence's"
                    + " timestamp");
        }
        out.println("  RSS: peak (VmHWM); start: JVM launch -> first occurrence written (a warm-up change end to end);"
                + " ready: JVM launch -> readiness UP; PUTs: most PUTs the simulator had open at once;"
                + " FGCs: 'Pause Full' in the GC log; a run fails on a dead letter, an occurrence missing (changes x"
                + " occurrences are counted), output out of a conference's order, or two calls of one conference open"
                + " at once");
        if (!settings.pipelineOverrides().isEmpty()) {
            out.println("  settings overridden for every pipeline: " + settings.pipelineOverrides().keySet());
        }
        if (!comparisons.isEmpty()) {
            out.println();
            out.printf(ROW, "workload", "pipeline", "changes", "changes/s", "occ/s", "p50 ms", "p99 ms", "CPU s/1k",
                    "whole/1k", "bench/1k", "host %", "RSS MB", "start ms", "ready ms", "PUTs", "FGCs");
            for (Comparison comparison : comparisons) {
                printRun(out, comparison.workload().name(), comparison.bridge());
                printRun(out, "", comparison.concurrent());
                printRatios(out, "x conc", comparison.ratios());
                if (comparison.sequential() != null) {
                    printRun(out, "", comparison.sequential());
                    printRatios(out, "x seq", comparison.sequentialRatios());
                }
            }
        }
        if (scaling != null) {
            ScalingTable.print(out, scaling);
        }
        if (idle != null) {
            printIdle(out, settings, idle);
        }
        out.println();
        out.println("Targets (status 1 when one fails, unless -Dbench.enforce=false)");
        printChecks(out, checks);
        out.println();
        out.println("Done when (issue 18)");
        printChecks(out, doneWhen);
    }

    private static void printChecks(PrintStream out, List<TargetCheck> checks) {
        checks.forEach(check -> out.printf("%s  %-66s %s%n", check.verdict(), check.target(), check.measured()));
    }

    private static void printIdle(PrintStream out, BenchSettings settings, IdleComparison idle) {
        out.println();
        out.println("idle: no input; from " + settings.idleSettle().toSeconds() + " s after the first poll (the"
                + " bridge: after readiness UP), " + settings.idleWindow().toSeconds() + " s measured; CPU s/min:"
                + " user+sys of the pipeline's JVM per minute; RSS MB and threads: at the end (VmRSS, Threads)");
        out.printf(IDLE_ROW, "pipeline", "CPU s/min", "RSS MB", "threads");
        for (RunResult<IdleFigures> run : List.of(idle.bridge(), idle.concurrent())) {
            if (run.succeeded()) {
                IdleFigures f = run.figures();
                out.printf(IDLE_ROW, run.contender().label(), "%.2f".formatted(f.cpuSecondsPerMinute()),
                        "%.0f".formatted(f.rssMegabytes()), f.threads());
            } else {
                out.printf("%-10s FAILED: %s%n", run.contender().label(), run.failure());
            }
        }
        idle.ratios().ifPresent(r -> out.printf(IDLE_ROW, "x conc", ratio(r.cpu()), ratio(r.rss()),
                ratio(r.threads())));
    }

    private static void printRun(PrintStream out, String workload, RunResult<Figures> run) {
        if (!run.succeeded()) {
            out.printf("%-13s %-10s FAILED: %s%n", workload, run.contender().label(), run.failure());
            return;
        }
        Figures f = run.figures();
        out.printf(ROW, workload, run.contender().label(), f.changes(), "%.0f".formatted(f.changesPerSecond()),
                "%.0f".formatted(f.occurrencesPerSecond()), millis(f.latencyP50Millis()),
                millis(f.latencyP99Millis()), "%.3f".formatted(f.cpuSecondsPer1000Changes()),
                "%.3f".formatted(f.wholeCpuSecondsPer1000Changes()),
                "%.3f".formatted(f.benchmarkCpuSecondsPer1000Changes()), "%.0f".formatted(f.hostBusyPercent()),
                "%.0f".formatted(f.peakRssMegabytes()), f.startupMillis(), millis(f.readyMillis()),
                f.maxPutsInFlight(), f.fullGcs());
    }

    private static void printRatios(PrintStream out, String label, Optional<Ratios> ratios) {
        ratios.ifPresent(r -> out.printf(ROW, "", label, "", ratio(r.changesPerSecond()),
                ratio(r.occurrencesPerSecond()), ratio(r.latencyP50()), ratio(r.latencyP99()),
                ratio(r.cpuPerChange()), ratio(r.wholeCpuPerChange()), "", "", ratio(r.peakRss()), ratio(r.startup()),
                "", "", ""));
    }

    private static String millis(Long value) {
        return value == null ? "-" : value.toString();
    }

    static String ratio(Double value) {
        return value == null ? "-" : "%.2f".formatted(value);
    }
}
