package io.meetingbridge.bench;

/** The bridge's figures divided by the baseline's: above 1 is more (faster, or costlier). */
record Ratios(double changesPerSecond, double occurrencesPerSecond, Double latencyP50, Double latencyP99,
              double cpuPerChange, double peakRss, double startup) {

    static Ratios of(Figures bridge, Figures baseline) {
        return new Ratios(
                bridge.changesPerSecond() / baseline.changesPerSecond(),
                bridge.occurrencesPerSecond() / baseline.occurrencesPerSecond(),
                ratio(bridge.latencyP50Millis(), baseline.latencyP50Millis()),
                ratio(bridge.latencyP99Millis(), baseline.latencyP99Millis()),
                bridge.cpuSecondsPer1000Changes() / baseline.cpuSecondsPer1000Changes(),
                (double) bridge.peakRssBytes() / baseline.peakRssBytes(),
                (double) bridge.startupMillis() / baseline.startupMillis());
    }

    private static Double ratio(Long bridge, Long baseline) {
        return bridge == null || baseline == null || baseline == 0 ? null : (double) bridge / baseline;
    }
}
