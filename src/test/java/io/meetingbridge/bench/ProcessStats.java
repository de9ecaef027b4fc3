package io.meetingbridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux process's CPU time so far (user + system, {@code /proc/<pid>/stat}), its peak and present resident
 * memory ({@code VmHWM} and {@code VmRSS} in {@code /proc/<pid>/status}) and its thread count ({@code Threads}).
 */
record ProcessStats(double cpuSeconds, long peakRssBytes, long rssBytes, int threads) {

    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();
    // fields of /proc/<pid>/stat after "pid (comm) ", counted from state (field 3 of proc(5))
    private static final int UTIME = 14 - 3;
    private static final int STIME = 15 - 3;

    static ProcessStats of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        String stat = read(proc.resolve("stat"));
        // the command name may hold spaces and parentheses: the fields start after its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[UTIME]) + Long.parseLong(fields[STIME]);
        String status = read(proc.resolve("status"));
        return new ProcessStats((double) ticks / CLOCK_TICKS_PER_SECOND, statusValue(status, "VmHWM") * 1024,
                statusValue(status, "VmRSS") * 1024, (int) statusValue(status, "Threads"));
    }

    /** The number of a {@code name: value} line of /proc/<pid>/status (kilobytes for memory). */
    private static long statusValue(String status, String name) {
        return status.lines().filter(line -> line.startsWith(name + ":"))
                .map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong)
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + name + " in /proc/<pid>/status"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the process ended?)", e);
        }
    }

    /** {@code getconf CLK_TCK}: the unit of utime and stime, almost always 100. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor() != 0) {
                throw new IllegalStateException("getconf CLK_TCK failed: " + output);
            }
            return Long.parseLong(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run getconf CLK_TCK", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running getconf", e);
        }
    }
}
