package io.meetingbridge.bench;

import java.util.List;

/** A dimension of the scaling table: the values it takes, one dimension at a time around the base point. */
enum ScalingDimension {

    PARTITIONS("input partitions", 1, List.of(1, 4, 12)),
    CONFERENCES("conferences", 500, List.of(20, 500, 5000)),
    OCCURRENCES("occurrences per change", Workload.STANDARD_OCCURRENCES, List.of(8, 50)),
    API_LATENCY("API latency ms", 0, List.of(0, 50, 200));

    private final String label;
    private final int base;
    private final List<Integer> points;

    ScalingDimension(String label, int base, List<Integer> points) {
        this.label = label;
        this.base = base;
        this.points = points;
    }

    String label() {
        return label;
    }

    /** The value at the base point, one of {@link #points()}. */
    int base() {
        return base;
    }

    /** The values the table shows, in order. */
    List<Integer> points() {
        return points;
    }

    /** The system property's word for it: {@code partitions}, {@code conferences}, ... */
    String key() {
        return name().toLowerCase().replace('_', '-');
    }
}
