package io.meetingbridge.bench;

import java.util.function.Predicate;

/**
 * The limits one verdict holds the bridge to, each a ratio of its figure to the concurrent baseline's.
 *
 * @param throughputOf the workloads whose throughput is held to {@code minThroughput}
 */
record Thresholds(double minThroughput, Predicate<Workload> throughputOf, double maxSteadyCpu, double maxWholeCpu,
                  double maxStartup, double maxRss, double maxIdleCpu, double maxIdleRss) {
}
