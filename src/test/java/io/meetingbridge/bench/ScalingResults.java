package io.meetingbridge.bench;

import java.util.List;

/** The scaling table's runs (the bridge and the concurrent baseline per workload), looked up by point. */
record ScalingResults(ScalingPlan plan, List<Comparison> comparisons) {

    /** The comparison at {@code value} of {@code dimension}; every point of the plan was run. */
    Comparison at(ScalingDimension dimension, int value) {
        String name = plan.point(dimension, value).name();
        return comparisons.stream().filter(c -> c.workload().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run of " + name));
    }
}
