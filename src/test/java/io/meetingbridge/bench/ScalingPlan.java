package io.meetingbridge.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scaling table's workloads: the base point (1 partition, 500 conferences, 8 occurrences, an
 * instant API), and from it each chosen dimension varied alone, never the full cross product.
 */
record ScalingPlan(List<ScalingDimension> dimensions, int changes) {

    /** The workload at {@code value} of {@code dimension}, every other dimension at its base. */
    Workload point(ScalingDimension dimension, int value) {
        Map<ScalingDimension, Integer> values = new EnumMap<>(ScalingDimension.class);
        for (ScalingDimension each : ScalingDimension.values()) {
            values.put(each, each == dimension ? value : each.base());
        }
        return Workload.scaling(values.get(ScalingDimension.PARTITIONS), values.get(ScalingDimension.CONFERENCES),
                values.get(ScalingDimension.OCCURRENCES), Duration.ofMillis(values.get(ScalingDimension.API_LATENCY)),
                changes);
    }

    /** Every workload to run, once each: the base point is on every dimension's line. */
    List<Workload> workloads() {
        Map<String, Workload> distinct = new LinkedHashMap<>();
        for (ScalingDimension dimension : dimensions) {
            for (int value : dimension.points()) {
                Workload workload = point(dimension, value);
                distinct.putIfAbsent(workload.name(), workload);
            }
        }
        return List.copyOf(distinct.values());
    }
}
