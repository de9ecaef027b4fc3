package io.meetingbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The machine's CPU time so far, all processes together ({@code /proc/stat}): shows how busy the host
 * was while a pipeline was measured, the broker and simulator of this JVM and any other load included.
 */
record HostCpu(long busyTicks, long totalTicks) {

    // cpu: user nice system idle iowait irq softirq steal ...
    private static final int IDLE = 3;
    private static final int IOWAIT = 4;

    static HostCpu now() {
        try {
            String all = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long[] ticks = Arrays.stream(all.substring("cpu".length()).strip().split("\\s+"))
                    .limit(8).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).sum();
            return new HostCpu(total - ticks[IDLE] - ticks[IOWAIT], total);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }

    /** The share of all CPUs that was busy since {@code earlier}, in percent. */
    double busyPercentSince(HostCpu earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total == 0 ? 0 : 100.0 * (busyTicks - earlier.busyTicks) / total;
    }
}
