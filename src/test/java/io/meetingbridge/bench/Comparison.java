package io.meetingbridge.bench;

import java.util.Optional;

/**
 * One workload run through the bridge and the baselines.
 *
 * @param sequential null where the sequential baseline was not run (the scaling table)
 */
record Comparison(Workload workload, RunResult<Figures> bridge, RunResult<Figures> concurrent,
                  RunResult<Figures> sequential) {

    /** The bridge against the concurrent baseline: present when both runs succeeded. */
    Optional<Ratios> ratios() {
        return Ratios.between(bridge, concurrent);
    }

    /** The bridge against the sequential baseline, the second row. */
    Optional<Ratios> sequentialRatios() {
        return sequential == null ? Optional.empty() : Ratios.between(bridge, sequential);
    }
}
