package io.meetingbridge.bench;

import java.util.Optional;

/** The bridge's figures divided by a baseline's: above 1 is more (faster, or costlier). */
record Ratios(double changesPerSecond, double occurrencesPerSecond, Double latencyP50, Double latencyP99,
              double cpuPerChange, double wholeCpuPerChange, double peakRss, double startup) {

    /** Present when both runs succeeded. */
    static Optional<Ratios> between(RunResult<Figures> bridge, RunResult<Figures> baseline) {
        return bridge.succeeded() && baseline.succeeded()
                ? Optional.of(of(bridge.figures(), baseline.figures()))
                : Optional.empty();
    }

    static Ratios of(Figures bridge, Figures baseline) {
        return new Ratios(
                bridge.changesPerSecond() / baseline.changesPerSecond(),
                bridge.occurrencesPerSecond() / baseline.occurrencesPerSecond(),
                ratio(bridge.latencyP50Millis(), baseline.latencyP50Millis()),
                ratio(bridge.latencyP99Millis(), baseline.latencyP99Millis()),
                bridge.cpuSecondsPer1000Changes() / baseline.cpuSecondsPer1000Changes(),
                bridge.wholeCpuSecondsPer1000Changes() / baseline.wholeCpuSecondsPer1000Changes(),
                (double) bridge.peakRssBytes() / baseline.peakRssBytes(),
                (double) bridge.startupMillis() / baseline.startupMillis());
    }

    private static Double ratio(Long bridge, Long baseline) {
        return bridge == null || baseline == null || baseline == 0 ? null : (double) bridge / baseline;
    }
}
