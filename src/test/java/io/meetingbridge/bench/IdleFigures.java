package io.meetingbridge.bench;

/**
 * What a pipeline costs with no input, measured from outside once it has settled (issue 18, lever 6).
 *
 * @param cpuSecondsPerMinute its JVM's user+sys CPU over the idle window, per minute
 * @param rssBytes            resident memory at the window's end (VmRSS)
 * @param threads             its JVM's threads at the window's end
 */
record IdleFigures(double cpuSecondsPerMinute, long rssBytes, int threads) {

    double rssMegabytes() {
        return rssBytes / (1024.0 * 1024.0);
    }
}
