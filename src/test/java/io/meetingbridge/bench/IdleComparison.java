package io.meetingbridge.bench;

import java.util.Optional;

/** The bridge and the concurrent baseline idling the same way, against the same broker. */
record IdleComparison(RunResult<IdleFigures> bridge, RunResult<IdleFigures> concurrent) {

    /** The bridge's idle figures divided by the baseline's: present when both runs succeeded. */
    Optional<IdleRatios> ratios() {
        if (!bridge.succeeded() || !concurrent.succeeded()) {
            return Optional.empty();
        }
        IdleFigures b = bridge.figures();
        IdleFigures c = concurrent.figures();
        return Optional.of(new IdleRatios(b.cpuSecondsPerMinute() / c.cpuSecondsPerMinute(),
                (double) b.rssBytes() / c.rssBytes(), (double) b.threads() / c.threads()));
    }

    record IdleRatios(double cpu, double rss, double threads) {
    }
}
