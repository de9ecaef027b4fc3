package io.meetingbridge.bench;

import java.io.PrintStream;
import java.util.List;

/** The benchmark's report for people: one block per workload (bridge, baseline, ratio), then the targets. */
final class ResultsTable {

    private static final String ROW = "%-13s %-8s %7s %9s %9s %7s %7s %8s %9s %6s %7s %8s %5s%n";

    private ResultsTable() {
    }

    static void print(PrintStream out, Machine machine, BenchSettings settings, List<Comparison> comparisons,
                      List<TargetCheck> checks) {
        out.println();
        out.println("meeting-series-bridge benchmark on " + machine.summary());
        out.println("Each pipeline in its own JVM (" + PipelineJvm.MAX_HEAP + "), input topic of "
                + WorkloadRunner.INPUT_PARTITIONS + " partition, fresh topics and group per run.");
        out.println("  changes/s, occ/s: bulk phase, after " + settings.warmupChanges() + " warm-up changes: the JVM is"
                + " frozen while the changes are published, then measured from its thaw to the last offset committed");
        out.println("  CPU s/1k: pipeline JVM user+sys CPU over that same window, per 1000 changes; bench s/1k: the same"
                + " for the benchmark's JVM (broker, simulator); host %: share of all CPUs busy, any process");
        out.println("  p50/p99: live phase, " + settings.liveRatePerSecond() + " changes/s for "
                + settings.liveDuration().toSeconds() + " s; input record timestamp -> its last occurrence's timestamp");
        out.println("  RSS: peak (VmHWM); start: JVM launch -> first occurrence written (a warm-up change end to end);"
                + " FGCs: 'Pause Full' in the GC log");
        if (!settings.pipelineOverrides().isEmpty()) {
            out.println("  settings overridden for both pipelines: " + settings.pipelineOverrides().keySet());
        }
        out.println();
        out.printf(ROW, "workload", "pipeline", "changes", "changes/s", "occ/s", "p50 ms", "p99 ms", "CPU s/1k",
                "bench s/1k", "host %", "RSS MB", "start ms", "FGCs");
        for (Comparison comparison : comparisons) {
            printRun(out, comparison.workload().name(), comparison.bridge());
            printRun(out, "", comparison.baseline());
            comparison.ratios().ifPresent(r -> out.printf(ROW, "", "ratio", "", ratio(r.changesPerSecond()),
                    ratio(r.occurrencesPerSecond()), ratio(r.latencyP50()), ratio(r.latencyP99()),
                    ratio(r.cpuPerChange()), "", "", ratio(r.peakRss()), ratio(r.startup()), ""));
        }
        out.println();
        checks.forEach(check -> out.printf("%s  %-62s %s%n", check.verdict(), check.target(), check.measured()));
    }

    private static void printRun(PrintStream out, String workload, RunResult run) {
        if (!run.succeeded()) {
            out.printf("%-13s %-8s FAILED: %s%n", workload, run.contender().label(), run.failure());
            return;
        }
        Figures f = run.figures();
        out.printf(ROW, workload, run.contender().label(), f.changes(), "%.0f".formatted(f.changesPerSecond()),
                "%.0f".formatted(f.occurrencesPerSecond()), millis(f.latencyP50Millis()),
                millis(f.latencyP99Millis()), "%.3f".formatted(f.cpuSecondsPer1000Changes()),
                "%.3f".formatted(f.benchmarkCpuSecondsPer1000Changes()), "%.0f".formatted(f.hostBusyPercent()),
                "%.0f".formatted(f.peakRssMegabytes()), f.startupMillis(), f.fullGcs());
        if (f.deadLettered() > 0 || f.orderViolations() > 0) {
            out.printf("%-13s   ! %d dead-lettered, %d order violations%n", "", f.deadLettered(), f.orderViolations());
        }
    }

    private static String millis(Long value) {
        return value == null ? "-" : value.toString();
    }

    private static String ratio(Double value) {
        return value == null ? "-" : "%.2f".formatted(value);
    }
}
