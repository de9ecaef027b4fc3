package io.meetingbridge.bench;

import java.io.PrintStream;
import java.util.List;

/** The scaling table for people: per dimension, per value, the bridge against the concurrent baseline. */
final class ScalingTable {

    private static final String ROW = "%-24s %6s %9s %9s %6s %8s %8s %6s %5s %5s%n";

    private ScalingTable() {
    }

    static void print(PrintStream out, ScalingResults scaling) {
        ScalingPlan plan = scaling.plan();
        out.println();
        out.println("How cost grows: one dimension at a time around the base point (1 partition, 500 conferences,"
                + " 8 occurrences, API 0 ms), " + plan.changes() + " changes a run, no live phase;"
                + " changes/s and CPU s/1k as above");
        out.printf(ROW, "dimension", "value", "bridge/s", "conc/s", "x conc", "bridge", "conc", "x conc",
                "PUTs", "PUTs");
        out.printf(ROW, "", "", "changes", "changes", "", "CPU s/1k", "CPU s/1k", "", "brdg", "conc");
        for (ScalingDimension dimension : plan.dimensions()) {
            for (int value : dimension.points()) {
                Comparison comparison = scaling.at(dimension, value);
                out.printf(ROW, dimension.label(), value + (value == dimension.base() ? "*" : ""),
                        rate(comparison.bridge()), rate(comparison.concurrent()),
                        ResultsTable.ratio(comparison.ratios().map(Ratios::changesPerSecond).orElse(null)),
                        cpu(comparison.bridge()), cpu(comparison.concurrent()),
                        ResultsTable.ratio(comparison.ratios().map(Ratios::cpuPerChange).orElse(null)),
                        puts(comparison.bridge()), puts(comparison.concurrent()));
            }
        }
        out.println("  * the base point");
        for (Comparison comparison : scaling.comparisons()) {
            for (RunResult<Figures> run : List.of(comparison.bridge(), comparison.concurrent())) {
                if (!run.succeeded()) {
                    out.printf("  ! %s, %s failed: %s%n", comparison.workload().name(), run.contender().label(),
                            run.failure());
                }
            }
        }
    }

    private static String rate(RunResult<Figures> run) {
        return run.succeeded() ? "%.0f".formatted(run.figures().changesPerSecond()) : "-";
    }

    private static String cpu(RunResult<Figures> run) {
        return run.succeeded() ? "%.3f".formatted(run.figures().cpuSecondsPer1000Changes()) : "-";
    }

    private static String puts(RunResult<Figures> run) {
        return run.succeeded() ? Integer.toString(run.figures().maxPutsInFlight()) : "-";
    }
}
