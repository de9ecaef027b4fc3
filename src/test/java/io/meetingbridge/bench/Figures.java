package io.meetingbridge.bench;

/**
 * What one pipeline achieved on one workload; {@link ResultsTable} defines each figure for the reader.
 *
 * @param latencyP50Millis null when the live phase produced no sample
 * @param benchmarkCpuSecondsPer1000Changes CPU of the benchmark's JVM (broker, simulator) in the bulk phase
 * @param hostBusyPercent  how busy all of the machine's CPUs were during the bulk phase
 * @param orderViolations  should be 0: see {@link OutputScan}
 */
record Figures(int changes, long occurrences, double changesPerSecond, double occurrencesPerSecond,
               int liveChanges, Long latencyP50Millis, Long latencyP99Millis, double cpuSecondsPer1000Changes,
               double benchmarkCpuSecondsPer1000Changes, double hostBusyPercent, long peakRssBytes, long startupMillis, int fullGcs, long deadLettered, long orderViolations) {

    double peakRssMegabytes() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
