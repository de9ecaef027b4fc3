package io.meetingbridge.bench;

/**
 * What one pipeline achieved on one workload; {@link ResultsTable} defines each figure for the reader.
 * A run that dead-lettered a change, wrote a conference's changes out of order or left one unapplied
 * has no figures: it failed.
 *
 * @param changes                           the bulk phase's changes, every one applied
 * @param latencyP50Millis                  null when the live phase produced no sample (or there was none)
 * @param cpuSecondsPer1000Changes          pipeline CPU over the bulk phase (the steady part)
 * @param wholeCpuSecondsPer1000Changes     pipeline CPU from launch to the bulk phase's end, start-up
 *                                          included, per change applied by then (warm-up and bulk)
 * @param benchmarkCpuSecondsPer1000Changes CPU of the benchmark's JVM (broker, simulator) in the bulk phase
 * @param hostBusyPercent                   how busy all of the machine's CPUs were during the bulk phase
 * @param readyMillis                       launch to readiness UP; null for a pipeline without the endpoint
 * @param maxPutsInFlight                   the most series PUTs the simulator had open at once in the run
 */
record Figures(int changes, long occurrences, double changesPerSecond, double occurrencesPerSecond,
               int liveChanges, Long latencyP50Millis, Long latencyP99Millis, double cpuSecondsPer1000Changes,
               double wholeCpuSecondsPer1000Changes, double benchmarkCpuSecondsPer1000Changes, double hostBusyPercent,
               long peakRssBytes, long startupMillis, Long readyMillis, int maxPutsInFlight, int fullGcs) {

    double peakRssMegabytes() {
        return peakRssBytes / (1024.0 * 1024.0);
    }
}
