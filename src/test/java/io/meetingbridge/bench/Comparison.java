package io.meetingbridge.bench;

import java.util.Optional;

/** One workload run through both pipelines. */
record Comparison(Workload workload, RunResult bridge, RunResult baseline) {

    /** Present when both runs succeeded. */
    Optional<Ratios> ratios() {
        return bridge.succeeded() && baseline.succeeded()
                ? Optional.of(Ratios.of(bridge.figures(), baseline.figures()))
                : Optional.empty();
    }
}
