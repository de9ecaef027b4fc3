package io.meetingbridge.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** End-to-end latencies of one run, in milliseconds, with nearest-rank percentiles. */
final class LatencySamples {

    private final List<Long> millis = new ArrayList<>();

    void add(long latencyMillis) {
        millis.add(latencyMillis);
    }

    int count() {
        return millis.size();
    }

    /** The nearest-rank percentile, or null without samples. */
    Long percentile(double percent) {
        if (millis.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
